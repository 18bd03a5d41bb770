/** Audit targets that live in a conversation (kept in step with core's CONVERSATION_TARGET_TYPES). */
const IN_CONVERSATION = new Set(['message', 'handoff', 'tool_action', 'trace']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where an audit event's target opens in the console, or null (the id is shown as text): only
 * for members who may read transcripts, and only for targets inside a conversation. A conversation
 * opens directly; a message, handoff, tool action or trace goes through the locator page, which
 * finds its conversation (and the answer a trace explains) at click time, since the data may
 * have been erased or expired since the event was written.
 */
export function auditTargetHref(event: { targetType: string | null; targetId: string | null }, canReadTranscripts: boolean): string | null {
  const { targetType, targetId } = event;
  if (!canReadTranscripts || !targetType || !targetId || !UUID.test(targetId)) return null;
  if (targetType === 'conversation') return `/conversations/${targetId.toLowerCase()}`;
  if (IN_CONVERSATION.has(targetType)) return `/audit/target/${targetType}/${targetId.toLowerCase()}`;
  return null;
}

/** The transcript with one message (an answer and its trace) brought into view. */
export function conversationMessageHref(location: { conversationId: string; messageId: string | null }): string {
  const base = `/conversations/${location.conversationId}`;
  return location.messageId ? `${base}?message=${location.messageId}#message-${location.messageId}` : base;
}
