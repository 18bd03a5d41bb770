export { recordAuditEvent as record, ZAuditEventInput, type TAuditEventInput, type TRecordedAuditEvent } from './record-audit-event';
export { verifyAuditChain as verify, type TChainVerification, type TChainBreakReason } from './verify-audit-chain';
export { GENESIS_HASH, chainHash, canonicalJson, type TAuditContent } from './canonical';
