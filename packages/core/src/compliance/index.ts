export {
  DEFAULT_RETENTION,
  ZRetentionPolicyInput,
  getRetentionSettings,
  updateRetentionPolicy,
  type TRetentionPolicy,
  type TRetentionSettings,
  type TRetentionRunSummary,
} from './retention-policy';
export { runRetention, listRetentionTenants, type TRetentionRemoved, type TRunRetentionOptions } from './run-retention';
