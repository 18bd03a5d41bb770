'use client';

import { Button, cn } from '@vouch/ui';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

type TMessage =
  | { id: number; role: 'assistant' | 'customer'; text: string }
  | { id: number; role: 'system'; text: string };

const GREETING = 'Hi! Every answer I give cites an approved source.';
const NOT_CONNECTED =
  "The assistant isn't connected yet, so this message was not answered or sent to anyone. Answering arrives in a later release.";
const NO_HUMAN_YET = "Human handoff isn't connected yet, so no one has been notified. It arrives with the support inbox.";
const MAX_LENGTH = 2000;

/** Asks the page that framed us (the widget loader) to close the panel. */
function requestClose() {
  if (window.parent !== window) window.parent.postMessage({ type: 'vouch:close' }, '*');
}

export function ChatPanel({ agentKey }: { agentKey: string | null }) {
  const [messages, setMessages] = useState<TMessage[]>([{ id: 0, role: 'assistant', text: GREETING }]);
  const [draft, setDraft] = useState('');
  const nextId = useRef(1);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const inputId = useId();
  // Known only in the browser; set after hydration so server and client markup agree.
  const [framed, setFramed] = useState(false);

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

  useEffect(() => {
    listRef.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [messages]);

  function append(...items: Omit<TMessage, 'id'>[]) {
    setMessages((current) => [...current, ...items.map((item) => ({ ...item, id: nextId.current++ }) as TMessage)]);
  }

  function send(event?: FormEvent) {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    append({ role: 'customer', text }, { role: 'system', text: NOT_CONNECTED });
    setDraft('');
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  }

  return (
    <div className="flex h-full flex-col bg-white">
      <header className="flex items-center gap-3 bg-indigo-600 px-4 py-3 text-white">
        <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-white/15 font-semibold">
          S
        </span>
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-sm font-semibold">Support assistant</h1>
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

      {agentKey ? null : (
        <p role="status" className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-xs text-amber-800">
          This chat was opened without a valid agent key, so it cannot be linked to a company.
        </p>
      )}

      <ol ref={listRef} role="log" aria-live="polite" aria-label="Messages" className="flex-1 space-y-3 overflow-y-auto px-4 py-4">
        {messages.map((message) =>
          message.role === 'system' ? (
            <li key={message.id} className="mx-auto max-w-[90%] rounded-md bg-slate-100 px-3 py-2 text-center text-xs text-slate-600" data-role="system">
              <span className="sr-only">Note: </span>
              {message.text}
            </li>
          ) : (
            <li key={message.id} className={cn('flex', message.role === 'customer' ? 'justify-end' : 'justify-start')} data-role={message.role}>
              <p
                className={cn(
                  'max-w-[85%] rounded-2xl px-3.5 py-2 text-sm break-words whitespace-pre-wrap',
                  message.role === 'customer' ? 'rounded-br-sm bg-indigo-600 text-white' : 'rounded-bl-sm bg-slate-100 text-slate-900',
                )}
              >
                <span className="sr-only">{message.role === 'customer' ? 'You: ' : 'Assistant: '}</span>
                {message.text}
              </p>
            </li>
          ),
        )}
      </ol>

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
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Type your question…"
            className="max-h-32 min-h-10 flex-1 resize-none rounded-lg border-0 px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          />
          <Button type="submit" disabled={draft.trim().length === 0}>
            Send
          </Button>
        </form>
        <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
          <button
            type="button"
            onClick={() => append({ role: 'system', text: NO_HUMAN_YET })}
            className="font-medium whitespace-nowrap text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            Ask for a human
          </button>
          <span className="text-right">Shift+Enter: new line</span>
        </div>
      </div>
    </div>
  );
}
