'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, CardBody, Label, Textarea } from '@vouch/ui';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import { expandShortcut, shortcutAt } from './canned';

/**
 * The reply (or note) box. Canned responses: type "/" and a shortcut, then Tab (or Enter on a
 * suggestion) replaces it with the response; Ctrl+Enter sends.
 */
export function Composer({ kind, conversationId, onPosted }: { kind: 'reply' | 'note'; conversationId: string; onPosted: (filtered: string[]) => void }) {
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [cursor, setCursor] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const canned = useQuery({ ...trpc.inbox.cannedResponses.queryOptions(), enabled: kind === 'reply', staleTime: 60_000 });
  const options = {
    onSuccess: (posted: { filtered: string[] }) => {
      setText('');
      onPosted(posted.filtered);
    },
    onError: (e: unknown) => setError(errorMessage(e)),
  };
  const reply = useMutation(trpc.inbox.reply.mutationOptions(options));
  const note = useMutation(trpc.inbox.note.mutationOptions(options));
  const mutation = kind === 'reply' ? reply : note;
  const id = `${kind}-text`;
  const typed = kind === 'reply' ? shortcutAt(text, cursor) : null;
  const suggestions = typed ? (canned.data ?? []).filter((c) => c.shortcut.startsWith(typed.shortcut)).slice(0, 5) : [];

  const insert = (body: string) => {
    if (!typed) return;
    const next = expandShortcut(text, typed, body);
    setText(next.text);
    setCursor(next.cursor);
    requestAnimationFrame(() => area.current?.setSelectionRange(next.cursor, next.cursor));
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim().length === 0 || mutation.isPending) return;
    setError(null);
    mutation.mutate({ conversationId, text });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Tab' && !event.shiftKey && suggestions[0]) {
      event.preventDefault();
      insert(suggestions[0].body);
    }
  };
  return (
    <Card>
      <form onSubmit={submit}>
        <CardBody className="space-y-2">
          <Label htmlFor={id}>{kind === 'reply' ? 'Reply to the customer' : 'Internal note'}</Label>
          <p className="text-xs text-slate-500" id={`${id}-hint`}>
            {kind === 'reply'
              ? 'Secrets and card numbers are filtered out before sending. Type / and a shortcut, then Tab, to insert a canned response. Ctrl+Enter sends.'
              : 'Only your team sees notes; the customer never does.'}
          </p>
          <Textarea
            id={id}
            ref={area}
            rows={kind === 'reply' ? 4 : 2}
            value={text}
            aria-describedby={`${id}-hint`}
            onChange={(e) => (setText(e.target.value), setCursor(e.target.selectionStart))}
            onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            maxLength={4000}
          />
          {suggestions.length ? (
            <ul className="rounded-md border border-slate-200 bg-white text-sm shadow-sm" aria-label="Canned responses" data-testid="canned-suggestions">
              {suggestions.map((c, i) => (
                <li key={c.id}>
                  <button type="button" className="flex w-full gap-2 px-3 py-1.5 text-left hover:bg-indigo-50 focus-visible:bg-indigo-50 focus-visible:outline-none" onClick={() => insert(c.body)}>
                    <span className="font-mono text-indigo-700">/{c.shortcut}</span>
                    <span className="truncate text-slate-600">{c.title}</span>
                    {i === 0 ? <kbd className="ml-auto text-xs text-slate-400">Tab</kbd> : null}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Button type="submit" variant={kind === 'reply' ? 'primary' : 'secondary'} disabled={mutation.isPending || text.trim().length === 0}>
            {mutation.isPending ? 'Sending…' : kind === 'reply' ? 'Send reply' : 'Add note'}
          </Button>
        </CardBody>
      </form>
    </Card>
  );
}
