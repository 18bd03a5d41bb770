import { UnrecoverableError, type Job } from 'bullmq';
import { isAppError, markEvaluationErrored, runEvaluation } from '@vouch/core';
import { parseJobPayload } from '@vouch/jobs';

export async function processAgentJob(job: Job): Promise<unknown> {
  switch (job.name) {
    case 'agent.evaluate-version':
      return evaluateVersion(job);
    default:
      throw new UnrecoverableError(`The agent queue has no processor for "${job.name}".`);
  }
}

/** Runs one evaluation; on the last failed attempt the run is marked as errored so a promotion never waits forever. */
async function evaluateVersion(job: Job) {
  const { tenantId, runId } = parseJobPayload('agent.evaluate-version', job.data);
  try {
    return await runEvaluation(tenantId, runId, { onProgress: (done, total) => job.updateProgress({ done, total, percent: Math.round((done / Math.max(total, 1)) * 100) }) });
  } catch (error) {
    const permanent = isAppError(error) && ['BAD_REQUEST', 'NOT_FOUND'].includes(error.code);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (permanent || lastAttempt) await markEvaluationErrored(tenantId, runId, error);
    if (permanent) throw new UnrecoverableError(error.publicMessage);
    throw error;
  }
}
