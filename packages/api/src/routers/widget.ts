import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import {
  announceCustomerTurn,
  answerCustomerMessage,
  followVisitorConversation,
  getWidgetIdentityStatus,
  isAppError,
  leaveContactEmail,
  rotateWidgetIdentitySecret,
  startConversation,
  ZVisitorIdentity,
  type TAnswerEvent,
  type TCustomerReply,
} from '@vouch/core';
import { z } from 'zod';
import { can, widgetProcedure } from '../trpc';

const MAX_MESSAGE = 4000;

/** A customer's message: 1..4000 characters of text, no NUL or other binary control characters. */
const ZWidgetMessage = z
  .string()
  .trim()
  .min(1, 'Type a message first.')
  .max(MAX_MESSAGE, `Messages can be at most ${MAX_MESSAGE} characters; please shorten yours.`)
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  .refine((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text), 'Messages must be plain text (no control or binary characters).');

const ZConversationId = z.uuid('This conversation id is malformed; start a new chat.');
/** The panel's id for one send; a retry carries the same one, so nothing is stored twice. */
const ZClientMessageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'The chat sent a malformed message id. Reload the page and try again.');

/** What the panel gets for a reply (whole, or at the end of a stream). */
function replyView(reply: TCustomerReply) {
  return {
    conversationId: reply.conversationId,
    customerMessageId: reply.customerMessageId,
    messageId: reply.messageId,
    createdAt: reply.createdAt,
    answer: reply.answer,
    citations: reply.citations.map((c) => ({ source: c.source, title: c.title, heading: c.heading, url: c.url, chunkId: c.chunkId, sourceId: c.sourceId, version: c.version })),
    escalated: reply.escalated,
    reason: reply.reason,
    traceId: reply.traceId,
    replayed: reply.replayed,
  };
}
export type TWidgetReplyView = ReturnType<typeof replyView>;
/**
 * After `done`, a reply that handed the conversation to a person is followed by `handoff`: whether
 * anyone who works handoffs is online and, when nobody is, the expected wait (the median of recent
 * claims; null when there is no history) so the panel can tell the customer honestly and offer an email.
 */
export type TWidgetHandoffEvent = { type: 'handoff'; agentsOnline: boolean; expectedWaitMinutes: number | null };
export type TWidgetStreamEvent = TAnswerEvent | { type: 'done'; reply: TWidgetReplyView } | TWidgetHandoffEvent;

/** The inbox and the conversation's listeners hear of a new turn (ids only); never for a replayed send. */
async function announce(tenantId: string, reply: TCustomerReply): Promise<TWidgetHandoffEvent | null> {
  if (reply.replayed) return null;
  const { routed } = await announceCustomerTurn(tenantId, {
    conversationId: reply.conversationId,
    customerMessageId: reply.customerMessageId,
    messageId: reply.messageId,
    handoffId: reply.handoffId,
    expectedWaitMinutes: reply.expectedWaitMinutes,
  });
  return routed ? { type: 'handoff', agentsOnline: routed.agentsOnline, expectedWaitMinutes: routed.expectedWaitMinutes } : null;
}

/** An email address as the customer types it; core checks it is exactly one address. */
const ZContactEmail = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'Email addresses are at most 254 characters.')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Please enter one email address, like name@example.com.');

/** What a stream reports when it fails part-way: the public message and whether retrying can help. */
export function describeStreamError(error: unknown): { code: string; message: string; retryable: boolean; status: number } {
  const GENERIC = { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side. Please try again.', retryable: true, status: 500 };
  if (error instanceof TRPCError) {
    if (error.code === 'INTERNAL_SERVER_ERROR') return GENERIC;
    const issues = (error.cause as { issues?: { message?: string }[] } | undefined)?.issues;
    const message = error.code === 'BAD_REQUEST' && issues?.[0]?.message ? issues[0].message : error.message;
    const status = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429, PAYLOAD_TOO_LARGE: 413 }[error.code as string] ?? 400;
    return { code: error.code, message, retryable: error.code === 'TOO_MANY_REQUESTS', status };
  }
  if (isAppError(error)) {
    const code = error.code === 'RATE_LIMITED' ? 'TOO_MANY_REQUESTS' : error.code === 'UNAVAILABLE' ? 'SERVICE_UNAVAILABLE' : error.code;
    const status = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, UNAVAILABLE: 503 }[error.code];
    return { code, message: error.publicMessage, retryable: error.code === 'RATE_LIMITED' || error.code === 'UNAVAILABLE', status };
  }
  console.error('[widget] stream failed', error);
  return GENERIC;
}

/**
 * The embeddable chat's API. widgetProcedure has resolved the key, checked the page's origin and
 * carries the visitor; each procedure calls one core function. All are mutations: browsers send
 * an Origin header with every POST (not with same-origin GETs), and widgetProcedure checks it.
 */
export const widgetRouter = {
  /** Opens a conversation; with a signed user id from the host page (identity verification) it is marked verified. */
  start: widgetProcedure.input(z.object({ identity: ZVisitorIdentity.nullish() })).mutation(async ({ ctx, input }) => {
    const started = await startConversation(ctx.widget.tenantId, { target: { widgetKey: ctx.widget.key }, visitor: { id: ctx.visitor.id }, identity: input.identity });
    return { conversationId: started.conversationId, greeting: started.greeting, agentName: started.agentName, themeColor: started.themeColor, identityVerified: started.identityVerified };
  }),

  /** Console: whether the tenant has a widget identity secret (never the secret). */
  identityStatus: can('integrations.manage').query(({ ctx }) => getWidgetIdentityStatus(ctx.db)),

  /** Console: creates or replaces the identity secret and shows it once; old user hashes stop verifying. */
  rotateIdentitySecret: can('integrations.manage').mutation(({ ctx }) => rotateWidgetIdentitySecret(ctx.db, ctx.tenant.id, ctx.actor)),

  /**
   * One message, answered whole. With a client message id a retried call returns the first reply.
   * `handoff` is set when this reply handed the conversation to a person: whether anyone is online
   * and, when nobody is, the expected wait (null for a replayed send, as on the stream).
   */
  send: widgetProcedure
    .input(z.object({ conversationId: ZConversationId, message: ZWidgetMessage, clientMessageId: ZClientMessageId.nullish() }))
    .mutation(async ({ ctx, input }) => {
      const reply = await answerCustomerMessage(ctx.widget.tenantId, {
        target: { widgetKey: ctx.widget.key },
        conversationId: input.conversationId,
        visitor: ctx.visitor,
        message: input.message,
        clientMessageId: input.clientMessageId,
      });
      // A reply that handed off waits for routing, to tell the customer whether anyone is online and
      // the expected wait (as the stream's `handoff` event does); otherwise the inbox hears of the
      // turn without the customer waiting for that. announce never throws.
      if (reply.handoffId) {
        const routed = await announce(ctx.widget.tenantId, reply);
        return { ...replyView(reply), handoff: routed && { agentsOnline: routed.agentsOnline, expectedWaitMinutes: routed.expectedWaitMinutes } };
      }
      void announce(ctx.widget.tenantId, reply);
      return { ...replyView(reply), handoff: null };
    }),

  /**
   * One message, answered as a stream (the chat app serves it as server-sent events, see
   * apps/chat/src/app/api/chat/send/route.ts): `accepted` once the message is stored, `delta`s of
   * the reply as the pipeline clears them, perhaps a `reset`, then `done` with the stored reply.
   * The pipeline runs to the end even if the reader goes away, so the reply is always stored; a
   * retry with the same client message id then gets it as a replay.
   */
  stream: widgetProcedure
    .input(z.object({ conversationId: ZConversationId, message: ZWidgetMessage, clientMessageId: ZClientMessageId }))
    .mutation(async function* ({ ctx, input }): AsyncGenerator<TWidgetStreamEvent> {
      const queue: TWidgetStreamEvent[] = [];
      let notify: (() => void) | null = null;
      const push = (event: TWidgetStreamEvent) => {
        queue.push(event);
        notify?.();
      };
      let failure: { error: unknown } | null = null;
      let finished = false;
      const run = answerCustomerMessage(
        ctx.widget.tenantId,
        { target: { widgetKey: ctx.widget.key }, conversationId: input.conversationId, visitor: ctx.visitor, message: input.message, clientMessageId: input.clientMessageId },
        { onEvent: push },
      )
        .then(async (reply) => {
          push({ type: 'done', reply: replyView(reply) });
          const handoff = await announce(ctx.widget.tenantId, reply);
          if (handoff) push(handoff);
        })
        .catch((error: unknown) => {
          failure = { error };
        })
        .finally(() => {
          finished = true;
          notify?.();
        });
      for (;;) {
        const next = queue.shift();
        if (next) {
          yield next;
          continue;
        }
        if (finished) break;
        await new Promise<void>((resolve) => (notify = resolve));
        notify = null;
      }
      await run;
      if (failure) throw (failure as { error: unknown }).error;
    }),

  /**
   * The conversation as a feed, for the panel's live view and its resumption after a drop:
   * everything after `after`, then each new message and status change (see
   * followVisitorConversation). Ends after about a minute; the panel reopens it from its cursor.
   */
  events: widgetProcedure
    .input(z.object({ conversationId: ZConversationId, after: z.coerce.date().nullish() }))
    .mutation(async function* ({ ctx, input, signal }) {
      yield* followVisitorConversation(
        ctx.widget.tenantId,
        { widgetKey: ctx.widget.key, visitorId: ctx.visitor.id, conversationId: input.conversationId, after: input.after ?? null },
        { signal, rateLimit: { ip: ctx.visitor.ip } },
      );
    }),

  /**
   * When nobody is online to take a handoff: the conversation's own visitor leaves one email
   * address for a person to write back. It is stored only as a vault placeholder on the open
   * handoff (revealable with pii.reveal, audited); rate-limited per visitor, IP and tenant.
   */
  leaveContactEmail: widgetProcedure
    .input(z.object({ conversationId: ZConversationId, email: ZContactEmail }))
    .mutation(async ({ ctx, input }) => {
      await leaveContactEmail(
        ctx.widget.tenantId,
        { widgetKey: ctx.widget.key, visitorId: ctx.visitor.id, conversationId: input.conversationId, email: input.email },
        { ip: ctx.visitor.ip },
      );
      // The placeholder is for staff; the customer only needs to know it was kept.
      return { saved: true as const };
    }),
} satisfies TRPCRouterRecord;
