import { allowWidgetOrigin, AppError, diffAgentVersions, getEvaluationRun, listAgents, runEvaluation, startEvaluationRun } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { z } from 'zod';
import { printJson } from '../output';
import { CLI_ACTOR, inSystemTransaction, resolveTenant } from '../system-tx';

/** Lets an agent environment's widget be embedded on one more origin (exact scheme://host[:port]). */
export async function agentAllowOriginCommand(options: { tenant: string; origin: string; agent?: string; env?: string }): Promise<void> {
  const result = await inSystemTransaction(async (tx) => {
    const tenant = await resolveTenant(tx, options.tenant);
    const allowed = await allowWidgetOrigin(tx, tenant.id, CLI_ACTOR, {
      origin: options.origin,
      agent: options.agent,
      // Validated by the core schema: anything but staging or production is refused.
      environment: options.env as 'staging' | 'production' | undefined,
    });
    return { tenant, ...allowed };
  });
  printJson({ ok: true, tenant: result.tenant.slug, widgetKey: result.widgetKey, allowedOrigins: result.allowedOrigins });
}

async function findAgentId(tx: Parameters<Parameters<typeof inSystemTransaction>[0]>[0], tenantId: string, agent: string | undefined): Promise<string> {
  const row = await tx.agent.findFirst({ where: { tenantId, slug: agent ?? 'support' }, select: { id: true } });
  if (!row) throw new AppError('NOT_FOUND', `No agent "${agent ?? 'support'}" in this tenant.`);
  return row.id;
}

/** The tenant's agents and the version each environment serves. */
export async function agentListCommand(options: { tenant: string }): Promise<void> {
  const result = await inSystemTransaction(async (tx) => {
    const tenant = await resolveTenant(tx, options.tenant);
    const agents = await listAgents(tx, { tenantId: tenant.id });
    return { tenant, agents };
  });
  printJson({
    ok: true,
    tenant: result.tenant.slug,
    agents: result.agents.map((a) => ({ slug: a.slug, name: a.name, versions: a.versionCount, staging: a.staging?.version ?? null, production: a.production?.version ?? null, openPromotion: a.openPromotion })),
  });
}

/** Field-by-field differences between two versions (numbers) of an agent. */
export async function agentDiffCommand(options: { tenant: string; agent?: string; from: string; to: string }): Promise<void> {
  const [from, to] = [options.from, options.to].map((v) => z.coerce.number().int().positive().parse(v.replace(/^v/, '')));
  const result = await inSystemTransaction(async (tx) => {
    const tenant = await resolveTenant(tx, options.tenant);
    const agentId = await findAgentId(tx, tenant.id, options.agent);
    const versions = await tx.agentConfigVersion.findMany({ where: { tenantId: tenant.id, agentId, version: { in: [from!, to!] } }, select: { id: true, version: true } });
    const id = (n: number) => {
      const found = versions.find((v) => v.version === n);
      if (!found) throw new AppError('NOT_FOUND', `No version ${n} of this agent.`);
      return found.id;
    };
    return diffAgentVersions(tx, { fromVersionId: id(from!), toVersionId: id(to!) });
  });
  printJson({ ok: true, from: result.from.version, to: result.to.version, changes: result.changes });
}

/**
 * Runs an agent version's evaluation (its suite and the red-team pack) here and now, without a
 * worker: for CI before a promotion request. Exit code 1 when any case fails.
 */
export async function agentEvaluateCommand(options: { tenant: string; agent?: string; env?: string; version?: string }): Promise<void> {
  const environment = z.enum(['staging', 'production']).parse(options.env ?? 'staging');
  const started = await inSystemTransaction(async (tx) => {
    const tenant = await resolveTenant(tx, options.tenant);
    const agentId = await findAgentId(tx, tenant.id, options.agent);
    const version = options.version
      ? await tx.agentConfigVersion.findFirst({ where: { tenantId: tenant.id, agentId, version: z.coerce.number().int().positive().parse(options.version.replace(/^v/, '')) }, select: { id: true, version: true } })
      : await tx.agentEnvironmentPointer.findFirst({ where: { tenantId: tenant.id, agentId, environment }, select: { configVersion: { select: { id: true, version: true } } } }).then((p) => p?.configVersion ?? null);
    if (!version) throw new AppError('NOT_FOUND', 'No such version of this agent.');
    const run = await startEvaluationRun(tx, tenant.id, CLI_ACTOR, { versionId: version.id });
    return { tenant, version, run };
  });
  const outcome = await runEvaluation(started.tenant.id, started.run.runId, {
    onProgress: (done, total) => void process.stderr.write(`\r[evaluate] ${done}/${total}`),
  });
  process.stderr.write('\n');
  const detail = await withTenant(started.tenant.id, (tx) => getEvaluationRun(tx, started.run.runId));
  printJson({
    ok: outcome.status === 'passed',
    tenant: started.tenant.slug,
    version: started.version.version,
    runId: started.run.runId,
    status: outcome.status,
    passed: outcome.passed,
    failed: outcome.failed,
    total: outcome.total,
    failures: detail.results.filter((r) => !r.passed).map((r) => ({ caseId: r.caseId, name: r.name, kind: r.kind, reasons: r.reasons })),
  });
  if (outcome.status !== 'passed') process.exitCode = 1;
}
