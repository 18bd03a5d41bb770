'use client';

import { Button, cn } from '@vouch/ui';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { pollChat, sendChatMessage, startChat, visitorId, WidgetCallError, type TWidgetCaller, type TWidgetCitation } from './widget-client';

type TMessage =
  | { id: number; role: 'customer'; text: string }
  | { id: number; role: 'assistant'; text: string; citations: TWidgetCitation[]; escalated: boolean }
  | { id: number; role: 'agent'; text: string }
  | { id: number; role: 'system'; text: string };

type TNewMessage = TMessage extends infer M ? (M extends TMessage ? Omit<M, 'id'> : never) : never;

type TFailure = { message: string; retry: (() => void) | null };

const MAX_LENGTH = 4000;
const HUMAN_REQUEST = "I'd like to talk to a person, please.";
const HANDED_OFF_NOTE = 'Handed to a person. This conversation is now in our team\u2019s inbox.';
const JOINED_NOTE = 'A person from our team joined the conversation.';
const RESOLVED_NOTE = 'Our team marked this conversation as resolved. The assistant answers again if you write.';
/** While a person has the conversation, their replies are fetched every 2 s (a server push can replace this later). */
const POLL_MS = 2000;

/** Asks the page that framed us (the widget loader) to close the panel. */
function requestClose() {
  if (window.parent !== window) window.parent.postMessage({ type: 'vouch:close' }, '*');
}

function describe(error: unknown): string {
  return error instanceof WidgetCallError ? error.message : 'Something went wrong on our side. Please try again.';
}

function isRetryable(error: unknown): boolean {
  return !(error instanceof WidgetCallError) || error.retryable;
}

/** Citations as compact badges: a link for crawled pages (they have a URL), plain text otherwise. */
function Citations({ citations }: { citations: TWidgetCitation[] }) {
  const unique = citations.filter((c, i) => citations.findIndex((o) => o.source === c.source && o.heading === c.heading) === i);
  if (unique.length === 0) return null;
  return (
    <ul aria-label="Sources" className="mt-1.5 flex flex-wrap gap-1.5">
      {unique.map((citation) => {
        const label = citation.heading && citation.heading !== citation.title ? `${citation.title} › ${citation.heading}` : citation.title;
        const safeUrl = citation.url && /^https?:\/\//i.test(citation.url) ? citation.url : null;
        const badge = 'inline-flex max-w-full items-center gap-1 rounded-full bg-white px-2 py-0.5 text-xs ring-1 ring-slate-200';
        return (
          <li key={citation.chunkId} className="max-w-full" data-source={citation.source}>
            {safeUrl ? (
              <a
                href={safeUrl}
                target="_blank"
                rel="noopener noreferrer"
                title={citation.source}
                className={cn(badge, 'text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600')}
              >
                <span aria-hidden="true">↗</span>
                <span className="truncate">{label}</span>
              </a>
            ) : (
              <span title={citation.source} className={cn(badge, 'text-slate-700')}>
                <span aria-hidden="true">§</span>
                <span className="truncate">{label}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function ChatPanel({ agentKey, host, refusal }: { agentKey: string | null; host: string | null; refusal: string | null }) {
  const [messages, setMessages] = useState<TMessage[]>([]);
  const [agentName, setAgentName] = useState('Support assistant');
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const [failure, setFailure] = useState<TFailure | null>(null);
  const [handedOff, setHandedOff] = useState(false);
  // Across handoffs of one conversation: replies already shown, and the newest one's time.
  const seenRef = useRef(new Set<string>());
  const afterRef = useRef<Date | null>(null);
  const [draft, setDraft] = useState('');
  const nextId = useRef(1);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const inputId = useId();
  // Known only in the browser; set after hydration so server and client markup agree.
  const [framed, setFramed] = useState(false);

  const caller = useCallback((): TWidgetCaller | null => (agentKey ? { key: agentKey, visitorId: visitorId(), host } : null), [agentKey, host]);

  const append = useCallback((...items: TNewMessage[]) => {
    setMessages((current) => [...current, ...items.map((item) => ({ ...item, id: nextId.current++ }) as TMessage)]);
  }, []);

  const start = useCallback(async () => {
    const who = caller();
    if (!who || refusal) return;
    setStarting(true);
    setFailure(null);
    try {
      const started = await startChat(who);
      setConversationId(started.conversationId);
      setAgentName(started.agentName);
      append({ role: 'assistant', text: started.greeting, citations: [], escalated: false });
    } catch (error) {
      setFailure({ message: describe(error), retry: isRetryable(error) ? () => void start() : null });
    } finally {
      setStarting(false);
    }
  }, [append, caller, refusal]);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    setFramed(window.parent !== window);
    // The loader tells us when the panel opens, so the keyboard lands in the message box.
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown } | null;
      if (event.source === window.parent && data?.type === 'vouch:opened') inputRef.current?.focus();
    };
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') requestClose();
    };
    window.addEventListener('message', onMessage);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('message', onMessage);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  // The team's replies arrive without the customer asking: poll while a person is involved.
  useEffect(() => {
    const who = caller();
    if (!handedOff || !conversationId || !who) return;
    const seen = seenRef.current;
    let joined = false;
    let stopped = false;
    let busy = false;
    const tick = async () => {
      if (busy || stopped) return;
      busy = true;
      try {
        const polled = await pollChat(who, conversationId, afterRef.current);
        if (stopped) return;
        if (polled.withHuman && !joined) {
          joined = true;
          append({ role: 'system', text: JOINED_NOTE });
        }
        // The assistant's own replies already came with widget.send; only the team's are new here.
        const fresh = polled.messages.filter((m) => m.role === 'human_agent' && !seen.has(m.id));
        for (const m of polled.messages) {
          seen.add(m.id);
          if (!afterRef.current || m.createdAt > afterRef.current) afterRef.current = m.createdAt;
        }
        if (fresh.length) append(...fresh.map((m) => ({ role: 'agent' as const, text: m.content })));
        if (polled.status !== 'handed_off') {
          if (polled.status === 'resolved') append({ role: 'system', text: RESOLVED_NOTE });
          setHandedOff(false);
        }
      } catch {
        // A missed poll is retried on the next tick; the customer's own sending reports errors.
      } finally {
        busy = false;
      }
    };
    void tick();
    const timer = window.setInterval(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [append, caller, conversationId, handedOff]);

  useEffect(() => {
    listRef.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [messages, waiting, failure]);

  async function deliver(text: string, fromDraft: boolean) {
    const who = caller();
    if (!who || !conversationId || waiting) return;
    const customerId = nextId.current++;
    setMessages((current) => [...current, { id: customerId, role: 'customer', text }]);
    if (fromDraft) setDraft('');
    setFailure(null);
    setWaiting(true);
    try {
      const reply = await sendChatMessage(who, conversationId, text);
      append(
        { role: 'assistant', text: reply.answer, citations: reply.citations, escalated: reply.escalated },
        ...(reply.escalated && reply.reason !== 'with_human' ? [{ role: 'system' as const, text: HANDED_OFF_NOTE }] : []),
      );
      if (reply.escalated) setHandedOff(true);
    } catch (error) {
      // Nothing is lost: the message leaves the log and its text goes back into the box.
      setMessages((current) => current.filter((m) => m.id !== customerId));
      if (fromDraft) setDraft((current) => (current.trim() ? current : text));
      setFailure({ message: describe(error), retry: isRetryable(error) ? () => void deliver(text, false) : null });
    } finally {
      setWaiting(false);
      inputRef.current?.focus();
    }
  }

  function send(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    void deliver(text, true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  }

  const ready = Boolean(conversationId) && !refusal;
  const canSend = ready && !waiting && draft.trim().length > 0;

  return (
    <div className="flex h-full flex-col bg-white">
      <header className="flex items-center gap-3 bg-indigo-600 px-4 py-3 text-white">
        <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-white/15 font-semibold">
          {agentName.slice(0, 1).toUpperCase()}
        </span>
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-sm font-semibold">{agentName}</h1>
          <p className="truncate text-xs text-indigo-100">Cited answers · Powered by Vouch</p>
        </div>
        {framed ? (
          <button
            type="button"
            onClick={requestClose}
            className="inline-flex size-9 items-center justify-center rounded-md text-indigo-100 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-white"
          >
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
              <path d="M6 6l12 12M18 6L6 18" />
            </svg>
            <span className="sr-only">Close chat</span>
          </button>
        ) : null}
      </header>

      {refusal ? (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-800" data-testid="chat-refusal">
          {refusal}
        </p>
      ) : null}

      <ol ref={listRef} role="log" aria-live="polite" aria-label="Messages" className="flex-1 space-y-3 overflow-y-auto px-4 py-4">
        {starting ? (
          <li className="text-center text-xs text-slate-500" data-role="status">
            Connecting…
          </li>
        ) : null}
        {messages.map((message) =>
          message.role === 'system' ? (
            <li key={message.id} className="mx-auto max-w-[90%] rounded-md bg-slate-100 px-3 py-2 text-center text-xs text-slate-600" data-role="system">
              <span className="sr-only">Note: </span>
              {message.text}
            </li>
          ) : (
            <li
              key={message.id}
              className={cn('flex flex-col', message.role === 'customer' ? 'items-end' : 'items-start')}
              data-role={message.role}
              data-escalated={message.role === 'assistant' && message.escalated ? 'true' : undefined}
            >
              <p
                className={cn(
                  'max-w-[85%] rounded-2xl px-3.5 py-2 text-sm break-words whitespace-pre-wrap',
                  message.role === 'customer'
                    ? 'rounded-br-sm bg-indigo-600 text-white'
                    : message.role === 'agent'
                      ? 'rounded-bl-sm bg-emerald-50 text-slate-900 ring-1 ring-emerald-200'
                      : 'rounded-bl-sm bg-slate-100 text-slate-900',
                )}
              >
                {message.role === 'agent' ? <span className="mb-0.5 block text-xs font-semibold text-emerald-800">Support team</span> : null}
                <span className="sr-only">{message.role === 'customer' ? 'You: ' : message.role === 'agent' ? 'Support team: ' : 'Assistant: '}</span>
                {message.text}
              </p>
              {message.role === 'assistant' ? (
                <div className="max-w-[85%]">
                  <Citations citations={message.citations} />
                </div>
              ) : null}
            </li>
          ),
        )}
        {waiting ? (
          <li className="flex justify-start" data-role="typing">
            <p className="rounded-2xl rounded-bl-sm bg-slate-100 px-3.5 py-2 text-sm text-slate-500">
              <span className="sr-only">The assistant is typing</span>
              <span aria-hidden="true" className="inline-flex gap-1">
                <span className="size-1.5 animate-pulse rounded-full bg-slate-400" />
                <span className="size-1.5 animate-pulse rounded-full bg-slate-400 [animation-delay:150ms]" />
                <span className="size-1.5 animate-pulse rounded-full bg-slate-400 [animation-delay:300ms]" />
              </span>
            </p>
          </li>
        ) : null}
      </ol>

      {failure ? (
        <div role="alert" className="mx-4 mb-2 flex items-start justify-between gap-3 rounded-md bg-red-50 px-3 py-2 text-xs text-red-800 ring-1 ring-red-200">
          <span>{failure.message}</span>
          {failure.retry ? (
            <button
              type="button"
              onClick={failure.retry}
              className="font-semibold whitespace-nowrap text-red-900 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-red-700"
            >
              Retry
            </button>
          ) : null}
        </div>
      ) : null}

      <div className="border-t border-slate-200 px-4 pt-3 pb-3">
        <form onSubmit={send} className="flex items-end gap-2">
          <label htmlFor={inputId} className="sr-only">
            Message
          </label>
          <textarea
            ref={inputRef}
            id={inputId}
            rows={1}
            value={draft}
            maxLength={MAX_LENGTH}
            disabled={Boolean(refusal) || !agentKey}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Type your question…"
            className="max-h-32 min-h-10 flex-1 resize-none rounded-lg border-0 px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none disabled:bg-slate-50"
          />
          <Button type="submit" disabled={!canSend}>
            Send
          </Button>
        </form>
        <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
          <button
            type="button"
            disabled={!ready || waiting}
            onClick={() => void deliver(HUMAN_REQUEST, false)}
            className="font-medium whitespace-nowrap text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:text-slate-400 disabled:no-underline"
          >
            Ask for a human
          </button>
          <span className="text-right">Shift+Enter: new line</span>
        </div>
      </div>
    </div>
  );
}
