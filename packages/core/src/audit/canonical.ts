import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit event's hash covers, in JSON form. */
export interface TAuditContent {
  tenantId: string;
  seq: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  data: unknown;
}

/** RFC 8785 canonical JSON, so the same event hashes the same in any language or tool. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('Audit content is not serialisable as JSON');
  return text;
}

export function chainHash(prevHash: string, content: TAuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}
