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
export { ZDataSubjectRef, findDataSubject, sessionContainsEmail, subjectDigestOf, type TDataSubjectRef, type TDataSubjectMatch } from './find-data-subject';
export { exportDataSubject, DATA_SUBJECT_EXPORT_FORMAT, type TDataSubjectArchive } from './export-data-subject';
export { eraseDataSubject, type TErasureCounts, type TErasureResult } from './erase-data-subject';
