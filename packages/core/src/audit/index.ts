export { recordAuditEvent as record, ZAuditEventInput, type TAuditEventInput, type TRecordedAuditEvent } from './record-audit-event';
export { verifyAuditChain as verify, type TChainVerification, type TChainBreakReason } from './verify-audit-chain';
export { GENESIS_HASH, chainHash, canonicalJson, type TAuditContent } from './canonical';
export { listAuditEvents, ZListAuditEventsInput, type TListAuditEventsInput, type TAuditEventSummary, type TAuditEventPage } from './list-audit-events';
export { exportAuditEvents, ZAuditExportRange, type TAuditExportRange, type TAuditExportWriter, type TAuditExportOptions } from './export-audit-events';
export { getAuditPublicKey, type TAuditPublicKey } from './audit-signing-key';
export { AUDIT_EXPORT_FORMAT, EXPORT_FILES, type TAuditExportManifest, type TAuditExportLine } from './audit-export-format';
export { verifyAuditExport, type TExportVerification, type TExportBreakReason } from './verify-audit-export';
export { writeAuditExport } from './write-audit-export';
export { signAuditCheckpoint, verifyAuditCheckpoint, AUDIT_CHECKPOINT_FORMAT } from './audit-checkpoint';
export { tombstoneDueAuditEvents, type TTombstoneResult } from './tombstone-audit-events';
export {
  auditExportRoot,
  auditExportDirOf,
  signExportLink,
  parseExportLink,
  authorizeExportDownload,
  ExportLinkError,
  EXPORT_LINK_TTL_MS,
  EXPORT_FILE_NAMES,
  type TExportLink,
  type TExportLinkRefusal,
} from './export-download';
export {
  locateAuditTarget,
  ZLocateAuditTargetInput,
  CONVERSATION_TARGET_TYPES,
  type TConversationTargetType,
  type TLocateAuditTargetInput,
  type TAuditTargetLocation,
} from './locate-audit-target';
export { listAuditExports, ZListAuditExportsInput, AUDIT_EXPORT_FILES_DAYS, type TAuditExportListItem } from './list-audit-exports';
export { requestAuditExport, getAuditExportStatus, type TAuditExportStatus } from './request-audit-export';
export {
  ZAuditWebhookInput,
  getAuditWebhook,
  configureAuditWebhook,
  deliverAuditEvents,
  signSiemPayload,
  siemAllowsLoopback,
  SIEM_SIGNATURE_HEADER,
  SIEM_TIMESTAMP_HEADER,
  SIEM_FORMAT,
  type TAuditWebhookSummary,
  type TSiemDeliveryResult,
} from './siem-webhook';
