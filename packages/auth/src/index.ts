export {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  hasPermission,
  permissionsOf,
  isRole,
  isPermission,
  type TPermission,
  type TRole,
} from './permissions';
export { hashPassword, verifyPassword, generatePassword, MIN_PASSWORD_LENGTH } from './password';
export {
  authenticateWithPassword,
  listUserMemberships,
  listUserTenantPolicies,
  findUserIdByEmail,
  readUserMfaState,
  type TSessionMembership,
  type TSignedInUser,
  type TUserMfaState,
} from './identity';
export {
  createAuthOptions,
  SIGN_IN_ERRORS,
  type TVouchSession,
  type TSessionMfa,
  type TSignInHooks,
  type TSignInOutcome,
  type TSignInRequest,
  type TAuthOptionsInput,
} from './next-auth';
export {
  MFA_SENSITIVE_PERMISSIONS,
  RECOVERY_CODE_COUNT,
  TOTP_PERIOD_SECONDS,
  tenantsRequiringMfa,
  generateTotpSecret,
  generateTotpCode,
  totpUri,
  totpQrDataUrl,
  isTotpCode,
  verifyTotp,
  sealMfaSecret,
  openMfaSecret,
  generateRecoveryCodes,
  normalizeRecoveryCode,
  isRecoveryCode,
  hashRecoveryCode,
  findRecoveryCodeHash,
  type TTenantMfaPolicy,
  type TTotpCheck,
} from './mfa';
export {
  attemptMfaChallenge,
  createMfaChallenge,
  deleteMfaChallenge,
  lastUsedTotpStep,
  claimTotpStep,
  MFA_CHALLENGE_MAX_ATTEMPTS,
  MFA_CHALLENGE_TTL_SECONDS,
  type TMfaChallenge,
} from './mfa-challenge';
export {
  createSignInLimiter,
  lockoutSeconds,
  SIGN_IN_LIMITS,
  type TSignInLimiter,
  type TSignInLimits,
  type TLimitCheck,
  type TFailureOutcome,
} from './brute-force';
export {
  withUser,
  createUserSession,
  checkUserSession,
  listUserSessions,
  revokeUserSession,
  revokeAllUserSessions,
  markSessionMfaVerified,
  SESSION_MAX_AGE_SECONDS,
  type TSignInMethod,
  type TUserSessionSummary,
  type TSessionCheck,
} from './sessions';
export type { TRedisLike } from './redis-like';
export { readMasterKey, deriveKey, sealSecret, openSecret, type TKeyPurpose } from './keys';
export { resolveClientIp, isIpAllowed, isIpInList, parseCidr, platformTrustedProxies, PEER_IP_HEADER } from './client-ip';
