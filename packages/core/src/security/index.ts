export { resolveClientIp, isIpAllowed, isIpInList, parseCidr } from '@vouch/auth';
export {
  getTenantSecurityPolicy,
  updateTenantSecurityPolicy,
  ZTenantSecurityPolicyUpdate,
  type TTenantSecurityPolicy,
} from './tenant-security-policy';
