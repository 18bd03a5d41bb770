import { withTenant } from '@vouch/db';
import { getRedis } from '@vouch/jobs';
import { redact } from '@vouch/guard';
import { z } from 'zod';
import type { TActor } from '../actor';
import { record } from '../audit';
import { openRedactionSession, sealRedactionSession } from '../conversation/redaction-session-store';
import { CONTACT_RATE_LIMITS, enforceRateLimits, type TRateLimitRedis } from '../conversation/rate-limit';
import { resolveAgentDeployment } from '../conversation/resolve-agent-deployment';
import { visitorKeyOf } from '../conversation/visitor-key';
import { AppError } from '../errors';
import { broadcastRealtimeEvent } from '../realtime/publish-realtime-event';
import { conversationVaultKey, storeVaultEntries } from './pii-vault';

export const ZLeaveContactEmailInput = z.object({
  widgetKey: z.string().max(200),
  visitorId: z.string().min(8).max(200),
  conversationId: z.uuid(),
  email: z.string().trim().max(254),
});

/**
 * For the widget, when no agent is online: the customer leaves an email for a person to write
 * back. It is stored the way customer text is: redacted to a placeholder of the conversation's
 * session ([EMAIL_n]) with the original sealed in the vault, so only a member with pii.reveal
 * sees it (audited). Only the conversation's own visitor may do this, and only while a handoff is
 * open; the audit event names the placeholder, never the address. Rate-limited (CONTACT_RATE_LIMITS).
 */
export async function leaveContactEmail(
  tenantId: string,
  rawInput: z.input<typeof ZLeaveContactEmailInput>,
  options: { ip?: string | null; redis?: TRateLimitRedis } = {},
): Promise<{ placeholder: string }> {
  const input = ZLeaveContactEmailInput.parse(rawInput);
  // Counted per visitor, IP and tenant before anything is read; refused tries count as well.
  await enforceRateLimits(options.redis ?? getRedis(), { tenantId, visitorId: input.visitorId, ip: options.ip }, CONTACT_RATE_LIMITS, Date.now(), 'contact');
  const visitorKey = visitorKeyOf(tenantId, input.visitorId);
  const actor: TActor = { type: 'visitor', visitorKey, tenantId };
  const result = await withTenant(tenantId, async (tx) => {
    const deployment = await resolveAgentDeployment(tx, { widgetKey: input.widgetKey });
    await tx.$queryRaw`SELECT id FROM conversations WHERE id = ${input.conversationId}::uuid FOR UPDATE`;
    const conversation = await tx.conversation.findFirst({
      where: { id: input.conversationId, agentId: deployment.agentId, environment: deployment.environment, visitorKey },
      select: { id: true, redactionSessionSealed: true },
    });
    if (!conversation) throw new AppError('NOT_FOUND', 'No such conversation.');
    const handoff = await tx.handoff.findFirst({ where: { conversationId: conversation.id, status: { in: ['pending', 'assigned'] } }, orderBy: { createdAt: 'desc' } });
    if (!handoff) throw new AppError('CONFLICT', 'This conversation is not waiting for a person.');
    const session = openRedactionSession(tenantId, conversation.id, conversation.redactionSessionSealed);
    const redacted = redact(input.email, { session, entities: ['EMAIL'], operators: { EMAIL: 'vault' }, vaultKey: conversationVaultKey(tenantId, conversation.id) });
    const entity = redacted.entities[0];
    // The whole input must be one address: nothing else may be stored beside it unredacted.
    if (redacted.entities.length !== 1 || redacted.text.trim() !== entity?.replacement) throw new AppError('BAD_REQUEST', 'Please enter one email address, like name@example.com.');
    await storeVaultEntries(tx, tenantId, conversation.id, redacted.vaultEntries);
    await tx.conversation.update({ where: { id: conversation.id }, data: { redactionSessionSealed: sealRedactionSession(tenantId, conversation.id, session), updatedAt: new Date() } });
    await tx.handoff.update({ where: { id: handoff.id }, data: { contactPlaceholder: entity.replacement, contactLeftAt: new Date() } });
    await record(tx, tenantId, actor, { action: 'handoff.contact-left', targetType: 'handoff', targetId: handoff.id, data: { conversationId: conversation.id, placeholder: entity.replacement } });
    return { placeholder: entity.replacement, handoffId: handoff.id, conversationId: conversation.id };
  });
  await broadcastRealtimeEvent({ kind: 'handoff.updated', tenantId, handoffId: result.handoffId, conversationId: result.conversationId });
  return { placeholder: result.placeholder };
}
