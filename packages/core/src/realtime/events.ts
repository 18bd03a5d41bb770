import { redisUrl } from '@vouch/jobs';
import { z } from 'zod';

/**
 * What travels on Redis: ids and kinds only, never message text, names, emails or any other
 * customer data. Redis is a shared, unencrypted side channel without row-level security or
 * permissions, and pub/sub messages can be seen by anything that subscribes (or MONITORs). So an
 * event only says "something changed here"; each client then refetches through tRPC, where RLS
 * and the caller's permissions decide what it may read. The schema is strict: an event with any
 * other field (say `text`) is refused before it is published.
 */
export const REALTIME_EVENT_KINDS = [
  'handoff.created',
  'handoff.claimed',
  'handoff.assigned',
  'handoff.unassigned',
  'handoff.resolved',
  'handoff.returned',
  'handoff.updated',
  'message.created',
  'presence.changed',
] as const;

export const ZRealtimeEvent = z.strictObject({
  kind: z.enum(REALTIME_EVENT_KINDS),
  tenantId: z.uuid(),
  conversationId: z.uuid().nullish(),
  handoffId: z.uuid().nullish(),
  messageId: z.uuid().nullish(),
  /** For message.created: whose message (the widget ignores everything but replies to it). */
  role: z.enum(['customer', 'assistant', 'human_agent', 'system', 'internal_note']).nullish(),
  /** The member concerned (claimer, assignee, whose presence changed); an id, never a name. */
  userId: z.uuid().nullish(),
  /** When it happened, ISO 8601; lets clients measure delivery latency. */
  at: z.iso.datetime({ offset: true }),
});
export type TRealtimeEvent = z.infer<typeof ZRealtimeEvent>;
export type TRealtimeEventInput = Omit<z.input<typeof ZRealtimeEvent>, 'at'> & { at?: string };

const PREFIX = 'vouch:rt';
const ZId = z.uuid();

/**
 * Redis pub/sub ignores the database number (a PUBLISH on db 4 reaches subscribers on db 0), so
 * the database index is part of every channel name: a test run or a second deployment sharing
 * one Redis server never sees another's events.
 */
function base(tenantId: string): string {
  return `${PREFIX}:${redisDb()}:${ZId.parse(tenantId)}`;
}

// The database index, parsed once per REDIS_URL value (re-read if the environment changes it,
// as tests do) instead of once per channel name.
let dbOf: { url: string | undefined; db: number } | undefined;
function redisDb(): number {
  const url = process.env.REDIS_URL;
  if (dbOf && dbOf.url === url) return dbOf.db;
  const parsed = Number(new URL(redisUrl()).pathname.slice(1) || '0');
  const db = Number.isInteger(parsed) ? parsed : 0;
  dbOf = { url, db };
  return db;
}

/** Checks an event against the strict schema (once) and stamps `at` when it has none. */
export function parseRealtimeEvent(rawEvent: TRealtimeEventInput): TRealtimeEvent {
  return ZRealtimeEvent.parse(rawEvent.at == null ? { ...rawEvent, at: new Date().toISOString() } : rawEvent);
}

/** Everything that happens in a tenant's handoff inbox; only for console members with inbox.read. */
export function inboxChannel(tenantId: string): string {
  return `${base(tenantId)}:inbox`;
}

/**
 * One conversation, seen from the customer's side: only events the customer may know about
 * (no internal notes, no claims or assignments), so the widget may forward it as it is.
 */
export function conversationChannel(tenantId: string, conversationId: string): string {
  return `${base(tenantId)}:conversation:${ZId.parse(conversationId)}`;
}

/** The tenant a channel belongs to, or null for a name that is not one of ours. */
export function tenantOfChannel(channel: string): string | null {
  const match = /^vouch:rt:\d+:([0-9a-f-]{36}):(?:inbox|conversation:[0-9a-f-]{36})$/.exec(channel);
  return match?.[1] ?? null;
}

/** Whether the customer's side may hear of an event (the conversation channel carries only these). */
export function isCustomerVisible(event: Pick<TRealtimeEvent, 'kind' | 'role'>): boolean {
  if (event.kind === 'message.created') return event.role === 'customer' || event.role === 'assistant' || event.role === 'human_agent';
  return event.kind === 'handoff.resolved' || event.kind === 'handoff.returned';
}
