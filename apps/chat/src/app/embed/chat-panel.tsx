'use client';

import { Button, cn } from '@vouch/ui';
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties, type FormEvent, type KeyboardEvent } from 'react';
import { contrastText } from './contrast';
import {
  followChat,
  identityFromFragment,
  leaveContactEmail,
  newClientMessageId,
  startChat,
  streamChatMessage,
  visitorId,
  WidgetCallError,
  type TFeedMessage,
  type TWidgetCaller,
  type TWidgetCitation,
  type TWidgetReply,
} from './widget-client';

/**
 * One line of the log. `key` is the server's message id once known (so a message delivered
 * twice, by a send's reply and by the feed, shows once); a customer message starts under its
 * client message id until the server has accepted it.
 */
type TMessage =
  | { key: string; role: 'customer'; text: string; clientMessageId: string | null; state: 'sending' | 'sent' }
  | { key: string; role: 'assistant'; text: string; citations: TWidgetCitation[]; escalated: boolean }
  | { key: string; role: 'agent'; text: string }
  | { key: string; role: 'system'; text: string };

type TFailure = { message: string; retry: (() => void) | null };

const MAX_LENGTH = 4000;
const HUMAN_REQUEST = "I'd like to talk to a person, please.";
const HANDED_OFF_NOTE = 'Handed to a person. This conversation is now in our team\u2019s inbox.';
const JOINED_NOTE = 'A person from our team joined the conversation.';
const RESOLVED_NOTE = 'Our team marked this conversation as resolved. The assistant answers again if you write.';
/** A send that lost its connection is retried (same client message id) for this long before the panel asks. */
const RETRY_WINDOW_MS = 60_000;
const DEFAULT_THEME = '#4f46e5';

/** Loose shape check before asking the server, which accepts exactly one address. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What the customer hears when nobody from the team is online: the median wait of recent
 * handoffs when there is one, and no invented figure when there is not.
 */
function waitNote(minutes: number | null): string {
  if (minutes === null) return 'Nobody from our team is online right now, and we can\u2019t say yet when someone will be back.';
  const span = minutes < 90 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(minutes / 60)} hours`;
  return `Nobody from our team is online right now. Recently it has taken about ${span} for someone to pick up a conversation.`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the browser reports a connection again (at once when it already does). */
function whenOnline(): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.onLine) return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
}

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
  const [theme, setTheme] = useState(DEFAULT_THEME);
  const [verified, setVerified] = useState(false);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [waiting, setWaiting] = useState(false);
  /** The reply being streamed, shown as it arrives; null when none is. */
  const [streaming, setStreaming] = useState<string | null>(null);
  const [reconnecting, setReconnecting] = useState(false);
  const [failure, setFailure] = useState<TFailure | null>(null);
  const [draft, setDraft] = useState('');
  /** Set while the conversation waits for a person and nobody is online: the email offer. */
  const [teamAway, setTeamAway] = useState<{ saved: boolean } | null>(null);
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [savingEmail, setSavingEmail] = useState(false);
  const emailId = useId();
  const nextLocal = useRef(1);
  // The newest message time seen: the feed resumes after it.
  const cursorRef = useRef<Date | null>(null);
  // Feed messages that arrive while a send is streaming wait, so replies keep their order.
  const sendingRef = useRef(false);
  const heldRef = useRef<TFeedMessage[]>([]);
  const statusRef = useRef<{ status: string; withHuman: boolean } | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  // Known only in the browser; set after hydration so server and client markup agree.
  const [framed, setFramed] = useState(false);

  const caller = useCallback((): TWidgetCaller | null => (agentKey ? { key: agentKey, visitorId: visitorId(), host } : null), [agentKey, host]);

  const localKey = () => `local-${nextLocal.current++}`;
  const note = useCallback((text: string) => setMessages((current) => [...current, { key: `local-${nextLocal.current++}`, role: 'system', text }]), []);
  const seen = (at: Date) => {
    if (!cursorRef.current || at > cursorRef.current) cursorRef.current = at;
  };

  /** Adds what the feed delivered, unless the log already has it (by id, or by client message id for the customer's own). */
  const applyFeedMessage = useCallback((message: TFeedMessage) => {
    seen(message.createdAt);
    setMessages((current) => {
      if (current.some((m) => m.key === message.id)) return current;
      if (message.role === 'customer') {
        const mine = message.clientMessageId ? current.findIndex((m) => m.role === 'customer' && m.clientMessageId === message.clientMessageId) : -1;
        if (mine >= 0) return current.map((m, i) => (i === mine ? { ...m, key: message.id, state: 'sent' as const } : m));
        return [...current, { key: message.id, role: 'customer', text: message.content, clientMessageId: message.clientMessageId, state: 'sent' }];
      }
      if (message.role === 'human_agent') return [...current, { key: message.id, role: 'agent', text: message.content }];
      return [...current, { key: message.id, role: 'assistant', text: message.content, citations: message.citations, escalated: false }];
    });
  }, []);

  const start = useCallback(async () => {
    const who = caller();
    if (!who || refusal) return;
    setStarting(true);
    setFailure(null);
    try {
      const started = await startChat(who, identityFromFragment());
      setVerified(started.identityVerified);
      setConversationId(started.conversationId);
      setAgentName(started.agentName);
      setTheme(started.themeColor || DEFAULT_THEME);
      // The loader paints its launcher in the same colour.
      if (window.parent !== window) window.parent.postMessage({ type: 'vouch:theme', color: started.themeColor }, '*');
      setMessages((current) => [...current, { key: 'greeting', role: 'assistant', text: started.greeting, citations: [], escalated: false }]);
    } catch (error) {
      setFailure({ message: describe(error), retry: isRetryable(error) ? () => void start() : null });
    } finally {
      setStarting(false);
    }
  }, [caller, refusal]);

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
      // Focus stays inside the panel while it is open: Tab from the last control goes to the first.
      if (event.key === 'Tab' && rootRef.current && window.parent !== window) {
        const focusable = [...rootRef.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])')];
        const first = focusable[0];
        const last = focusable.at(-1);
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('message', onMessage);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('message', onMessage);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  // The conversation feed: the team's replies, status changes, and whatever was missed while
  // the connection was down (it resumes after the newest message seen). Reopened whenever it
  // ends or drops, with a growing pause while it keeps failing.
  useEffect(() => {
    const who = caller();
    if (!conversationId || !who) return;
    const controller = new AbortController();
    let failures = 0;
    const onStatus = (status: string, withHuman: boolean) => {
      const before = statusRef.current;
      statusRef.current = { status, withHuman };
      if (withHuman && !before?.withHuman) note(JOINED_NOTE);
      if (status === 'resolved' && before && before.status !== 'resolved') note(RESOLVED_NOTE);
      // A person took it (or it ended): the email offer is moot.
      if (withHuman || status === 'resolved' || (status === 'open' && before?.status === 'handed_off')) setTeamAway(null);
    };
    void (async () => {
      while (!controller.signal.aborted) {
        try {
          await followChat(
            who,
            conversationId,
            cursorRef.current,
            (event) => {
              failures = 0;
              setReconnecting(false);
              if (event.type === 'status') onStatus(event.status, event.withHuman);
              else if (sendingRef.current) heldRef.current.push(event.message);
              else applyFeedMessage(event.message);
            },
            controller.signal,
          );
        } catch {
          if (controller.signal.aborted) return;
          failures += 1;
          if (failures > 1) setReconnecting(true);
          await whenOnline();
          await sleep(Math.min(5000, 500 * 2 ** Math.min(failures, 4)));
        }
      }
    })();
    return () => controller.abort();
  }, [applyFeedMessage, caller, conversationId, note]);

  useEffect(() => {
    listRef.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [messages, waiting, streaming, failure]);

  /** The stored reply, once: a replay of a reply the feed already brought is not shown again. */
  function showReply(reply: TWidgetReply) {
    seen(reply.createdAt);
    setMessages((current) => {
      const withCustomer = current.map((m) => (m.role === 'customer' && m.key === reply.customerMessageId ? { ...m, state: 'sent' as const } : m));
      if (withCustomer.some((m) => m.key === reply.messageId)) return withCustomer;
      return [
        ...withCustomer,
        { key: reply.messageId, role: 'assistant', text: reply.answer, citations: reply.citations, escalated: reply.escalated },
        ...(reply.escalated && reply.reason !== 'with_human' && !reply.replayed ? [{ key: `local-${nextLocal.current++}`, role: 'system' as const, text: HANDED_OFF_NOTE }] : []),
      ];
    });
  }

  /**
   * Sends one message and streams its reply. A dropped connection is retried with the same
   * client message id (the server stores the message once and replays its reply) until it
   * gets through or the retry window closes; only then does the panel ask the customer.
   */
  async function deliver(text: string, fromDraft: boolean, existing?: { key: string; clientMessageId: string }) {
    const who = caller();
    if (!who || !conversationId || waiting) return;
    const clientMessageId = existing?.clientMessageId ?? newClientMessageId();
    let key = existing?.key ?? localKey();
    if (!existing) setMessages((current) => [...current, { key, role: 'customer', text, clientMessageId, state: 'sending' }]);
    if (fromDraft) setDraft('');
    setFailure(null);
    setWaiting(true);
    sendingRef.current = true;
    const deadline = Date.now() + RETRY_WINDOW_MS;
    // The stream's last word when the reply handed off and nobody is online (see widget.stream).
    const after: { away: { expectedWaitMinutes: number | null } | null } = { away: null };
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const reply = await streamChatMessage(who, { conversationId, message: text, clientMessageId }, (event) => {
            if (event.type === 'accepted') {
              const accepted = event.customerMessageId;
              setMessages((current) => current.map((m) => (m.key === key || (m.role === 'customer' && m.clientMessageId === clientMessageId) ? { ...m, key: accepted, state: 'sent' as const } : m)));
              key = accepted;
              setReconnecting(false);
            } else if (event.type === 'delta') setStreaming((current) => (current ?? '') + event.text);
            else if (event.type === 'reset') setStreaming('');
            else if (event.type === 'handoff') after.away = event.agentsOnline ? null : { expectedWaitMinutes: event.expectedWaitMinutes };
          });
          setStreaming(null);
          showReply(reply);
          if (after.away) {
            note(waitNote(after.away.expectedWaitMinutes));
            setTeamAway({ saved: false });
          }
          return;
        } catch (error) {
          setStreaming(null);
          const network = error instanceof WidgetCallError && error.code === 'NETWORK';
          if (network && Date.now() < deadline) {
            setReconnecting(true);
            await whenOnline();
            await sleep(Math.min(4000, 400 * 2 ** Math.min(attempt, 4)));
            continue;
          }
          throw error;
        }
      }
    } catch (error) {
      setReconnecting(false);
      const retryable = isRetryable(error);
      if (retryable) {
        // Kept in the log (it may well have arrived): a retry sends the same id, so never twice.
        setFailure({ message: describe(error), retry: () => void deliver(text, false, { key, clientMessageId }) });
      } else {
        // Refused (empty, too long, not text…): nothing was stored, so the text goes back into the box.
        setMessages((current) => current.filter((m) => m.key !== key));
        if (fromDraft) setDraft((current) => (current.trim() ? current : text));
        setFailure({ message: describe(error), retry: null });
      }
    } finally {
      sendingRef.current = false;
      const held = heldRef.current.splice(0);
      for (const message of held) applyFeedMessage(message);
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

  async function saveEmail(event: FormEvent) {
    event.preventDefault();
    const who = caller();
    const address = email.trim();
    if (!who || !conversationId || savingEmail) return;
    if (!EMAIL_SHAPE.test(address)) {
      setEmailError(address ? 'Please enter one email address, like name@example.com.' : 'Enter your email address.');
      return;
    }
    setSavingEmail(true);
    setEmailError(null);
    try {
      await leaveContactEmail(who, conversationId, address);
      setEmail('');
      setTeamAway({ saved: true });
    } catch (error) {
      setEmailError(describe(error));
    } finally {
      setSavingEmail(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  }

  const ready = Boolean(conversationId) && !refusal;
  const canSend = ready && !waiting && draft.trim().length > 0;
  const onAccent = contrastText(theme);
  const accentStyle = { backgroundColor: theme, color: onAccent } satisfies CSSProperties;

  return (
    <div ref={rootRef} className="flex h-full flex-col bg-white" style={{ '--vouch-accent': theme, '--vouch-on-accent': onAccent } as CSSProperties} data-theme-color={theme}>
      <header className="flex items-center gap-3 px-4 py-3" style={accentStyle} data-testid="chat-header">
        <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-current/15 font-semibold">
          {agentName.slice(0, 1).toUpperCase()}
        </span>
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-sm font-semibold">{agentName}</h1>
          <p className="truncate text-xs opacity-80">
            {verified ? (
              <span data-testid="chat-verified" className="mr-1 inline-flex items-center gap-0.5 font-medium">
                <span aria-hidden="true">✓</span> Verified account ·
              </span>
            ) : null}
            Cited answers · Powered by Vouch
          </p>
        </div>
        {framed ? (
          <button
            type="button"
            onClick={requestClose}
            className="inline-flex size-9 items-center justify-center rounded-md opacity-90 hover:bg-current/10 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-current"
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
      {reconnecting ? (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-800" data-testid="chat-reconnecting">
          Connection lost. Reconnecting… your messages are kept and sent once it is back.
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
            <li key={message.key} className="mx-auto max-w-[90%] rounded-md bg-slate-100 px-3 py-2 text-center text-xs text-slate-600" data-role="system">
              <span className="sr-only">Note: </span>
              {message.text}
            </li>
          ) : (
            <li
              key={message.key}
              className={cn('flex flex-col', message.role === 'customer' ? 'items-end' : 'items-start')}
              data-role={message.role}
              data-message-id={message.key.startsWith('local-') ? undefined : message.key}
              data-state={message.role === 'customer' ? message.state : undefined}
              data-escalated={message.role === 'assistant' && message.escalated ? 'true' : undefined}
            >
              <p
                className={cn(
                  'max-w-[85%] rounded-2xl px-3.5 py-2 text-sm break-words whitespace-pre-wrap',
                  message.role === 'customer'
                    ? 'rounded-br-sm'
                    : message.role === 'agent'
                      ? 'rounded-bl-sm bg-emerald-50 text-slate-900 ring-1 ring-emerald-200'
                      : 'rounded-bl-sm bg-slate-100 text-slate-900',
                  message.role === 'customer' && message.state === 'sending' ? 'opacity-70' : null,
                )}
                style={message.role === 'customer' ? accentStyle : undefined}
              >
                {message.role === 'agent' ? <span className="mb-0.5 block text-xs font-semibold text-emerald-800">Support team</span> : null}
                <span className="sr-only">{message.role === 'customer' ? 'You: ' : message.role === 'agent' ? 'Support team: ' : 'Assistant: '}</span>
                {message.text}
              </p>
              {message.role === 'customer' && message.state === 'sending' ? <span className="mt-0.5 text-[11px] text-slate-500">Sending…</span> : null}
              {message.role === 'assistant' ? (
                <div className="max-w-[85%]">
                  <Citations citations={message.citations} />
                </div>
              ) : null}
            </li>
          ),
        )}
        {waiting && streaming ? (
          <li className="flex flex-col items-start" data-role="streaming" aria-busy="true">
            <p className="max-w-[85%] rounded-2xl rounded-bl-sm bg-slate-100 px-3.5 py-2 text-sm break-words whitespace-pre-wrap text-slate-900">
              <span className="sr-only">Assistant (still writing): </span>
              {streaming}
              <span aria-hidden="true" className="ml-0.5 inline-block h-3.5 w-1.5 animate-pulse bg-slate-400 align-middle" />
            </p>
          </li>
        ) : waiting ? (
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

      {teamAway ? (
        <section aria-labelledby={`${emailId}-title`} className="mx-4 mb-2 rounded-md bg-amber-50 px-3 py-2.5 text-xs text-amber-900 ring-1 ring-amber-200" data-testid="chat-contact">
          <h2 id={`${emailId}-title`} className="font-semibold">
            {teamAway.saved ? 'Thanks, we have your email' : 'Leave your email?'}
          </h2>
          {teamAway.saved ? (
            <p role="status" className="mt-1" data-testid="chat-contact-saved">
              Someone from our team will write to you there. You can also keep this window open; replies appear here too.
            </p>
          ) : (
            <form onSubmit={(event) => void saveEmail(event)} noValidate className="mt-1.5">
              <p className="mb-1.5">We can write to you when someone is back. Your address is stored encrypted and only shown to our team.</p>
              <label htmlFor={emailId} className="mb-1 block font-medium">
                Your email
              </label>
              <div className="flex items-start gap-2">
                <input
                  id={emailId}
                  type="email"
                  inputMode="email"
                  autoComplete="email"
                  maxLength={254}
                  value={email}
                  onChange={(event) => {
                    setEmail(event.target.value);
                    setEmailError(null);
                  }}
                  aria-invalid={emailError ? true : undefined}
                  aria-describedby={emailError ? `${emailId}-error` : undefined}
                  placeholder="name@example.com"
                  className="min-h-9 min-w-0 flex-1 rounded-md border-0 bg-white px-2.5 py-1.5 text-sm text-slate-900 ring-1 ring-amber-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-[var(--vouch-accent)] focus:outline-none aria-invalid:ring-red-500"
                />
                <Button type="submit" disabled={savingEmail} style={accentStyle}>
                  {savingEmail ? 'Saving…' : 'Leave email'}
                </Button>
              </div>
              {emailError ? (
                <p id={`${emailId}-error`} role="alert" className="mt-1 text-red-700" data-testid="chat-contact-error">
                  {emailError}
                </p>
              ) : null}
            </form>
          )}
        </section>
      ) : null}

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
            className="max-h-32 min-h-10 flex-1 resize-none rounded-lg border-0 px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-[var(--vouch-accent)] focus:outline-none disabled:bg-slate-50"
          />
          <Button type="submit" disabled={!canSend} style={accentStyle}>
            Send
          </Button>
        </form>
        <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
          <button
            type="button"
            disabled={!ready || waiting}
            onClick={() => void deliver(HUMAN_REQUEST, false)}
            className="font-medium whitespace-nowrap text-slate-700 underline underline-offset-2 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-slate-700 disabled:text-slate-400 disabled:no-underline"
          >
            Ask for a human
          </button>
          <span className="text-right">Shift+Enter: new line</span>
        </div>
      </div>
    </div>
  );
}
