// Prompt-injection scoring: normalisation, multilingual rules and a small trained classifier.
export { scoreInjection, DEFAULT_INJECTION_THRESHOLD } from './score';
export { scanDocumentForInjection } from './document';
export { normalizeForScan, type TNormalizedScan, type TDecodedSegment, type TDecodedSegmentKind } from './normalize';
export {
  INJECTION_FAMILIES,
  type TInjectionFamily,
  type TInjectionReason,
  type TInjectionOptions,
  type TInjectionResult,
  type TDocumentFinding,
  type TDocumentScanResult,
} from './types';
