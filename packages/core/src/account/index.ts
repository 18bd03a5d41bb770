export { signInWithPassword, signInWithSecondFactor, type TSignInDeps } from './sign-in';
export { consumeRecoveryCode } from './recovery-codes';
export {
  getAccountSecurity,
  startMfaEnrolment,
  confirmMfaEnrolment,
  regenerateRecoveryCodes,
  disableMfa,
  ZTotpCodeInput,
  type TAccountSecurity,
  type TMfaEnrolment,
} from './manage-mfa';
export { listMySessions, revokeMySession, revokeAllMySessions, ZRevokeSessionInput, type TMySession } from './manage-sessions';
export { recordAccountEvent, type TAccountContext, type TAccountAction, type TRequestOrigin } from './record-account-event';
