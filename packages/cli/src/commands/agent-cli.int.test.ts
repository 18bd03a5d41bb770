import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvalCase, createTenant, editStagingConfig, getAgentVersion } from '@vouch/core';
import { disconnectAppClient, withTenant } from '@vouch/db';
import { disconnectSystemClient, getSystemClient } from '@vouch/db/system';
import { runVouch } from '../testing';

const SYSTEM = { type: 'system', name: 'agent-cli-test' } as const;

const vouch = (args: string[]) => runVouch(args, { timeoutMs: 120_000 });

const slug = `agentcli-${randomBytes(3).toString('hex')}`;
let tenantId = '';

beforeAll(async () => {
  const created = await getSystemClient().$transaction((tx) => createTenant(tx, SYSTEM, { slug, ownerEmail: `${slug}@example.test` }));
  tenantId = created.tenant.id;
  const agentId = created.agent.id;
  const base = await withTenant(tenantId, (tx) => getAgentVersion(tx, created.agent.versionId));
  await withTenant(tenantId, (tx) => editStagingConfig(tx, tenantId, SYSTEM, { agentId, baseVersionId: base.id, config: { ...base.config, greeting: 'CLI hello v2' } }));
});

afterAll(async () => {
  await Promise.all([disconnectAppClient(), disconnectSystemClient()]);
});

describe('vouch agent', () => {
  it('lists agents with the version each environment serves, for that tenant only', async () => {
    const { code, json } = await vouch(['agent', 'list', '--tenant', slug]);
    expect(code).toBe(0);
    expect(json).toEqual({ ok: true, tenant: slug, agents: [{ slug: 'support', name: expect.any(String), versions: 2, staging: 2, production: 1, openPromotion: null }] });
  });

  it('diffs two versions by number', async () => {
    const { code, json } = await vouch(['agent', 'diff', '--tenant', slug, '--from', '1', '--to', 'v2']);
    expect(code).toBe(0);
    expect(json).toMatchObject({ ok: true, from: 1, to: 2, changes: [{ path: 'greeting', after: 'CLI hello v2' }] });
    expect((await vouch(['agent', 'diff', '--tenant', slug, '--from', '1', '--to', '9'])).code).not.toBe(0);
  });

  it('evaluates the staging version and exits 1 with the failing case when one fails', async () => {
    const passing = await vouch(['agent', 'evaluate', '--tenant', slug]);
    expect(passing).toMatchObject({ code: 0, json: { ok: true, version: 2, status: 'passed', failed: 0 } });
    const agentId = (await getSystemClient().agent.findFirstOrThrow({ where: { tenantId } })).id;
    await withTenant(tenantId, (tx) => createEvalCase(tx, tenantId, SYSTEM, { agentId, name: 'Must answer pigeons', kind: 'must_answer', question: 'How fast are carrier pigeons?', expectedFacts: ['80 km/h'] }));
    const failing = await vouch(['agent', 'evaluate', '--tenant', slug, '--env', 'production']);
    expect(failing.code).toBe(1);
    expect(failing.json).toMatchObject({ ok: false, version: 1, status: 'failed', failed: 1, failures: [{ name: 'Must answer pigeons', kind: 'must_answer' }] });
  });
});
