import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerDatabaseUrl } from '@vouch/db';
import { runVouch } from './testing';


/** Runs `vouch …` as operators do: a separate process, JSON on stdout. */
const vouch = (args: string[], stdin?: string) => runVouch(args, { stdin });

const suffix = randomBytes(3).toString('hex');
let owner: pg.Client;

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
});
afterAll(async () => owner.end());

describe('vouch tenant create', () => {
  it('creates a tenant, its owner with a generated password and a default agent serving both environments', async () => {
    const result = await vouch(['tenant', 'create', `cli-${suffix}`, '--owner', `Owner-${suffix}@Example.test`]);
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({
      ok: true,
      tenant: { slug: `cli-${suffix}`, name: `Cli ${suffix[0]?.toUpperCase()}${suffix.slice(1)}` },
      owner: { email: `owner-${suffix}@example.test`, created: true, roles: ['owner'] },
      agent: { slug: 'support' },
    });
    expect(result.json.owner.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(result.json.agent.widgetKeys.staging).toMatch(/^pk_test_/);
    expect(result.json.agent.widgetKeys.production).toMatch(/^pk_live_/);
    const envs = await owner.query(
      'SELECT environment, config_version_id FROM agent_environments WHERE agent_id = $1 ORDER BY environment',
      [result.json.agent.id],
    );
    expect(envs.rows.map((r) => r.config_version_id)).toEqual([result.json.agent.versionId, result.json.agent.versionId]);
    const stored = await owner.query('SELECT password_hash FROM users WHERE id = $1', [result.json.owner.id]);
    expect(stored.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(stored.rows[0].password_hash).not.toContain(result.json.owner.password);
  });

  it('reads the owner password from stdin when asked', async () => {
    const result = await vouch(['tenant', 'create', `cli-stdin-${suffix}`, '--owner', `stdin-${suffix}@example.test`, '--password-stdin'], 'a-long-enough-password\n');
    expect(result.code).toBe(0);
    expect(result.json.owner.password).toBeNull();
  });

  it('refuses a duplicate slug and a bad slug with a clear error and exit code 1', async () => {
    const duplicate = await vouch(['tenant', 'create', `cli-${suffix}`, '--owner', `x-${suffix}@example.test`]);
    expect(duplicate).toMatchObject({ code: 1, json: { ok: false, error: `A tenant with slug "cli-${suffix}" already exists.` } });
    const bad = await vouch(['tenant', 'create', 'Bad Slug!', '--owner', 'x@example.test']);
    expect(bad.code).toBe(1);
    expect(bad.json.error).toMatch(/^slug: must be/);
    const badEmail = await vouch(['tenant', 'create', `cli-e-${suffix}`, '--owner', 'not-an-email']);
    expect(badEmail.json.error).toMatch(/^ownerEmail:/);
  });
});

describe('vouch member add', () => {
  it('adds a new member with several roles and merges roles on a second call', async () => {
    const first = await vouch(['member', 'add', '--tenant', `cli-${suffix}`, '--email', `agent-${suffix}@example.test`, '--role', 'support_agent']);
    expect(first).toMatchObject({ code: 0, json: { ok: true, roles: ['support_agent'], user: { created: true } } });
    const second = await vouch(['member', 'add', '--tenant', `cli-${suffix}`, '--email', `agent-${suffix}@example.test`, '--role', 'auditor,deployer']);
    expect(second.json.roles).toEqual(['support_agent', 'auditor', 'deployer']);
    expect(second.json.user).toMatchObject({ created: false, password: null });
  });

  it('refuses an unknown role and an unknown tenant', async () => {
    const role = await vouch(['member', 'add', '--tenant', `cli-${suffix}`, '--email', 'r@example.test', '--role', 'superuser']);
    expect(role.code).toBe(1);
    expect(role.json.error).toMatch(/Unknown role "superuser"/);
    const tenant = await vouch(['member', 'add', '--tenant', `missing-${suffix}`, '--email', 'r@example.test', '--role', 'auditor']);
    expect(tenant.json).toMatchObject({ ok: false, error: `No tenant with slug "missing-${suffix}".` });
  });
});

describe('vouch audit verify', () => {
  it('verifies the chain the commands wrote, then names the first tampered event', async () => {
    const ok = await vouch(['audit', 'verify', '--tenant', `cli-${suffix}`]);
    expect(ok.code).toBe(0);
    expect(ok.json).toMatchObject({ ok: true, firstBroken: null, tenant: { slug: `cli-${suffix}` } });
    expect(Number(ok.json.eventsChecked)).toBeGreaterThanOrEqual(4);

    const tenantId = ok.json.tenant.id as string;
    await owner.query('BEGIN');
    await owner.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await owner.query(`UPDATE audit_events SET actor_id = 'someone-else' WHERE tenant_id = $1 AND seq = 2`, [tenantId]);
    await owner.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await owner.query('COMMIT');

    const broken = await vouch(['audit', 'verify', '--tenant', `cli-${suffix}`]);
    expect(broken.code).toBe(1);
    expect(broken.json).toMatchObject({ ok: false, eventsChecked: 1, firstBroken: { seq: '2', reason: 'hash_mismatch' } });
  });
});

describe('vouch agent allow-origin', () => {
  it('adds an exact origin once, refuses paths and unknown environments, and is audited', async () => {
    const slug = `cli-origin-${suffix}`;
    const created = await vouch(['tenant', 'create', slug, '--owner', `origin-${suffix}@example.test`]);
    expect(created.code).toBe(0);
    const first = await vouch(['agent', 'allow-origin', '--tenant', slug, '--origin', 'https://help.example.test']);
    expect(first).toMatchObject({ code: 0, json: { ok: true, widgetKey: created.json.agent.widgetKeys.production, allowedOrigins: ['https://help.example.test'] } });
    const again = await vouch(['agent', 'allow-origin', '--tenant', slug, '--origin', 'https://help.example.test/']);
    expect(again.json.allowedOrigins).toEqual(['https://help.example.test']);
    const withPath = await vouch(['agent', 'allow-origin', '--tenant', slug, '--origin', 'https://help.example.test/faq']);
    expect(withPath).toMatchObject({ code: 1, json: { ok: false, error: expect.stringMatching(/no path/) } });
    const badEnv = await vouch(['agent', 'allow-origin', '--tenant', slug, '--origin', 'https://x.example.test', '--env', 'qa']);
    expect(badEnv.code).toBe(1);
    const staging = await owner.query("SELECT allowed_origins FROM agent_environments WHERE widget_key = $1", [created.json.agent.widgetKeys.staging]);
    expect(staging.rows[0].allowed_origins).toEqual([]);
    const events = await owner.query("SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND action = 'agent.allow-origin'", [created.json.tenant.id]);
    expect(events.rows[0].n).toBe(1);
  });
});
