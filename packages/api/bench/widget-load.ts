// Widget load benchmark. Prints figures, asserts nothing.
//   pnpm --filter @vouch/api bench     (the test database: vouch_test, or TEST_DATABASE_NAME)
// 50 concurrent chats over loopback HTTP against the real tRPC API (the same fetch adapter the
// chat app mounts), real Postgres and Redis, offline answer engine. Each chat opens a
// conversation and sends 5 messages one after another; afterwards every message is counted in
// the database to prove none was lost. Two scenarios (BENCH_SCENARIOS=burst,paced):
//   burst  no think time, every chat sends its next message as soon as its reply arrives (stress);
//   paced  a visitor reads and types for 2–6 s between messages (seeded), as chats really go.
// Server: by default in this process, as one chat app process; BENCH_SERVERS=N runs N server
// processes (node:cluster, sharing one port) like N chat app instances behind a load balancer
// (docs/performance.md), the bench client then alone in this process.
// Also printed: Node and Postgres CPU per message, statements and Redis commands per send (from
// a counting wrapper), server-side latency. BENCH_CPU_PROFILE=<file> profiles the in-process run;
// BENCH_LOG_STATEMENTS=1|all prints the statements of the first or every send.
import cluster from 'node:cluster';
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
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
import { counted, cpuProfile, installCounters, postgresCpu, type TCounts } from './instrument';

loadTestEnv();
process.env.VOUCH_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
// The bench client stands in for a proxy: each chat has its own address, as real visitors do.
process.env.VOUCH_TRUSTED_PROXIES = '127.0.0.1/32,::1/128';

const CHATS_ALL = Number(process.env.BENCH_CHATS ?? 50);
const SERVERS = Number(process.env.BENCH_SERVERS ?? 0);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5);
/** burst (no think time, the stress case) and paced (2–6 s between messages); both by default. */
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'burst,paced').split(',');
/** BENCH_LOG_STATEMENTS=1 (or all): print the Postgres statements and Redis commands of the first (or every) widget.send. */
const LOG_STATEMENTS = process.env.BENCH_LOG_STATEMENTS === '1' || process.env.BENCH_LOG_STATEMENTS === 'all';
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

/** What one server process saw since the last reset. */
interface TServerReport {
  latencies: number[];
  queries: number;
  redis: number;
  redisTrips: number;
  sends: number;
  cpuMs: number;
}

/** The chat API over HTTP: the tRPC fetch adapter as the chat app mounts it, with counters per widget.send. */
function chatServer() {
  let latencies: number[] = [];
  let counts: TCounts[] = [];
  let cpuStart = process.cpuUsage();
  let logged = 0;
  const server = createServer(async (req, res) => {
    const t0 = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const isSend = req.url?.includes('widget.send') ?? false;
    const { result: response, counts: own } = await counted(
      () =>
        fetchRequestHandler({
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
        }),
      { log: LOG_STATEMENTS && isSend },
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
    if (!isSend) return;
    latencies.push(performance.now() - t0);
    // Kept, not summed yet: what the send started after its response (inbox announcements) still counts.
    counts.push(own);
    if (LOG_STATEMENTS && (logged === 0 || process.env.BENCH_LOG_STATEMENTS === 'all')) {
      logged += 1;
      setTimeout(() => console.log(`  statements and Redis commands of a widget.send:\n    ${own.log!.join('\n    ')}`), 500);
    }
  });
  return {
    server,
    reset() {
      latencies = [];
      counts = [];
      cpuStart = process.cpuUsage();
    },
    report(): TServerReport {
      const cpu = process.cpuUsage(cpuStart);
      return {
        latencies,
        queries: counts.reduce((sum, c) => sum + c.queries, 0),
        redis: counts.reduce((sum, c) => sum + c.redis, 0),
        redisTrips: counts.reduce((sum, c) => sum + c.redisTrips, 0),
        sends: counts.length,
        cpuMs: (cpu.user + cpu.system) / 1000,
      };
    },
  };
}

type TWorkerMessage = { type: 'listening'; port: number } | { type: 'reset-done' } | { type: 'report'; report: TServerReport };

/** A server process of BENCH_SERVERS: serves until the primary disconnects; resets and reports on request. */
async function serveAsWorker(): Promise<void> {
  installCounters();
  const chat = chatServer();
  chat.server.listen(0, '127.0.0.1', () => process.send!({ type: 'listening', port: (chat.server.address() as AddressInfo).port } satisfies TWorkerMessage));
  process.on('message', (message: { type: 'reset' | 'report' }) => {
    if (message.type === 'reset') {
      chat.reset();
      process.send!({ type: 'reset-done' } satisfies TWorkerMessage);
    } else process.send!({ type: 'report', report: chat.report() } satisfies TWorkerMessage);
  });
  process.on('disconnect', () => {
    chat.server.close();
    void Promise.all([closeRedis(), disconnectAppClient()]).finally(() => process.exit(0));
  });
}

/** The servers as the client sees them: one in this process, or BENCH_SERVERS worker processes. */
async function startServers(): Promise<{ port: number; reset(): Promise<void>; report(): Promise<TServerReport[]>; close(): Promise<void> }> {
  if (SERVERS <= 0) {
    const chat = chatServer();
    await new Promise<void>((resolve) => chat.server.listen(0, '127.0.0.1', resolve));
    return {
      port: (chat.server.address() as AddressInfo).port,
      reset: async () => chat.reset(),
      report: async () => [chat.report()],
      close: async () => void (chat.server as Server).close(),
    };
  }
  const workers = Array.from({ length: SERVERS }, () => cluster.fork({ BENCH_ROLE: 'server' }));
  const ask = <T extends TWorkerMessage['type']>(worker: (typeof workers)[number], type: T, send?: object) =>
    new Promise<Extract<TWorkerMessage, { type: T }>>((resolve) => {
      const listener = (message: TWorkerMessage) => {
        if (message.type !== type) return;
        worker.off('message', listener);
        resolve(message as Extract<TWorkerMessage, { type: T }>);
      };
      worker.on('message', listener);
      if (send) worker.send(send);
    });
  const ports = await Promise.all(workers.map((w) => ask(w, 'listening')));
  return {
    port: ports[0]!.port,
    reset: async () => void (await Promise.all(workers.map((w) => ask(w, 'reset-done', { type: 'reset' })))),
    report: async () => (await Promise.all(workers.map((w) => ask(w, 'report', { type: 'report' })))).map((m) => m.report),
    close: async () => {
      for (const w of workers) w.disconnect();
    },
  };
}

async function main(): Promise<void> {
  installCounters();
  const system = getSystemClient();
  const suffix = randomBytes(3).toString('hex');
  const actor = { type: 'system', name: 'bench' } as const;
  /** A tenant with the three approved articles and a widget key allowed on ORIGIN. */
  const setUpTenant = async (slug: string) => {
    const created = await system.$transaction((tx) => createTenant(tx, actor, { slug, ownerEmail: `${slug}@example.test` }));
    const tenantId = created.tenant.id;
    const reviewer = { type: 'user', userId: created.owner.user.id, tenantId, roles: ['owner'] } as const;
    const embeddings = { embeddings: new OfflineHashEmbeddings(), id: 'offline-hash-384' };
    for (const [fileName, content] of ARTICLES) {
      const version = await system.$transaction((tx) => uploadSource(tx, tenantId, actor, { fileName, contentBase64: Buffer.from(content).toString('base64') }));
      await ingestSourceVersion(tenantId, version.versionId, { embeddings });
      await withTenant(tenantId, (tx) => reviewSourceVersion(tx, tenantId, reviewer, { versionId: version.versionId, decision: 'approve' }), { userId: reviewer.userId });
    }
    await system.agentEnvironmentPointer.updateMany({ where: { tenantId }, data: { allowedOrigins: [ORIGIN] } });
    return { tenantId, key: created.agent.widgetKeys.production };
  };
  const { tenantId: measuredTenantId, key: measuredKey } = await setUpTenant(`bench-chat-${suffix}`);
  // The warm-up chats in a tenant of their own, so they use none of the measured tenant's rate limits.
  const warmUp = await setUpTenant(`bench-warm-${suffix}`);

  const servers = await startServers();
  const base = `http://127.0.0.1:${servers.port}`;

  // The load generator is node:http with keep-alive connections (as autocannon and wrk are lean
  // clients), not fetch: it shares the 2 cores with the server, and fetch cost about twice the CPU
  // per request. What the server receives is the same request a browser sends.
  const agent = new Agent({ keepAlive: true, maxSockets: CHATS_ALL + 10 });
  const call = (path: string, input: Record<string, unknown>, visitorIp: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const body = JSON.stringify(superjson.serialize(input));
      const request = httpRequest(
        `${base}/api/trpc/${path}`,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: ORIGIN, 'x-forwarded-for': visitorIp },
        },
        (response) => {
          const parts: Buffer[] = [];
          response.on('data', (part: Buffer) => parts.push(part));
          response.on('error', reject);
          response.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(parts).toString('utf8')) as { result?: { data: Parameters<typeof superjson.deserialize>[0] } };
              if (response.statusCode !== 200 || !parsed.result) throw new Error(`${path} answered ${response.statusCode}`);
              resolve(superjson.deserialize<Record<string, unknown>>(parsed.result.data));
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  /** One scenario: every chat opens a conversation, then sends its messages, waiting `think(chat, m)` ms before each. */
  const runScenario = async (
    name: string,
    describe: string,
    think: (chat: number, m: number) => number,
    options: { chats?: number; quiet?: boolean; tenant?: { tenantId: string; key: string } } = {},
  ) => {
    const CHATS = options.chats ?? CHATS_ALL;
    const { tenantId, key } = options.tenant ?? { tenantId: measuredTenantId, key: measuredKey };
    const latencies: number[] = [];
    const handoffLatencies: number[] = [];
    let failures = 0;
    const conversations: string[] = [];
    await servers.reset();
    const profile = SERVERS <= 0 && !options.quiet ? await cpuProfile(name) : { stop: async () => {} };
    const pgCpu = await postgresCpu(system, 'vouch_app');
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CHATS }, async (_, chat) => {
        const visitorId = `bench-visitor-${name}-${suffix}-${chat}`.padEnd(16, 'x');
        const visitorIp = `198.51.${{ burst: 100, paced: 101 }[name] ?? 102}.${(chat % 250) + 1}`;
        const { conversationId } = (await call('widget.start', { key, visitorId }, visitorIp)) as { conversationId: string };
        conversations.push(conversationId);
        for (let m = 0; m < MESSAGES; m += 1) {
          const pause = think(chat, m);
          if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
          const t0 = performance.now();
          try {
            const reply = await call('widget.send', { key, visitorId, conversationId, message: QUESTIONS[(chat + m) % QUESTIONS.length]! }, visitorIp);
            const took = performance.now() - t0;
            latencies.push(took);
            if (reply.handoff) handoffLatencies.push(took);
          } catch {
            failures += 1;
          }
        }
      }),
    );
    const wall = (performance.now() - started) / 1000;
    const clientCpu = process.cpuUsage(cpuBefore);
    await profile.stop();
    // The inbox announcements run after each response; let the last ones finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const postgresMs = await pgCpu.stop();
    const reports = await servers.report();
    const stored = await withTenant(tenantId, (tx) => tx.message.count({ where: { conversationId: { in: conversations }, role: 'customer' } }));
    if (options.quiet) return;
    latencies.sort((a, b) => a - b);
    handoffLatencies.sort((a, b) => a - b);
    const server = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const n = Math.max(1, latencies.length);
    const sends = Math.max(1, reports.reduce((sum, r) => sum + r.sends, 0));
    const serverCpu = reports.reduce((sum, r) => sum + r.cpuMs, 0);
    console.log(`${name}: ${CHATS} concurrent chats × ${MESSAGES} messages, ${describe}; ${SERVERS <= 0 ? 'server in the bench process' : `${SERVERS} server processes`}`);
    console.log(`  answer latency (client) p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${percentile(latencies, 100).toFixed(0)} ms`);
    if (handoffLatencies.length > 0) {
      console.log(`  of which ${handoffLatencies.length} handed off (the reply waits for routing): p50 ${percentile(handoffLatencies, 50).toFixed(0)} ms, p95 ${percentile(handoffLatencies, 95).toFixed(0)} ms`);
    }
    console.log(`  server-side widget.send p50 ${percentile(server, 50).toFixed(0)} ms, p95 ${percentile(server, 95).toFixed(0)} ms`);
    console.log(`  throughput ${(latencies.length / wall).toFixed(1)} messages/s over ${wall.toFixed(1)} s; failed calls ${failures}`);
    const clientMs = (clientCpu.user + clientCpu.system) / 1000;
    console.log(
      SERVERS <= 0
        ? `  CPU per message (widget.start included): ${(clientMs / n).toFixed(1)} ms Node (server + bench client, one process; ${(clientCpu.system / 1000 / n).toFixed(1)} ms of it in the kernel), ${(postgresMs / n).toFixed(1)} ms Postgres backends`
        : `  CPU per message (widget.start included): ${(serverCpu / n).toFixed(1)} ms Node servers, ${(clientMs / n).toFixed(1)} ms bench client, ${(postgresMs / n).toFixed(1)} ms Postgres backends`,
    );
    console.log(`  per widget.send: ${(reports.reduce((sum, r) => sum + r.queries, 0) / sends).toFixed(1)} Postgres statements (BEGIN/COMMIT included), ${(reports.reduce((sum, r) => sum + r.redis, 0) / sends).toFixed(1)} Redis commands in ${(reports.reduce((sum, r) => sum + r.redisTrips, 0) / sends).toFixed(1)} round trips`);
    console.log(`  customer messages sent ${CHATS * MESSAGES}, stored ${stored}, lost ${CHATS * MESSAGES - failures - stored}`);
  };

  console.log(`Widget load over loopback HTTP (tRPC fetch adapter, real Postgres + Redis, offline engine); ${cpus().length} cores, 1-min load average ${loadavg()[0]!.toFixed(1)} (other work on the machine inflates latency)`);
  // Warm-up, not reported: a fresh server process compiles (JIT) and connects on its first requests.
  await runScenario('warmup', '', () => 0, { chats: Math.min(CHATS_ALL, 40), quiet: true, tenant: warmUp });
  if (SCENARIOS.includes('burst')) await runScenario('burst', 'no think time: each sends its next message as soon as the reply arrives (stress case)', () => 0);
  if (SCENARIOS.includes('paced')) {
    // A visitor reads the reply and types the next message: 2–6 s, from a seeded generator so runs compare.
    const random = mulberry32(0x5eed);
    const pauses = Array.from({ length: CHATS_ALL }, () => Array.from({ length: MESSAGES }, (_, m) => (m === 0 ? random() * 4000 : 2000 + random() * 4000)));
    await runScenario('paced', 'chat pacing: 2–6 s reading and typing between messages (seeded), first message within 4 s', (chat, m) => pauses[chat]![m]!);
  }
  agent.destroy();
  await servers.close();
  await Promise.all([closeRedis(), disconnectAppClient(), disconnectSystemClient()]);
}

/** A small seeded generator (mulberry32), so the paced scenario's think times repeat run to run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (cluster.isWorker && process.env.BENCH_ROLE === 'server') await serveAsWorker();
else await main();
