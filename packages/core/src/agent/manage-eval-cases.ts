import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import { actorId, type TActor } from '../actor';
import { record } from '../audit';
import { AppError } from '../errors';

export const EVAL_CASE_KINDS = ['must_answer', 'must_escalate', 'must_not_leak'] as const;
export type TEvalCaseKind = (typeof EVAL_CASE_KINDS)[number];

const ZPhrase = z.string().trim().min(1).max(300);

export const ZEvalCaseFields = z
  .object({
    name: z.string().trim().min(1, 'Give the case a name.').max(200),
    kind: z.enum(EVAL_CASE_KINDS),
    question: z.string().trim().min(1, 'Write the customer message to test.').max(4000),
    /** must_answer: the answer must cite this knowledge source. */
    expectedSourceId: z.uuid().nullish(),
    /** must_answer: each phrase must appear in the answer (case-insensitive). */
    expectedFacts: z.array(ZPhrase).max(20).default([]),
    /** must_not_leak: made-up secrets (PII canaries) that must never appear in the answer. */
    canaries: z.array(ZPhrase).max(20).default([]),
  })
  .refine((c) => c.kind !== 'must_answer' || c.expectedSourceId || c.expectedFacts.length > 0, {
    message: 'A "must answer" case needs a source to cite or a fact the answer must contain.',
    path: ['expectedFacts'],
  });
export type TEvalCaseFields = z.input<typeof ZEvalCaseFields>;

export interface TEvalCase {
  id: string;
  agentId: string;
  name: string;
  kind: TEvalCaseKind;
  question: string;
  expectedSourceId: string | null;
  expectedFacts: string[];
  canaries: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const toCase = (row: Omit<TEvalCase, 'kind'> & { kind: string; tenantId?: string }): TEvalCase => ({
  id: row.id,
  agentId: row.agentId,
  name: row.name,
  kind: row.kind as TEvalCaseKind,
  question: row.question,
  expectedSourceId: row.expectedSourceId,
  expectedFacts: row.expectedFacts,
  canaries: row.canaries,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export async function listEvalCases(tx: TenantTx, agentId: string): Promise<TEvalCase[]> {
  return (await tx.agentEvalCase.findMany({ where: { agentId }, orderBy: { createdAt: 'asc' } })).map(toCase);
}

async function assertSourceExists(tx: TenantTx, sourceId: string | null | undefined) {
  if (sourceId && !(await tx.knowledgeSource.findFirst({ where: { id: sourceId }, select: { id: true } }))) {
    throw new AppError('BAD_REQUEST', 'The source this case expects does not exist.');
  }
}

/** The audit keeps what kind of case changed, never its text (a canary is a secret by design). */
const auditData = (c: { name: string; kind: string; agentId: string }) => ({ agentId: c.agentId, kind: c.kind });

export async function createEvalCase(tx: TenantTx, tenantId: string, actor: TActor, input: { agentId: string } & TEvalCaseFields): Promise<TEvalCase> {
  const fields = ZEvalCaseFields.parse(input);
  const agent = await tx.agent.findFirst({ where: { id: z.uuid().parse(input.agentId) }, select: { id: true } });
  if (!agent) throw new AppError('NOT_FOUND', 'No such agent.');
  await assertSourceExists(tx, fields.expectedSourceId);
  const row = await tx.agentEvalCase.create({
    data: { tenantId, agentId: agent.id, ...fields, expectedSourceId: fields.expectedSourceId ?? null, createdBy: actorId(actor) },
  });
  await record(tx, tenantId, actor, { action: 'agent.eval-case-create', targetType: 'agent_eval_case', targetId: row.id, data: auditData(row) });
  return toCase(row);
}

export async function updateEvalCase(tx: TenantTx, tenantId: string, actor: TActor, input: { caseId: string } & TEvalCaseFields): Promise<TEvalCase> {
  const fields = ZEvalCaseFields.parse(input);
  const existing = await tx.agentEvalCase.findFirst({ where: { id: z.uuid().parse(input.caseId) } });
  if (!existing) throw new AppError('NOT_FOUND', 'No such test case.');
  await assertSourceExists(tx, fields.expectedSourceId);
  const row = await tx.agentEvalCase.update({
    where: { id: existing.id },
    data: { ...fields, expectedSourceId: fields.expectedSourceId ?? null, updatedAt: new Date() },
  });
  await record(tx, tenantId, actor, { action: 'agent.eval-case-update', targetType: 'agent_eval_case', targetId: row.id, data: auditData(row) });
  return toCase(row);
}

export async function deleteEvalCase(tx: TenantTx, tenantId: string, actor: TActor, caseId: string): Promise<{ deleted: true }> {
  const existing = await tx.agentEvalCase.findFirst({ where: { id: z.uuid().parse(caseId) } });
  if (!existing) throw new AppError('NOT_FOUND', 'No such test case.');
  await tx.agentEvalCase.delete({ where: { id: existing.id } });
  await record(tx, tenantId, actor, { action: 'agent.eval-case-delete', targetType: 'agent_eval_case', targetId: existing.id, data: auditData(existing) });
  return { deleted: true };
}
