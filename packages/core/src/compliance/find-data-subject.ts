import { RedactionSession, revealVaultEntry } from '@vouch/guard';
import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import { openRedactionSession } from '../conversation/redaction-session-store';
import { keyedDigest } from '../conversation/visitor-key';
import { conversationVaultKey } from '../handoff/pii-vault';

/** One end customer, named by exactly one of: contact id, email, or the host site's verified user id. */
export const ZDataSubjectRef = z.union([
  z.object({ contactId: z.uuid() }).strict(),
  z.object({ email: z.email().max(320) }).strict(),
  z.object({ userId: z.string().trim().min(1).max(300) }).strict(),
]);
export type TDataSubjectRef = z.infer<typeof ZDataSubjectRef>;

export interface TDataSubjectMatch {
  kind: 'contact' | 'email' | 'user';
  /** Keyed digest of the reference: names the subject in audit events without storing it. */
  subjectDigest: string;
  contactIds: string[];
  conversationIds: string[];
  /** How each conversation was found (a customer may appear through several routes). */
  matchedBy: { contact: number; redactedEmail: number; vaultedEmail: number; verifiedUserId: number };
}

const SCAN_PAGE = 500;

function kindOf(ref: TDataSubjectRef): TDataSubjectMatch['kind'] {
  return 'contactId' in ref ? 'contact' : 'email' in ref ? 'email' : 'user';
}

export function subjectDigestOf(tenantId: string, ref: TDataSubjectRef): string {
  const value = 'contactId' in ref ? ref.contactId : 'email' in ref ? ref.email.trim().toLowerCase() : ref.userId;
  return keyedDigest(`data-subject:${tenantId}:${kindOf(ref)}:${value}`);
}

/**
 * True when the conversation's redaction session minted a placeholder for this email, i.e. the
 * customer typed it. Sessions hold salted digests only, so the test re-derives the digest on a
 * copy and checks that no new placeholder was needed; the stored session is never changed.
 */
export function sessionContainsEmail(session: RedactionSession, email: string): boolean {
  const copy = RedactionSession.fromJSON(session.toJSON());
  const before = copy.toJSON().counters.EMAIL ?? 0;
  copy.getPlaceholder('EMAIL', email);
  return (copy.toJSON().counters.EMAIL ?? 0) === before;
}

/** The original value of one vault entry, or null when it cannot be opened (altered or foreign). */
export function openVaultValue(
  tenantId: string,
  entry: { conversationId: string; placeholder: string; entityType: string; ciphertext: string; iv: string; tag: string },
): string | null {
  try {
    return revealVaultEntry(
      { placeholder: entry.placeholder, type: entry.entityType as never, ciphertext: entry.ciphertext, iv: entry.iv, tag: entry.tag },
      conversationVaultKey(tenantId, entry.conversationId),
    );
  } catch {
    return null;
  }
}

async function hasColumn(tx: TenantTx, table: string, column: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} AND column_name = ${column}`;
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Everything stored about one end customer in the caller's tenant (RLS scopes every query):
 * contacts by id, email (case-insensitive) or external id; their conversations; conversations in
 * which the email was typed (found through the sealed redaction sessions, since stored text holds
 * only placeholders); and conversations of a widget visitor who proved this user id.
 */
export async function findDataSubject(tx: TenantTx, tenantId: string, rawRef: TDataSubjectRef): Promise<TDataSubjectMatch> {
  const ref = ZDataSubjectRef.parse(rawRef);
  const contacts = await tx.contact.findMany({
    where:
      'contactId' in ref
        ? { id: ref.contactId }
        : 'email' in ref
          ? { email: { equals: ref.email.trim(), mode: 'insensitive' } }
          : { externalId: ref.userId },
    select: { id: true },
  });
  const contactIds = contacts.map((c) => c.id);
  const conversations = new Set<string>();
  const matchedBy = { contact: 0, redactedEmail: 0, vaultedEmail: 0, verifiedUserId: 0 };
  if (contactIds.length > 0) {
    for (const c of await tx.conversation.findMany({ where: { contactId: { in: contactIds } }, select: { id: true } })) {
      conversations.add(c.id);
      matchedBy.contact += 1;
    }
  }
  if ('email' in ref) {
    let after: string | undefined;
    for (;;) {
      const page = await tx.conversation.findMany({
        where: { redactionSessionSealed: { not: null }, ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, redactionSessionSealed: true },
        orderBy: { id: 'asc' },
        take: SCAN_PAGE,
      });
      for (const c of page) {
        if (sessionContainsEmail(openRedactionSession(tenantId, c.id, c.redactionSessionSealed), ref.email)) {
          if (!conversations.has(c.id)) matchedBy.redactedEmail += 1;
          conversations.add(c.id);
        }
      }
      if (page.length < SCAN_PAGE) break;
      after = page.at(-1)!.id;
    }
  }
  if ('email' in ref) {
    // The inbox vault holds the typed email sealed per conversation: open the EMAIL entries (a
    // second route that still works where a redaction session was already purged).
    const wanted = ref.email.trim().toLowerCase();
    let after: string | undefined;
    for (;;) {
      const page = await tx.piiVaultEntry.findMany({
        where: { entityType: 'EMAIL', ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: 'asc' },
        take: SCAN_PAGE,
      });
      for (const entry of page) {
        if (conversations.has(entry.conversationId)) continue;
        if (openVaultValue(tenantId, entry)?.trim().toLowerCase() === wanted) {
          conversations.add(entry.conversationId);
          matchedBy.vaultedEmail += 1;
        }
      }
      if (page.length < SCAN_PAGE) break;
      after = page.at(-1)!.id;
    }
  }
  if ('userId' in ref && (await hasColumn(tx, 'conversations', 'external_user_id'))) {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM conversations WHERE external_user_id = ${ref.userId}`;
    for (const r of rows) {
      if (!conversations.has(r.id)) matchedBy.verifiedUserId += 1;
      conversations.add(r.id);
    }
  }
  return { kind: kindOf(ref), subjectDigest: subjectDigestOf(tenantId, ref), contactIds, conversationIds: [...conversations], matchedBy };
}
