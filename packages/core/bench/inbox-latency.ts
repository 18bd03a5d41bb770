// Customer message → handoff visible in the inbox, measured. Prints figures, asserts nothing.
//   pnpm --filter @vouch/core exec tsx bench/inbox-latency.ts   (vouch_test database, or TEST_DATABASE_NAME; BENCH_RUNS, default 30)
// Each run: a customer asks for a person through the real pipeline (answerCustomerMessage:
// redaction, vault, injection score, handoff in Postgres under RLS), the widget router's
// announceCustomerTurn publishes ids on Redis, an inbox subscriber (what the console's SSE route
// does) receives handoff.created and re-reads the list through listHandoffs as a support agent,
// as the page does. Side by side: the same list refresh under the old 2 s polling, whose expected
// delay is the message time plus a uniformly distributed wait for the next tick.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { closeRedis } from '@vouch/jobs';
import { loadTestEnv } from '../../../tooling/vitest/test-env';
import type { TActor } from '../src/actor';
import { answerCustomerMessage } from '../src/conversation/answer-customer-message';
import { ARTICLES, createTenantWithArticles, SYSTEM } from '../src/conversation/testing/conversation-fixture';
import { listHandoffs } from '../src/handoff/list-handoffs';
import { announceCustomerTurn } from '../src/handoff/route-new-handoff';
import { addMember } from '../src/member/add-member';
import { inboxChannel, type TRealtimeEvent } from '../src/realtime/events';
import { closeRealtime, subscribeRealtime } from '../src/realtime/subscribe-realtime';

loadTestEnv();
process.env.VOUCH_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const POLL_MS = 2000;

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const fmt = (values: number[]) => `p50 ${pct(values, 50).toFixed(0)} ms, p95 ${pct(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms`;

async function main(): Promise<void> {
  const tenant = await createTenantWithArticles('bench-inbox', { 'shipping-times.md': ARTICLES['shipping-times.md'] });
  const added = await getSystemClient().$transaction((tx) => addMember(tx, tenant.id, SYSTEM, { email: `bench-agent-${randomUUID()}@example.test`, roles: ['support_agent'] }));
  const agent: TActor = { type: 'user', userId: added.user.id, tenantId: tenant.id, roles: ['support_agent'] };

  const waiting = new Map<string, (at: number) => void>();
  const stop = await subscribeRealtime(inboxChannel(tenant.id), (event: TRealtimeEvent) => {
    if (event.kind === 'handoff.created' && event.conversationId) waiting.get(event.conversationId)?.(performance.now());
  });

  const pipeline: number[] = [];
  const pushed: number[] = [];
  const visible: number[] = [];
  const polled: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const reply = await answerCustomerMessage(tenant.id, {
      target: { agent: null, environment: 'production' },
      visitor: { id: `bench-visitor-${randomUUID()}`, ip: null },
      message: 'I want to talk to a human please, my email is bench@example.com',
    });
    const stored = performance.now();
    const received = new Promise<number>((resolve) => waiting.set(reply.conversationId, resolve));
    await announceCustomerTurn(tenant.id, { conversationId: reply.conversationId, customerMessageId: reply.customerMessageId, messageId: reply.messageId, handoffId: reply.handoffId });
    const at = await received;
    waiting.delete(reply.conversationId);
    const list = await withTenant(tenant.id, (tx) => listHandoffs(tx, agent, { view: 'new' }), { userId: added.user.id });
    const shown = performance.now();
    if (!list.items.some((h) => h.conversationId === reply.conversationId)) throw new Error('the handoff was not in the list after the push');
    pipeline.push(stored - started);
    pushed.push(at - started);
    visible.push(shown - started);
    // The same refresh, had the page polled every 2 s: it waits for the next tick first.
    polled.push(stored - started + Math.random() * POLL_MS + (shown - at));
  }
  await stop();
  console.log(`inbox latency over ${RUNS} handoffs (offline provider, loopback Postgres and Redis)`);
  console.log(`  pipeline (message stored, handoff committed)   ${fmt(pipeline)}`);
  console.log(`  + Redis push received by the inbox subscriber  ${fmt(pushed)}`);
  console.log(`  + list re-read under RLS (SSE, what ships)     ${fmt(visible)}`);
  console.log(`  same list with 2 s polling (previous version)  ${fmt(polled)}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await closeRealtime();
    await Promise.all([disconnectAppClient(), disconnectSystemClient(), closeRedis()]);
  });
