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
  answer: string;
  citations: TWidgetCitation[];
  escalated: boolean;
  reason: string;
  traceId: string;
}
/** What widget.poll returns: replies since `after`, and whether a person has the conversation. */
export interface TWidgetPoll {
  status: 'open' | 'handed_off' | 'resolved' | 'closed';
  withHuman: boolean;
  messages: { id: string; role: 'assistant' | 'human_agent'; content: string; createdAt: Date }[];
}
export interface TWidgetStart {
  conversationId: string;
  greeting: string;
  agentName: string;
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
 * sides). Kept to plain fetch: the panel needs three procedures, not a client library.
 */
async function callWidget<T>(path: 'widget.start' | 'widget.send' | 'widget.poll', input: Record<string, unknown>): Promise<T> {
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
    code === 'TOO_MANY_REQUESTS'
      ? 'You are sending messages faster than we can answer. Wait a moment, then try again.'
      : (error?.message ?? 'Something went wrong on our side. Please try again.');
  throw new WidgetCallError(message, code, RETRYABLE.has(code));
}

export interface TWidgetCaller {
  key: string;
  visitorId: string;
  host: string | null;
}

export const startChat = (caller: TWidgetCaller) => callWidget<TWidgetStart>('widget.start', { ...caller });
export const sendChatMessage = (caller: TWidgetCaller, conversationId: string, message: string) =>
  callWidget<TWidgetReply>('widget.send', { ...caller, conversationId, message });

export const pollChat = (caller: TWidgetCaller, conversationId: string, after: Date | null) =>
  callWidget<TWidgetPoll>('widget.poll', { ...caller, conversationId, after });

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
