import { deriveKey, openSecret, readMasterKey, sealSecret } from '@vouch/auth';
import { RedactionSession } from '@vouch/guard';

// The session holds salted digests, not values; sealing it anyway means a database reader
// cannot test guesses ("is this customer anna@example.com?") against the digests.
function context(tenantId: string, conversationId: string): string {
  return `conversation-redaction-session:${tenantId}:${conversationId}`;
}

// The derived key of each tenant is kept (it is read twice per message), for as long as the
// master key in the environment is the same one.
const derived = new Map<string, Buffer>();
let derivedFrom: string | undefined;

function key(tenantId: string): Buffer {
  const master = process.env.VOUCH_ENCRYPTION_KEY;
  if (master !== derivedFrom) {
    derived.clear();
    derivedFrom = master;
  }
  let tenantKey = derived.get(tenantId);
  if (!tenantKey) {
    tenantKey = deriveKey(readMasterKey(), 'tenant-vault', tenantId);
    if (derived.size >= 1000) derived.clear();
    derived.set(tenantId, tenantKey);
  }
  return tenantKey;
}

export function openRedactionSession(tenantId: string, conversationId: string, sealed: string | null): RedactionSession {
  if (!sealed) return RedactionSession.create();
  return RedactionSession.fromJSON(JSON.parse(openSecret(sealed, key(tenantId), context(tenantId, conversationId))));
}

export function sealRedactionSession(tenantId: string, conversationId: string, session: RedactionSession): string {
  return sealSecret(JSON.stringify(session.toJSON()), key(tenantId), context(tenantId, conversationId));
}
