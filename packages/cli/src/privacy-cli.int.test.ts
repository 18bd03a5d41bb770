import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerDatabaseUrl } from '@vouch/db';
import { runVouch } from './testing';


const vouch = (args: string[]) => runVouch(args);

const suffix = randomBytes(3).toString('hex');
const slug = `privacy-${suffix}`;
const email = `cli.subject.${suffix}@example.test`;
let owner: pg.Client;
let tenantId = '';
let contactId = '';

beforeAll(async () => {
  const created = await vouch(['tenant', 'create', slug, '--owner', `privacy-owner-${suffix}@example.test`]);
  expect(created.code).toBe(0);
  tenantId = created.json.tenant.id;
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  const agent = (await owner.query<{ id: string }>(`INSERT INTO agents (tenant_id, slug, name) VALUES ($1, 'cli', 'CLI') RETURNING id`, [tenantId])).rows[0]!.id;
  contactId = (await owner.query<{ id: string }>(`INSERT INTO contacts (tenant_id, email, name, external_id) VALUES ($1, $2, 'Cli Subject', $3) RETURNING id`, [tenantId, email, `u-${suffix}`])).rows[0]!.id;
  const conversation = (await owner.query<{ id: string }>('INSERT INTO conversations (tenant_id, agent_id, contact_id) VALUES ($1, $2, $3) RETURNING id', [tenantId, agent, contactId])).rows[0]!.id;
  await owner.query(`INSERT INTO messages (tenant_id, conversation_id, role, content) VALUES ($1, $2, 'customer', 'where is my order?'), ($1, $2, 'assistant', 'On its way.')`, [tenantId, conversation]);
});

afterAll(async () => {
  await owner.end();
});

describe('vouch privacy', () => {
  it('export prints the archive as JSON, by email, contact or user id', async () => {
    const byEmail = await vouch(['privacy', 'export', '--tenant', slug, '--email', email]);
    expect(byEmail.code).toBe(0);
    expect(byEmail.json).toMatchObject({ ok: true, tenant: { id: tenantId, slug }, counts: { contacts: 1, conversations: 1, messages: 2 } });
    expect(byEmail.json.archive).toMatchObject({ format: 'vouch-data-subject-export/v1', contacts: [{ id: contactId, email }] });
    const byContact = await vouch(['privacy', 'export', '--tenant', slug, '--contact', contactId]);
    expect(byContact.json.counts).toEqual({ contacts: 1, conversations: 1, messages: 2 });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vouch-privacy-'));
    const out = path.join(dir, 'subject.json');
    const toFile = await vouch(['privacy', 'export', '--tenant', slug, '--user-id', `u-${suffix}`, '--out', out]);
    expect(toFile.json).toMatchObject({ ok: true, out, counts: { contacts: 1 } });
    expect(JSON.parse(await readFile(out, 'utf8')).contacts[0].email).toBe(email);
  });

  it('refuses an ambiguous or missing subject, and an unknown tenant, with {"ok":false}', async () => {
    const both = await vouch(['privacy', 'erase', '--tenant', slug, '--email', email, '--contact', contactId]);
    expect(both).toMatchObject({ code: 1, json: { ok: false, error: expect.stringMatching(/exactly one/) } });
    const none = await vouch(['privacy', 'erase', '--tenant', slug]);
    expect(none).toMatchObject({ code: 1, json: { ok: false } });
    const badEmail = await vouch(['privacy', 'export', '--tenant', slug, '--email', 'not-an-email']);
    expect(badEmail).toMatchObject({ code: 1, json: { ok: false } });
    const unknown = await vouch(['privacy', 'erase', '--tenant', `nope-${suffix}`, '--email', email]);
    expect(unknown).toMatchObject({ code: 1, json: { ok: false, error: expect.stringMatching(/No tenant/) } });
    // Nothing was erased by the refused calls.
    expect((await owner.query('SELECT 1 FROM contacts WHERE id = $1', [contactId])).rowCount).toBe(1);
  });

  it('erase prints the counts, leaves nothing, and the chain verifies', async () => {
    const erased = await vouch(['privacy', 'erase', '--tenant', slug, '--email', email.toUpperCase()]);
    expect(erased.code).toBe(0);
    expect(erased.json).toMatchObject({ ok: true, tenant: { id: tenantId, slug }, kind: 'email', counts: { contacts: 1, conversations: 1, messages: 2 } });
    expect(erased.json.subjectDigest).toMatch(/^[0-9a-f]{32}$/);
    const again = await vouch(['privacy', 'export', '--tenant', slug, '--email', email]);
    expect(again.json.counts).toEqual({ contacts: 0, conversations: 0, messages: 0 });
    const verified = await vouch(['audit', 'verify', '--tenant', slug]);
    expect(verified).toMatchObject({ code: 0, json: { ok: true } });
    const events = await owner.query<{ action: string; actor_id: string }>(`SELECT action, actor_id FROM audit_events WHERE tenant_id = $1 AND action LIKE 'privacy.%' ORDER BY seq`, [tenantId]);
    expect(events.rows.map((e) => e.action)).toEqual(['privacy.export', 'privacy.export', 'privacy.export', 'privacy.erase', 'privacy.export']);
    expect(new Set(events.rows.map((e) => e.actor_id))).toEqual(new Set(['system:cli']));
  });

  it('retention run prints the run with counts', async () => {
    const result = await vouch(['retention', 'run', '--tenant', slug]);
    expect(result).toMatchObject({ code: 0, json: { ok: true, run: { status: 'done', kind: 'manual', removed: { conversations: 0 } } } });
  });
});
