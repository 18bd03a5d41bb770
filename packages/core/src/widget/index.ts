export { resolveWidgetKey, findDemoWidgetKey, ZWidgetKey, type TWidgetDeployment } from './resolve-widget-key';
export { normalizeOrigin, isOriginAllowed } from './widget-origins';
export { allowWidgetOrigin, ZAllowWidgetOriginInput } from './allow-widget-origin';
