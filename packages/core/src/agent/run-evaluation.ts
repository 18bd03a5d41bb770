import { type Prisma, withTenant, type TenantTx } from '@vouch/db';
import { redact } from '@vouch/guard';
import { z } from 'zod';
import { actorId, type TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';
import { ZAgentConfig } from './agent-config';
import { dryRunAnswer, type TDryRunDeps, type TDryRunTrace } from './dry-run-answer';
import { judgeEvalCase, judgeRedTeamAttempt } from './judge-eval-case';
import { listEvalCases } from './manage-eval-cases';
import { RED_TEAM_PACK } from './red-team/injection-pack';

export type TEvalRunStatus = 'queued' | 'running' | 'passed' | 'failed' | 'error';

export interface TEvalCaseResult {
  /** A suite case id, or a red-team attempt id (`rt-…`). */
  caseId: string;
  source: 'suite' | 'red_team';
  name: string;
  kind: string;
  passed: boolean;
  reasons: string[];
  /** The reply, redacted like everything the platform stores. */
  answer: string;
  citations: { source: string; sourceId: string; chunkId: string }[];
  escalated: boolean;
  reason: string;
  trace: TDryRunTrace;
}

const WORKER: TActor = { type: 'system', name: 'worker:evaluation' };

/** Creates a queued run of the agent's suite plus the red-team pack for one version; the caller enqueues the job. */
export async function startEvaluationRun(
  tx: TenantTx,
  tenantId: string,
  actor: TActor,
  input: { versionId: string; promotionId?: string | null },
): Promise<{ runId: string; total: number }> {
  const version = await tx.agentConfigVersion.findFirst({ where: { id: z.uuid().parse(input.versionId) }, select: { id: true, agentId: true, version: true } });
  if (!version) throw new AppError('NOT_FOUND', 'No such version.');
  const running = input.promotionId ? null : await tx.agentEvalRun.findFirst({ where: { configVersionId: version.id, status: { in: ['queued', 'running'] } } });
  if (running) throw new AppError('CONFLICT', `An evaluation of v${version.version} is already running.`);
  const cases = await tx.agentEvalCase.count({ where: { agentId: version.agentId } });
  const run = await tx.agentEvalRun.create({
    data: { tenantId, agentId: version.agentId, configVersionId: version.id, promotionId: input.promotionId ?? null, total: cases + RED_TEAM_PACK.length, requestedBy: actorId(actor) },
  });
  await record(tx, tenantId, actor, {
    action: 'agent.evaluation-start',
    targetType: 'agent_eval_run',
    targetId: run.id,
    data: { agentId: version.agentId, version: version.version, suiteCases: cases, redTeamCases: RED_TEAM_PACK.length, promotionId: input.promotionId ?? null },
  });
  return { runId: run.id, total: run.total };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** Settles the promotion waiting on this run: the gate passed or failed. */
async function settleGate(tx: TenantTx, tenantId: string, run: { id: string; promotionId: string | null; agentId: string }, passed: boolean, counts: { passed: number; failed: number }) {
  if (!run.promotionId) return;
  const moved = await tx.agentPromotion.updateMany({
    where: { id: run.promotionId, status: 'evaluating' },
    data: { status: passed ? 'awaiting_approval' : 'gate_failed', updatedAt: new Date() },
  });
  if (moved.count === 0) return;
  await record(tx, tenantId, WORKER, {
    action: passed ? 'agent.promotion-gate-pass' : 'agent.promotion-gate-fail',
    targetType: 'agent_promotion',
    targetId: run.promotionId,
    data: { agentId: run.agentId, runId: run.id, ...counts },
  });
}

/**
 * Runs every case of a queued evaluation through the answer pipeline (dry run: no conversation,
 * no handoff) for the run's config version, records each result with its trace, reports
 * progress, and settles the promotion gate when the run belongs to one. A run that already
 * finished is returned as is, so a redelivered job does nothing twice.
 */
export async function runEvaluation(
  tenantId: string,
  runId: string,
  options: { onProgress?: (done: number, total: number) => Promise<unknown> | void; deps?: TDryRunDeps } = {},
): Promise<{ status: TEvalRunStatus; passed: number; failed: number; total: number }> {
  const setup = await withTenant(tenantId, async (tx) => {
    const run = await tx.agentEvalRun.findFirst({ where: { id: runId } });
    if (!run) throw new AppError('NOT_FOUND', 'No such evaluation run.');
    if (['passed', 'failed', 'error'].includes(run.status)) return { kind: 'finished' as const, run };
    const version = await tx.agentConfigVersion.findFirstOrThrow({ where: { id: run.configVersionId } });
    const cases = await listEvalCases(tx, run.agentId);
    await tx.agentEvalRun.update({
      where: { id: run.id },
      data: { status: 'running', startedAt: new Date(), done: 0, passedCount: 0, failedCount: 0, results: [], total: cases.length + RED_TEAM_PACK.length },
    });
    return { kind: 'started' as const, run, config: ZAgentConfig.parse(version.config), cases };
  });
  if (setup.kind === 'finished') {
    const run = setup.run;
    return { status: run.status as TEvalRunStatus, passed: run.passedCount, failed: run.failedCount, total: run.total };
  }
  const { run, config, cases } = setup;
  const deployment = { agentId: run.agentId, environment: 'staging' as const, configVersionId: run.configVersionId, config };
  const work = [
    ...cases.map((c) => ({ caseId: c.id, source: 'suite' as const, name: c.name, kind: c.kind, question: c.question, judge: (reply: Awaited<ReturnType<typeof dryRunAnswer>>) => judgeEvalCase(c, reply, config.persona) })),
    ...RED_TEAM_PACK.map((a) => ({ caseId: a.id, source: 'red_team' as const, name: `${a.technique} (${a.lang})`, kind: 'red_team', question: a.text, judge: (reply: Awaited<ReturnType<typeof dryRunAnswer>>) => judgeRedTeamAttempt(a, reply, config.persona) })),
  ];
  const results: TEvalCaseResult[] = [];
  let passed = 0;
  for (const item of work) {
    const reply = await dryRunAnswer(tenantId, deployment, { message: item.question }, options.deps);
    const judgement = item.judge(reply);
    if (judgement.passed) passed += 1;
    results.push({
      caseId: item.caseId,
      source: item.source,
      name: item.name,
      kind: item.kind,
      passed: judgement.passed,
      reasons: judgement.reasons,
      answer: redact(reply.answer).text,
      citations: reply.citations.map((c) => ({ source: c.source, sourceId: c.sourceId, chunkId: c.chunkId })),
      escalated: reply.escalated,
      reason: reply.reason,
      trace: reply.trace,
    });
    await withTenant(tenantId, (tx) =>
      tx.agentEvalRun.update({ where: { id: run.id }, data: { done: results.length, passedCount: passed, failedCount: results.length - passed, results: json(results) } }),
    );
    await options.onProgress?.(results.length, work.length);
  }
  const failed = results.length - passed;
  const status: TEvalRunStatus = failed === 0 ? 'passed' : 'failed';
  await withTenant(tenantId, async (tx) => {
    await tx.agentEvalRun.update({ where: { id: run.id }, data: { status, finishedAt: new Date() } });
    await record(tx, tenantId, WORKER, {
      action: 'agent.evaluation-finish',
      targetType: 'agent_eval_run',
      targetId: run.id,
      data: { agentId: run.agentId, configVersionId: run.configVersionId, status, passed, failed, total: results.length },
    });
    await settleGate(tx, tenantId, run, status === 'passed', { passed, failed });
  });
  return { status, passed, failed, total: results.length };
}

/** A run the worker gave up on: recorded as an error, and a promotion waiting on it fails its gate. */
export async function markEvaluationErrored(tenantId: string, runId: string, error: unknown): Promise<void> {
  const message = error instanceof AppError ? error.publicMessage : 'The evaluation stopped on an internal error; run it again.';
  await withTenant(tenantId, async (tx) => {
    const run = await tx.agentEvalRun.findFirst({ where: { id: runId } });
    if (!run || ['passed', 'failed', 'error'].includes(run.status)) return;
    await tx.agentEvalRun.update({ where: { id: run.id }, data: { status: 'error', error: message, finishedAt: new Date() } });
    await record(tx, tenantId, WORKER, { action: 'agent.evaluation-error', targetType: 'agent_eval_run', targetId: run.id, data: { agentId: run.agentId } });
    await settleGate(tx, tenantId, run, false, { passed: run.passedCount, failed: run.failedCount });
  });
}

type TRunRow = Omit<Prisma.AgentEvalRunGetPayload<object>, 'results'>;

function summarizeRun(r: TRunRow, version: number): TEvalRunSummary {
  return {
    id: r.id,
    configVersionId: r.configVersionId,
    version,
    promotionId: r.promotionId,
    status: r.status as TEvalRunStatus,
    total: r.total,
    done: r.done,
    passed: r.passedCount,
    failed: r.failedCount,
    error: r.error,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

export interface TEvalRunSummary {
  id: string;
  configVersionId: string;
  version: number;
  promotionId: string | null;
  status: TEvalRunStatus;
  total: number;
  done: number;
  passed: number;
  failed: number;
  error: string | null;
  requestedBy: string;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Evaluation history of an agent, newest first, optionally of one version. */
export async function listEvaluationRuns(tx: TenantTx, input: { agentId: string; versionId?: string | null }): Promise<TEvalRunSummary[]> {
  const runs = await tx.agentEvalRun.findMany({
    where: { agentId: input.agentId, ...(input.versionId ? { configVersionId: input.versionId } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 50,
    omit: { results: true },
  });
  const versions = new Map((await tx.agentConfigVersion.findMany({ where: { agentId: input.agentId }, select: { id: true, version: true } })).map((v) => [v.id, v.version]));
  return runs.map((r) => summarizeRun(r, versions.get(r.configVersionId) ?? 0));
}

/** One run with every case's result and trace. */
export async function getEvaluationRun(tx: TenantTx, runId: string): Promise<TEvalRunSummary & { results: TEvalCaseResult[] }> {
  const run = await tx.agentEvalRun.findFirst({ where: { id: runId } });
  if (!run) throw new AppError('NOT_FOUND', 'No such evaluation run.');
  const version = await tx.agentConfigVersion.findFirst({ where: { id: run.configVersionId }, select: { version: true } });
  return { ...summarizeRun(run, version?.version ?? 0), results: run.results as unknown as TEvalCaseResult[] };
}
