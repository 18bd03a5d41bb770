import superjson from 'superjson';

/** What widget.send returns (packages/api/src/routers/widget.ts). */
export interface TWidgetCitation {
  source: string;
  title: string;
  heading: string | null;
  url: string | null;
  chunkId: string;
}
export interface TWidgetReply {
  conversationId: string;
  customerMessageId: string;
  messageId: string;
  createdAt: Date;
  replayed: boolean;
  answer: string;
  citations: TWidgetCitation[];
  escalated: boolean;
  reason: string;
  traceId: string;
  /**
   * widget.send only (the stream sends a separate `handoff` event): set when this reply handed the
   * conversation to a person, with whether anyone is online and otherwise the expected wait.
   */
  handoff?: { agentsOnline: boolean; expectedWaitMinutes: number | null } | null;
}
export type TConversationStatus = 'open' | 'handed_off' | 'resolved' | 'closed';
/** One message of the conversation as the feed delivers it (widget.events). */
export interface TFeedMessage {
  id: string;
  role: 'customer' | 'assistant' | 'human_agent';
  content: string;
  createdAt: Date;
  citations: TWidgetCitation[];
  clientMessageId: string | null;
}
export interface TWidgetStart {
  conversationId: string;
  greeting: string;
  agentName: string;
  /** The agent's theme colour (#rrggbb). */
  themeColor: string;
  /** The host page's signed user id checked out. */
  identityVerified: boolean;
}

/** The signed user id the loader passed in the frame's fragment (identity verification), if any. */
export function identityFromFragment(): { userId: string; userHash: string } | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const userId = params.get('uid');
  const userHash = params.get('uh');
  return userId && userHash ? { userId, userHash } : null;
}

/** A failed call, with the server's public message and whether trying again can help. */
export class WidgetCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const RETRYABLE = new Set(['TOO_MANY_REQUESTS', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'TIMEOUT', 'NETWORK']);

/**
 * Calls one widget mutation in tRPC's HTTP format (POST /api/trpc/<path>, superjson on both
 * sides). Kept to plain fetch: the panel needs a few procedures, not a client library.
 */
async function callWidget<T>(path: 'widget.start' | 'widget.send' | 'widget.leaveContactEmail', input: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(superjson.serialize(input)),
    });
  } catch {
    throw new WidgetCallError('We could not reach the chat service. Check your connection and try again.', 'NETWORK', true);
  }
  const body = (await response.json().catch(() => null)) as
    | { result?: { data?: Parameters<typeof superjson.deserialize>[0] }; error?: Parameters<typeof superjson.deserialize>[0] }
    | null;
  if (body?.result?.data) return superjson.deserialize<T>(body.result.data);
  const error = body?.error ? superjson.deserialize<{ message?: string; data?: { code?: string } }>(body.error) : null;
  const code = error?.data?.code ?? (response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'UNKNOWN');
  const message =
    code === 'TOO_MANY_REQUESTS' && path !== 'widget.leaveContactEmail'
      ? 'You are sending messages faster than we can answer. Wait a moment, then try again.'
      : (firstIssue(error?.message) ?? error?.message ?? 'Something went wrong on our side. Please try again.');
  throw new WidgetCallError(message, code, RETRYABLE.has(code));
}

/** An input refused by validation carries its issues as JSON; the first one's message is the readable part. */
function firstIssue(message: string | undefined): string | null {
  if (!message?.startsWith('[')) return null;
  try {
    const issues = JSON.parse(message) as { message?: unknown }[];
    return typeof issues[0]?.message === 'string' ? issues[0].message : null;
  } catch {
    return null;
  }
}

export interface TWidgetCaller {
  key: string;
  visitorId: string;
  host: string | null;
}

export const startChat = (caller: TWidgetCaller, identity: { userId: string; userHash: string } | null) => callWidget<TWidgetStart>('widget.start', { ...caller, identity });
/** While nobody is online: leaves one email address on the conversation's handoff (kept redacted, for the team). */
export const leaveContactEmail = (caller: TWidgetCaller, conversationId: string, email: string) =>
  callWidget<{ saved: true }>('widget.leaveContactEmail', { ...caller, conversationId, email });
/** Events of a streamed send (POST /api/chat/send). */
export type TSendEvent =
  | { type: 'accepted'; conversationId: string; customerMessageId: string; replayed: boolean }
  | { type: 'delta'; text: string }
  | { type: 'reset' }
  | { type: 'done'; reply: TWidgetReply }
  /** After `done` when the reply handed off: is anyone online, and if not, the expected wait (null: unknown). */
  | { type: 'handoff'; agentsOnline: boolean; expectedWaitMinutes: number | null };

/** Events of the conversation feed (POST /api/chat/events). */
export type TFeedEvent = { type: 'message'; message: TFeedMessage } | { type: 'status'; status: TConversationStatus; withHuman: boolean };

/**
 * Reads a `text/event-stream` response and calls `onEvent` per event. An `error` event becomes
 * a WidgetCallError; a stream that ends without `done` (for sends) is the caller's to judge.
 */
async function readEvents(response: Response, onEvent: (type: string, data: unknown) => void): Promise<void> {
  if (!response.body) throw new WidgetCallError('We could not reach the chat service. Check your connection and try again.', 'NETWORK', true);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    let chunk: ReadableStreamReadResult<string>;
    try {
      chunk = await reader.read();
    } catch {
      throw new WidgetCallError('The connection dropped. Reconnecting…', 'NETWORK', true);
    }
    if (chunk.done) return;
    buffer += chunk.value;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) type = line.slice(7);
        else if (line.startsWith('data: ')) data += line.slice(6);
      }
      if (!data) continue;
      const parsed = JSON.parse(data) as { code?: string; message?: string; retryable?: boolean };
      if (type === 'error') {
        const code = parsed.code ?? 'UNKNOWN';
        const message =
          code === 'TOO_MANY_REQUESTS' ? 'You are sending messages faster than we can answer. Wait a moment, then try again.' : (parsed.message ?? 'Something went wrong on our side. Please try again.');
        throw new WidgetCallError(message, code, parsed.retryable ?? RETRYABLE.has(code));
      }
      onEvent(type, parsed);
    }
  }
}

async function postStream(path: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify(body), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new WidgetCallError('We could not reach the chat service. Check your connection and try again.', 'NETWORK', true);
  }
}

const withDates = <T extends { createdAt: string | Date }>(value: T): T => ({ ...value, createdAt: new Date(value.createdAt) });

/**
 * Sends one message and follows its streamed reply. Resolves with the stored reply; throws a
 * WidgetCallError (retryable for network drops) otherwise. Safe to call again with the same
 * clientMessageId: the server then replays the reply it stored.
 */
export async function streamChatMessage(
  caller: TWidgetCaller,
  input: { conversationId: string; message: string; clientMessageId: string },
  onEvent: (event: TSendEvent) => void,
): Promise<TWidgetReply> {
  const response = await postStream('/api/chat/send', { ...caller, ...input });
  let reply: TWidgetReply | null = null;
  await readEvents(response, (type, data) => {
    if (type === 'done') {
      const done = data as { reply: TWidgetReply };
      reply = withDates(done.reply);
      onEvent({ type: 'done', reply });
    } else if (type === 'accepted' || type === 'delta' || type === 'reset' || type === 'handoff') {
      onEvent(data as TSendEvent);
    }
  });
  if (!reply) throw new WidgetCallError('The connection dropped before the answer arrived. Reconnecting…', 'NETWORK', true);
  return reply;
}

/** Follows the conversation feed from `after` until it ends (about a minute) or `signal` aborts. */
export async function followChat(caller: TWidgetCaller, conversationId: string, after: Date | null, onEvent: (event: TFeedEvent) => void, signal: AbortSignal): Promise<void> {
  const response = await postStream('/api/chat/events', { ...caller, conversationId, after: after?.toISOString() ?? null }, signal);
  await readEvents(response, (type, data) => {
    if (type === 'message') {
      const event = data as { message: TFeedMessage };
      onEvent({ type: 'message', message: withDates(event.message) });
    } else if (type === 'status') onEvent(data as TFeedEvent);
  });
}

/** A fresh id for one send; retries of that send reuse it. */
export function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `m_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const VISITOR_STORAGE = 'vouch.visitor';

/** A random visitor id kept in the panel's own (chat-origin) localStorage; per session when storage is blocked. */
let cachedVisitorId: string | undefined;

export function visitorId(): string {
  cachedVisitorId ??= readOrCreateVisitorId();
  return cachedVisitorId;
}

function readOrCreateVisitorId(): string {
  const fresh = () => {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    return `v_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  };
  try {
    const stored = window.localStorage.getItem(VISITOR_STORAGE);
    if (stored && /^[A-Za-z0-9_-]{16,128}$/.test(stored)) return stored;
    const id = fresh();
    window.localStorage.setItem(VISITOR_STORAGE, id);
    return id;
  } catch {
    return fresh();
  }
}
