import type { TRPCRouterRecord } from '@trpc/server';
import { answerCustomerMessage, listVisitorMessages, startConversation } from '@vouch/core';
import { z } from 'zod';
import { widgetProcedure } from '../trpc';

const MAX_MESSAGE = 4000;

/** A customer's message: 1..4000 characters of text, no NUL or other binary control characters. */
const ZWidgetMessage = z
  .string()
  .trim()
  .min(1, 'Type a message first.')
  .max(MAX_MESSAGE, `Messages can be at most ${MAX_MESSAGE} characters; please shorten yours.`)
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  .refine((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text), 'Messages must be plain text (no control or binary characters).');

/**
 * The embeddable chat's API. widgetProcedure has resolved the key, checked the page's origin and
 * carries the visitor; each procedure calls one core function. Both are mutations: they change
 * state, and browsers send an Origin header with every POST.
 */
export const widgetRouter = {
  start: widgetProcedure.mutation(async ({ ctx }) => {
    const started = await startConversation(ctx.widget.tenantId, { target: { widgetKey: ctx.widget.key }, visitor: { id: ctx.visitor.id } });
    return { conversationId: started.conversationId, greeting: started.greeting, agentName: started.agentName };
  }),

  send: widgetProcedure
    .input(z.object({ conversationId: z.uuid('This conversation id is malformed; start a new chat.'), message: ZWidgetMessage }))
    .mutation(async ({ ctx, input }) => {
      const reply = await answerCustomerMessage(ctx.widget.tenantId, {
        target: { widgetKey: ctx.widget.key },
        conversationId: input.conversationId,
        visitor: ctx.visitor,
        message: input.message,
      });
      return {
        conversationId: reply.conversationId,
        answer: reply.answer,
        citations: reply.citations.map((c) => ({ source: c.source, title: c.title, heading: c.heading, url: c.url, chunkId: c.chunkId, sourceId: c.sourceId, version: c.version })),
        escalated: reply.escalated,
        reason: reply.reason,
        traceId: reply.traceId,
      };
    }),

  /**
   * Replies that arrived since `after` (a person's, once the conversation is handed off). The
   * panel polls this every 2 s while a person is involved; a server push (SSE) can replace it
   * later. A mutation although it only reads: browsers omit Origin on same-origin GETs, and
   * widgetProcedure needs it to check the page, as for start and send.
   */
  poll: widgetProcedure
    .input(z.object({ conversationId: z.uuid('This conversation id is malformed; start a new chat.'), after: z.date().nullish() }))
    .mutation(({ ctx, input }) =>
      listVisitorMessages(ctx.widget.tenantId, { widgetKey: ctx.widget.key, visitorId: ctx.visitor.id, conversationId: input.conversationId, after: input.after ?? null }),
    ),
} satisfies TRPCRouterRecord;
