import type { TAuditContent } from './canonical';

/**
 * The on-disk format of an audit export, shared by the exporter and the offline verifier.
 * Nothing here touches the database, so the verifier can run on an auditor's laptop.
 */
export const AUDIT_EXPORT_FORMAT = 'vouch-audit-export/v1';
export const EXPORT_FILES = { jsonl: 'events.jsonl', csv: 'events.csv', manifest: 'manifest.json' } as const;

/** One line of events.jsonl: every field the chain hash covers, plus the event's id and links. */
export type TAuditExportLine = TAuditContent & { id: string; prevHash: string; hash: string };

/** A stored audit event as the database client returns it (structural: this file imports no database code). */
export type TAuditEventRow = Omit<TAuditExportLine, 'seq' | 'occurredAt'> & { seq: bigint; occurredAt: Date };

/** The export line of a stored event; exports and the SIEM stream send exactly these fields. */
export function toAuditExportLine(row: TAuditEventRow): TAuditExportLine {
  return {
    seq: row.seq.toString(),
    id: row.id,
    tenantId: row.tenantId,
    occurredAt: row.occurredAt.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    userAgent: row.userAgent,
    data: row.data,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export interface TAuditExportManifest {
  format: typeof AUDIT_EXPORT_FORMAT;
  tenantId: string;
  exportedAt: string;
  range: { from: string | null; to: string | null; firstSeq: string | null; lastSeq: string | null };
  count: number;
  /** The chain ends: the prevHash of the first exported event and the hash of the last. */
  chain: { firstPrevHash: string | null; lastHash: string | null };
  files: {
    jsonl: { name: string; sha256: string; bytes: number };
    csv: { name: string; sha256: string; bytes: number };
  };
  publicKey: { algorithm: 'Ed25519'; raw: string; pem: string };
  /** Ed25519 over the RFC 8785 canonical JSON of the manifest without this field. */
  signature?: { algorithm: 'Ed25519'; value: string };
}

export function contentOfLine(line: TAuditExportLine): TAuditContent {
  return {
    tenantId: line.tenantId,
    seq: line.seq,
    occurredAt: line.occurredAt,
    actorType: line.actorType,
    actorId: line.actorId,
    action: line.action,
    targetType: line.targetType,
    targetId: line.targetId,
    ip: line.ip,
    userAgent: line.userAgent,
    data: line.data,
  };
}

export const CSV_COLUMNS = [
  'seq', 'id', 'occurredAt', 'actorType', 'actorId', 'action', 'targetType', 'targetId', 'ip', 'userAgent', 'data', 'prevHash', 'hash',
] as const;

/**
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula (= + - @ tab CR)
 * are prefixed with an apostrophe (OWASP CSV injection). The CSV is for people; the JSONL
 * is the verifiable form.
 */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(line: TAuditExportLine): string {
  return `${CSV_COLUMNS.map((column) => csvCell(line[column])).join(',')}\r\n`;
}
