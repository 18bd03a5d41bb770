import { randomUUID } from 'node:crypto';
import { answerCustomerMessage, AppError, isAppError, type TCustomerReply } from '@vouch/core';
import { closeRedis } from '@vouch/jobs';
import { z } from 'zod';
import { mapJsonLinesWith, ZRecordId } from '../json-lines';
import { printJson } from '../output';
import { inSystemTransaction, resolveTenant } from '../system-tx';

const ZQuestionRecord = z.object({ id: ZRecordId, question: z.string({ error: '"question" must be a string' }) });

function toOutput(reply: TCustomerReply) {
  return {
    answer: reply.answer,
    citations: reply.citations.map((c) => ({ source: c.source, chunkId: c.chunkId })),
    escalated: reply.escalated,
    reason: reply.reason,
    traceId: reply.traceId,
  };
}

/**
 * `vouch ask --tenant <slug> [--agent <id|slug>] [--env staging|production] ["question"]`: asks the
 * agent as a customer would, each question in a conversation of its own (a fresh visitor), through
 * the whole pipeline (rate limits, redaction, guards, grounding, verification, trace). Without a
 * question it reads `{"id","question"}` JSON Lines on stdin and writes one result line per input.
 */
export async function askCommand(question: string | undefined, options: { tenant: string; agent?: string; env?: string }): Promise<void> {
  const environment = z.enum(['staging', 'production'], { error: '--env must be staging or production' }).parse(options.env ?? 'production');
  try {
    const tenant = await inSystemTransaction((tx) => resolveTenant(tx, options.tenant));
    const ask = async (text: string) =>
      toOutput(
        await answerCustomerMessage(tenant.id, {
          target: { agent: options.agent ?? null, environment },
          visitor: { id: `cli-${randomUUID()}`, ip: null, userAgent: 'vouch-cli' },
          message: text,
        }),
      );
    if (question !== undefined) {
      if (question.trim() === '') throw new AppError('BAD_REQUEST', 'The question is empty.');
      printJson(await ask(question));
      return;
    }
    const failed = await mapJsonLinesWith(
      ZQuestionRecord,
      async (record) => {
        try {
          return await ask(record.question);
        } catch (error) {
          // Domain errors carry a safe message; anything else is summarised, never dumped.
          throw new Error(isAppError(error) ? error.publicMessage : error instanceof z.ZodError ? (error.issues[0]?.message ?? 'invalid input') : 'internal error');
        }
      },
      'expected {"id", "question"}',
    );
    if (failed > 0) {
      process.stderr.write(`${failed} line(s) failed; see their "error" fields\n`);
      process.exitCode = 1;
    }
  } finally {
    await closeRedis();
  }
}
