export { resolveWidgetKey, findDemoWidgetKey, ZWidgetKey, type TWidgetDeployment } from './resolve-widget-key';
export { normalizeOrigin, isOriginAllowed } from './widget-origins';
export { allowWidgetOrigin, ZAllowWidgetOriginInput } from './allow-widget-origin';
export {
  getWidgetIdentityStatus,
  rotateWidgetIdentitySecret,
  verifyVisitorIdentity,
  identityHashOf,
  ZVisitorIdentity,
  IDENTITY_NOT_SET_UP,
  IDENTITY_REJECTED,
  type TVisitorIdentity,
} from './identity-secret';
