export { resolveClientIp, isIpAllowed, isIpInList, parseCidr } from './client-ip';
export {
  getTenantSecurityPolicy,
  updateTenantSecurityPolicy,
  ZTenantSecurityPolicyUpdate,
  type TTenantSecurityPolicy,
} from './tenant-security-policy';
