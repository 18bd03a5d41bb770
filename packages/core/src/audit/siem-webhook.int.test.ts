import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectAppClient, ownerDatabaseUrl, withTenant } from '@vouch/db';
import type { TActor } from '../actor';
import { chainHash, configureAuditWebhook, deliverAuditEvents, record, SIEM_SIGNATURE_HEADER, SIEM_TIMESTAMP_HEADER, type TAuditContent } from './index';

const actor: TActor = { type: 'system', name: 'siem-test' };
let owner: pg.Client;
/** Every tenant these tests make: their webhooks are removed afterwards (see afterAll). */
const tenants: string[] = [];

/** A SIEM on loopback: checks each request's HMAC with the secret it was given, records events. */
function receiver() {
  const state = { secret: '', answer: 200, requests: 0, badSignatures: 0, events: [] as { seq: string; hash: string; prevHash: string; action: string }[] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests += 1;
      const body = Buffer.concat(chunks).toString('utf8');
      const expected = Buffer.from(`sha256=${createHmac('sha256', state.secret).update(`${req.headers[SIEM_TIMESTAMP_HEADER] as string}.${body}`).digest('hex')}`);
      const given = Buffer.from(String(req.headers[SIEM_SIGNATURE_HEADER] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        state.badSignatures += 1;
        res.writeHead(401).end();
        return;
      }
      if (state.answer !== 200) {
        res.writeHead(state.answer).end();
        return;
      }
      state.events.push(...(JSON.parse(body) as { events: typeof state.events }).events);
      res.writeHead(204).end();
    });
  });
  return { state, server, url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

async function newTenant(): Promise<string> {
  const id = randomUUID();
  await owner.query('INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3)', [id, `siem-${id.slice(0, 8)}`, 'SIEM test']);
  tenants.push(id);
  return id;
}
const recordOne = (tenantId: string, i: number) => withTenant(tenantId, (tx) => record(tx, tenantId, actor, { action: 'test.streamed', data: { i } }));

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});
afterAll(async () => {
  delete process.env.VOUCH_SIEM_ALLOW_LOOPBACK;
  // The receivers are gone: left enabled, these loopback webhooks would be swept by any worker
  // that later runs on this database (e2e) and refused there, as noise in its log.
  await owner.query('DELETE FROM audit_webhooks WHERE tenant_id = ANY($1::uuid[])', [tenants]);
  await owner.end();
  await disconnectAppClient();
});

describe('SIEM webhook stream', () => {
  it('refuses private, loopback and metadata addresses unless loopback is switched on for tests', async () => {
    const tenantId = await newTenant();
    delete process.env.VOUCH_SIEM_ALLOW_LOOPBACK;
    for (const url of ['http://127.0.0.1:9/hook', 'http://10.0.0.5/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/hook', 'http://192.168.1.1/']) {
      await expect(withTenant(tenantId, (tx) => configureAuditWebhook(tx, tenantId, actor, { url }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    await expect(withTenant(tenantId, (tx) => configureAuditWebhook(tx, tenantId, actor, { url: 'ftp://example.com/x' }))).rejects.toThrow();
    process.env.VOUCH_SIEM_ALLOW_LOOPBACK = '1';
    // The switch admits loopback only, never private ranges.
    await expect(withTenant(tenantId, (tx) => configureAuditWebhook(tx, tenantId, actor, { url: 'http://10.0.0.5/hook' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('delivers new events signed, in order, once each; a failing receiver keeps the cursor and a retry catches up', async () => {
    process.env.VOUCH_SIEM_ALLOW_LOOPBACK = '1';
    const sink = receiver();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    try {
      const tenantId = await newTenant();
      await recordOne(tenantId, 0); // history before the webhook: not streamed
      const configured = await withTenant(tenantId, (tx) => configureAuditWebhook(tx, tenantId, actor, { url: sink.url() }));
      expect(configured.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      sink.state.secret = configured.secret!;
      // The secret is stored sealed only, and the audit event does not carry it.
      const stored = await owner.query<{ secret_sealed: string }>('SELECT secret_sealed FROM audit_webhooks WHERE tenant_id = $1', [tenantId]);
      expect(stored.rows[0]!.secret_sealed).not.toContain(configured.secret!);
      const events = await owner.query<{ data: string }>(`SELECT data::text FROM audit_events WHERE tenant_id = $1 AND action = 'audit.webhook-update'`, [tenantId]);
      expect(events.rows[0]!.data).not.toContain(configured.secret!);

      for (let i = 1; i <= 5; i += 1) await recordOne(tenantId, i);
      const first = await deliverAuditEvents(tenantId, { batchSize: 2 });
      expect(first).toMatchObject({ delivered: 6 }); // the webhook-update event and the 5 new ones
      expect(sink.state.events.map((e) => e.seq)).toEqual(['2', '3', '4', '5', '6', '7']);
      expect(sink.state.badSignatures).toBe(0);
      // Each event carries what the chain needs: the receiver can check the links itself.
      for (let i = 1; i < sink.state.events.length; i += 1) expect(sink.state.events[i]!.prevHash).toBe(sink.state.events[i - 1]!.hash);
      const one = sink.state.events[2] as unknown as TAuditContent & { prevHash: string; hash: string };
      expect(chainHash(one.prevHash, { tenantId: one.tenantId, seq: one.seq, occurredAt: one.occurredAt, actorType: one.actorType, actorId: one.actorId, action: one.action, targetType: one.targetType, targetId: one.targetId, ip: one.ip, userAgent: one.userAgent, data: one.data })).toBe(one.hash);

      // Nothing new: nothing sent.
      const requests = sink.state.requests;
      expect(await deliverAuditEvents(tenantId)).toMatchObject({ delivered: 0 });
      expect(sink.state.requests).toBe(requests);

      // The receiver fails: the delivery throws (so the job retries) and the cursor stays.
      await recordOne(tenantId, 6);
      sink.state.answer = 503;
      await expect(deliverAuditEvents(tenantId)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      const failed = await owner.query<{ delivered_seq: string; last_status: string; last_error: string }>('SELECT delivered_seq::text, last_status, last_error FROM audit_webhooks WHERE tenant_id = $1', [tenantId]);
      expect(failed.rows[0]).toEqual({ delivered_seq: '7', last_status: 'failed', last_error: 'the receiver answered HTTP 503' });
      sink.state.answer = 200;
      expect(await deliverAuditEvents(tenantId)).toMatchObject({ delivered: 1, deliveredSeq: '8' });
      expect(sink.state.events.map((e) => e.seq)).toEqual(['2', '3', '4', '5', '6', '7', '8']);

      // A receiver with the wrong secret rejects every request (the signature is what it checks).
      sink.state.secret = 'not-the-secret';
      await recordOne(tenantId, 7);
      await expect(deliverAuditEvents(tenantId)).rejects.toThrow(/401/);
      expect(sink.state.badSignatures).toBe(1);
    } finally {
      sink.server.close();
    }
  });

  it('stops at a disabled webhook and never delivers across tenants', async () => {
    process.env.VOUCH_SIEM_ALLOW_LOOPBACK = '1';
    const sink = receiver();
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    try {
      const a = await newTenant();
      const b = await newTenant();
      const configured = await withTenant(a, (tx) => configureAuditWebhook(tx, a, actor, { url: sink.url(), enabled: false }));
      sink.state.secret = configured.secret!;
      await recordOne(a, 1);
      await recordOne(b, 1);
      expect(await deliverAuditEvents(a)).toMatchObject({ delivered: 0, skipped: 'disabled' });
      expect(await deliverAuditEvents(b)).toMatchObject({ delivered: 0, skipped: 'not_configured' });
      await withTenant(a, (tx) => configureAuditWebhook(tx, a, actor, { url: sink.url(), enabled: true }));
      await deliverAuditEvents(a);
      expect(sink.state.events.length).toBeGreaterThan(0);
      expect(sink.state.events.every((e) => (e as unknown as { tenantId: string }).tenantId === a)).toBe(true);
    } finally {
      sink.server.close();
    }
  });
});
