import { deriveKey, openSecret, readMasterKey, sealSecret } from '@vouch/auth';
import { RedactionSession } from '@vouch/guard';

// The session holds salted digests, not values; sealing it anyway means a database reader
// cannot test guesses ("is this customer anna@example.com?") against the digests.
function context(tenantId: string, conversationId: string): string {
  return `conversation-redaction-session:${tenantId}:${conversationId}`;
}

function key(tenantId: string): Buffer {
  return deriveKey(readMasterKey(), 'tenant-vault', tenantId);
}

export function openRedactionSession(tenantId: string, conversationId: string, sealed: string | null): RedactionSession {
  if (!sealed) return RedactionSession.create();
  return RedactionSession.fromJSON(JSON.parse(openSecret(sealed, key(tenantId), context(tenantId, conversationId))));
}

export function sealRedactionSession(tenantId: string, conversationId: string, session: RedactionSession): string {
  return sealSecret(JSON.stringify(session.toJSON()), key(tenantId), context(tenantId, conversationId));
}
