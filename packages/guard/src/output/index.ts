export { filterOutput, DEFAULT_FALLBACK_MESSAGE, type TOutputAction, type TOutputActionKind, type TOutputContext, type TOutputResult } from './filter-output';
export { createCanary, containsCanary } from './canary';
