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
  /** Host-site user ids of the subject (the reference, their contacts' external ids, their verified conversations). */
  externalUserIds: string[];
  /** Their orders in the tool tables (`customer_orders`, keyed by the verified user id); refunds hang off these. */
  orderIds: string[];
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

/**
 * A user id that names one person. Ids the widget stored redacted (an e-mail used as an id becomes
 * a placeholder such as `[EMAIL_1]`) are the same for many visitors, so they never match anyone:
 * erasing by them would take other customers' rows.
 */
export function isDistinctiveUserId(id: string | null | undefined): id is string {
  return typeof id === 'string' && id.trim().length > 0 && !/\[[A-Z][A-Z0-9_]{1,40}\]/.test(id);
}

/**
 * Everything stored about one end customer in the caller's tenant (RLS scopes every query):
 * contacts by id, email (case-insensitive) or external id; their conversations; conversations in
 * which the email was typed (found through the sealed redaction sessions, since stored text holds
 * only placeholders); conversations of a widget visitor who proved one of their user ids; and
 * their orders in the tool tables (by verified user id).
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
    select: { id: true, externalId: true },
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
  // Verified user ids: the reference itself, their contacts' external ids, and the ids their
  // conversations proved; then every conversation of those ids (a repeat visitor who verified).
  const userIds = new Set<string>();
  if ('userId' in ref && isDistinctiveUserId(ref.userId)) userIds.add(ref.userId);
  for (const c of contacts) if (isDistinctiveUserId(c.externalId)) userIds.add(c.externalId);
  if (conversations.size > 0) {
    const proved = await tx.conversation.findMany({ where: { id: { in: [...conversations] }, identityVerified: true }, select: { externalUserId: true } });
    for (const c of proved) if (isDistinctiveUserId(c.externalUserId)) userIds.add(c.externalUserId);
  }
  if (userIds.size > 0) {
    for (const c of await tx.conversation.findMany({ where: { externalUserId: { in: [...userIds] } }, select: { id: true } })) {
      if (!conversations.has(c.id)) matchedBy.verifiedUserId += 1;
      conversations.add(c.id);
    }
  }
  const orders = userIds.size > 0 ? await tx.customerOrder.findMany({ where: { customerExternalId: { in: [...userIds] } }, select: { id: true } }) : [];
  return { kind: kindOf(ref), subjectDigest: subjectDigestOf(tenantId, ref), contactIds, conversationIds: [...conversations], externalUserIds: [...userIds], orderIds: orders.map((o) => o.id), matchedBy };
}
