export { createAgent, generateWidgetKey, type TCreatedAgent } from './create-agent';
export { ZAgentConfig, ZEscalationRules, ZToolPermission, defaultAgentConfig, type TAgentConfig, type TAgentConfigInput, type TEscalationRules, type TToolPermission } from './agent-config';
export { diffAgentConfigs, type TConfigChange, type TTextDiffPart } from './diff-agent-configs';
export { listAgents, getAgent, getAgentVersion, type TAgentSummary, type TAgentDetail } from './list-agents';
export { editStagingConfig, diffAgentVersions, ZEditStagingConfigInput, type TEditStagingConfigInput } from './edit-staging-config';
export { dryRunAnswer, ZDryRunTurn, type TDryRunReply, type TDryRunTrace, type TDryRunTurn, type TDryRunDeps } from './dry-run-answer';
export { listEvalCases, createEvalCase, updateEvalCase, deleteEvalCase, ZEvalCaseFields, EVAL_CASE_KINDS, type TEvalCase, type TEvalCaseKind, type TEvalCaseFields } from './manage-eval-cases';
export { judgeEvalCase, judgeRedTeamAttempt, type TJudgement } from './judge-eval-case';
export { RED_TEAM_PACK, type TRedTeamAttempt } from './red-team/injection-pack';
export {
  startEvaluationRun,
  runEvaluation,
  markEvaluationErrored,
  listEvaluationRuns,
  getEvaluationRun,
  type TEvalRunStatus,
  type TEvalRunSummary,
  type TEvalCaseResult,
} from './run-evaluation';
export {
  requestPromotion,
  decidePromotion,
  rollbackProduction,
  endCanary,
  ZEndCanaryInput,
  listPromotions,
  ZRequestPromotionInput,
  ZDecidePromotionInput,
  ZRollbackInput,
  type TDecidePromotionInput,
  type TPromotionStatus,
  type TPromotionSummary,
} from './promote-agent-config';
export { compareVersionOutcomes, ZCompareOutcomesInput, type TVersionOutcomes } from './compare-version-outcomes';
export { canaryBucket } from './canary';
