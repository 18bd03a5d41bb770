'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardBody, CardHeader, CardTitle, EmptyState, Input, Label, Skeleton, Textarea } from '@vouch/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { errorMessage } from '../../settings/_components/errors';
import { QueryError } from '../../settings/_components/query-error';

/** Canned responses (anyone who works handoffs maintains them) and the SLA thresholds (tenant settings). */
export function InboxSettingsPanel({ canWork, canEditSettings }: { canWork: boolean; canEditSettings: boolean }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <CannedResponses canWork={canWork} />
      <SlaSettings canEdit={canEditSettings} />
    </div>
  );
}

type TDraft = { id: string | null; shortcut: string; title: string; body: string };
const EMPTY_DRAFT: TDraft = { id: null, shortcut: '', title: '', body: '' };

function CannedResponses({ canWork }: { canWork: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.inbox.cannedResponses.queryOptions());
  const [draft, setDraft] = useState<TDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    setDraft(null);
    setError(null);
    void queryClient.invalidateQueries({ queryKey: trpc.inbox.cannedResponses.queryKey() });
  };
  const onError = (e: unknown) => setError(errorMessage(e));
  const create = useMutation(trpc.inbox.createCannedResponse.mutationOptions({ onSuccess: done, onError }));
  const update = useMutation(trpc.inbox.updateCannedResponse.mutationOptions({ onSuccess: done, onError }));
  const remove = useMutation(trpc.inbox.deleteCannedResponse.mutationOptions({ onSuccess: done, onError }));
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setError(null);
    const { id, ...fields } = draft;
    if (id) update.mutate({ id, ...fields });
    else create.mutate(fields);
  };
  return (
    <Card>
      <CardHeader className="flex items-center justify-between gap-3">
        <div>
          <CardTitle>Canned responses</CardTitle>
          <p className="mt-0.5 text-sm text-slate-500">In a reply, type / and the shortcut, then Tab.</p>
        </div>
        {canWork && !draft ? <Button onClick={() => setDraft(EMPTY_DRAFT)}>New response</Button> : null}
      </CardHeader>
      <CardBody className="space-y-4">
        {draft ? (
          <form onSubmit={save} className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200" aria-label={draft.id ? 'Edit canned response' : 'New canned response'}>
            <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
              <div>
                <Label htmlFor="canned-shortcut">Shortcut</Label>
                <Input id="canned-shortcut" value={draft.shortcut} onChange={(e) => setDraft({ ...draft, shortcut: e.target.value })} placeholder="refund" maxLength={32} required />
              </div>
              <div>
                <Label htmlFor="canned-title">Title</Label>
                <Input id="canned-title" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} maxLength={120} required />
              </div>
            </div>
            <div>
              <Label htmlFor="canned-body">Response</Label>
              <Textarea id="canned-body" rows={4} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} maxLength={4000} required />
            </div>
            {error ? <Alert tone="error">{error}</Alert> : null}
            <div className="flex gap-2">
              <Button type="submit" disabled={create.isPending || update.isPending}>
                {create.isPending || update.isPending ? 'Saving…' : 'Save'}
              </Button>
              <Button type="button" variant="secondary" onClick={() => (setDraft(null), setError(null))}>
                Cancel
              </Button>
            </div>
          </form>
        ) : null}
        {!draft && error ? <Alert tone="error">{error}</Alert> : null}
        {list.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : list.isError ? (
          <QueryError what="Canned responses" error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <EmptyState icon={<Icon name="inbox" className="size-6" />} title="No canned responses yet" description="Save replies your team sends often, such as the refund policy or opening hours." />
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="canned-list">
            {list.data.map((c) => (
              <li key={c.id} className="flex items-start gap-3 py-3 text-sm">
                <span className="font-mono text-indigo-700">/{c.shortcut}</span>
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">{c.title}</p>
                  <p className="line-clamp-2 whitespace-pre-wrap text-slate-600">{c.body}</p>
                </div>
                {canWork ? (
                  <div className="flex gap-2">
                    <Button size="sm" variant="secondary" onClick={() => setDraft({ id: c.id, shortcut: c.shortcut, title: c.title, body: c.body })}>
                      Edit
                    </Button>
                    <Button size="sm" variant="secondary" onClick={() => remove.mutate({ id: c.id })} disabled={remove.isPending} aria-label={`Delete /${c.shortcut}`}>
                      Delete
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function SlaSettings({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.inbox.settings.queryOptions());
  const [warn, setWarn] = useState('');
  const [breach, setBreach] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    if (settings.data) {
      setWarn(String(settings.data.slaWarnSeconds / 60));
      setBreach(String(settings.data.slaBreachSeconds / 60));
    }
  }, [settings.data]);
  const save = useMutation(
    trpc.inbox.updateSettings.mutationOptions({
      onSuccess: () => {
        setMessage({ tone: 'success', text: 'Saved.' });
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() });
      },
      onError: (e) => setMessage({ tone: 'error', text: errorMessage(e) }),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>SLA</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">Minutes a customer may wait for a first reply before the timer turns amber, then red.</p>
      </CardHeader>
      <CardBody>
        {settings.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : settings.isError ? (
          <QueryError what="The SLA settings" error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <form
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              setMessage(null);
              save.mutate({ slaWarnSeconds: Math.round(Number(warn) * 60), slaBreachSeconds: Math.round(Number(breach) * 60) });
            }}
          >
            <div>
              <Label htmlFor="sla-warn">Amber after (minutes)</Label>
              <Input id="sla-warn" type="number" min={0.5} step={0.5} value={warn} onChange={(e) => setWarn(e.target.value)} disabled={!canEdit} />
            </div>
            <div>
              <Label htmlFor="sla-breach">Red after (minutes)</Label>
              <Input id="sla-breach" type="number" min={1} step={0.5} value={breach} onChange={(e) => setBreach(e.target.value)} disabled={!canEdit} />
            </div>
            {settings.data.isDefault ? <p className="text-xs text-slate-500">These are the defaults.</p> : null}
            {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
            {canEdit ? (
              <Button type="submit" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save'}
              </Button>
            ) : (
              <p className="text-xs text-slate-500">Changing these needs tenant.settings.update.</p>
            )}
          </form>
        )}
      </CardBody>
    </Card>
  );
}
