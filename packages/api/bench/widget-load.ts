// Widget load benchmark. Prints figures, asserts nothing.
//   pnpm --filter @vouch/api bench     (uses the vouch_test database and Redis db 1)
// 50 concurrent chats over loopback HTTP against the real tRPC API (the same fetch adapter the
// chat app mounts), real Postgres and Redis, offline answer engine. Each chat opens a
// conversation and sends 5 messages one after another; afterwards every message is counted in
// the database to prove none was lost.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import superjson from 'superjson';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createTenant, ingestSourceVersion, reviewSourceVersion, uploadSource } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { OfflineHashEmbeddings } from '@vouch/rag';
import { loadTestEnv } from '../../../tooling/vitest/test-env';
import { appRouter, createTRPCContext } from '../src/index';

loadTestEnv();
process.env.VOUCH_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
// The bench client stands in for a proxy: each chat has its own address, as real visitors do.
process.env.VOUCH_TRUSTED_PROXIES = '127.0.0.1/32,::1/128';

const CHATS = Number(process.env.BENCH_CHATS ?? 50);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5);
const ORIGIN = 'https://shop.bench.example';
const QUESTIONS = [
  'How long does standard shipping take?',
  'How do I reset my password?',
  'Can I pay by invoice?',
  'Do you sell gift cards for horses?',
  'When does express shipping arrive?',
];
const ARTICLES: [string, string][] = [
  ['shipping.md', '# Shipping\n\nStandard shipping takes 3 to 5 business days within the EU. Express shipping takes 1 to 2 business days.'],
  ['passwords.md', '# Passwords\n\nChoose "Forgot password" on the sign-in page to receive a reset link that is valid for 30 minutes.'],
  ['billing.faq.json', JSON.stringify([{ question: 'Can I pay by invoice?', answer: 'Business customers can pay by invoice within 14 days.' }])],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  const system = getSystemClient();
  const suffix = randomBytes(3).toString('hex');
  const actor = { type: 'system', name: 'bench' } as const;
  const created = await system.$transaction((tx) => createTenant(tx, actor, { slug: `bench-chat-${suffix}`, ownerEmail: `bench-chat-${suffix}@example.test` }));
  const tenantId = created.tenant.id;
  const reviewer = { type: 'user', userId: created.owner.user.id, tenantId, roles: ['owner'] } as const;
  const embeddings = { embeddings: new OfflineHashEmbeddings(), id: 'offline-hash-384' };
  for (const [fileName, content] of ARTICLES) {
    const version = await system.$transaction((tx) => uploadSource(tx, tenantId, actor, { fileName, contentBase64: Buffer.from(content).toString('base64') }));
    await ingestSourceVersion(tenantId, version.versionId, { embeddings });
    await withTenant(tenantId, (tx) => reviewSourceVersion(tx, tenantId, reviewer, { versionId: version.versionId, decision: 'approve' }), { userId: reviewer.userId });
  }
  await system.agentEnvironmentPointer.updateMany({ where: { tenantId }, data: { allowedOrigins: [ORIGIN] } });
  const key = created.agent.widgetKeys.production;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      createContext: () =>
        createTRPCContext({
          session: null,
          tenantSlug: null,
          ip: req.socket.remoteAddress ?? null,
          forwardedFor: request.headers.get('x-forwarded-for'),
          userAgent: request.headers.get('user-agent'),
          origin: request.headers.get('origin'),
        }),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call = async (path: string, input: Record<string, unknown>, visitorIp: string) => {
    const response = await fetch(`${base}/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': visitorIp },
      body: JSON.stringify(superjson.serialize(input)),
    });
    const body = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] } };
    if (!response.ok || !body.result) throw new Error(`${path} answered ${response.status}`);
    return superjson.deserialize<Record<string, unknown>>(body.result.data);
  };

  const latencies: number[] = [];
  let failures = 0;
  const conversations: string[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CHATS }, async (_, chat) => {
      const visitorId = `bench-visitor-${suffix}-${chat}`.padEnd(16, 'x');
      const visitorIp = `198.51.100.${(chat % 250) + 1}`;
      const { conversationId } = (await call('widget.start', { key, visitorId }, visitorIp)) as { conversationId: string };
      conversations.push(conversationId);
      for (let m = 0; m < MESSAGES; m += 1) {
        const t0 = performance.now();
        try {
          await call('widget.send', { key, visitorId, conversationId, message: QUESTIONS[(chat + m) % QUESTIONS.length]! }, visitorIp);
          latencies.push(performance.now() - t0);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // The inbox announcements run after each response; let the last ones finish before disconnecting.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  server.close();

  const stored = await withTenant(tenantId, (tx) => tx.message.count({ where: { conversationId: { in: conversations }, role: 'customer' } }));
  latencies.sort((a, b) => a - b);
  console.log(`Widget load: ${CHATS} concurrent chats × ${MESSAGES} messages over loopback HTTP (tRPC fetch adapter, real Postgres + Redis, offline engine):`);
  console.log(`  answer latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${percentile(latencies, 100).toFixed(0)} ms`);
  console.log(`  throughput ${(latencies.length / wall).toFixed(1)} messages/s; failed calls ${failures}`);
  console.log(
    `  server+client CPU ${((cpu.user + cpu.system) / 1000 / latencies.length).toFixed(1)} ms per message (one process); ${cpus().length} cores, 1-min load average ${loadavg()[0]!.toFixed(1)} (other work on the machine inflates latency)`,
  );
  console.log(`  customer messages sent ${CHATS * MESSAGES}, stored ${stored}, lost ${CHATS * MESSAGES - failures - stored}`);
  await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
}

await main();
