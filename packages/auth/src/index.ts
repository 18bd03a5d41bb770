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
  type TSessionMembership,
  type TSignedInUser,
} from './identity';
export { createAuthOptions, type TVouchSession } from './next-auth';
export { readMasterKey, deriveKey, sealSecret, openSecret, type TKeyPurpose } from './keys';
