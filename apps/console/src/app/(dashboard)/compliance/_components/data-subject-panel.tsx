'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterInputs } from '@trpc/server';
import type { AppRouter } from '@vouch/api';
import { Alert, Button, Card, CardBody, CardHeader, CardTitle, Dialog, DialogActions, Input, Label, Select } from '@vouch/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';

type TRef = inferRouterInputs<AppRouter>['compliance']['findSubject'];
type TKind = 'email' | 'contactId' | 'userId';

const KINDS: { value: TKind; label: string; placeholder: string }[] = [
  { value: 'email', label: 'Email', placeholder: 'customer@example.com' },
  { value: 'contactId', label: 'Contact id', placeholder: '00000000-0000-0000-0000-000000000000' },
  { value: 'userId', label: 'Verified user id', placeholder: 'the id your site passes to the widget' },
];

const COUNT_LABELS: Record<string, string> = {
  contacts: 'contact records',
  conversations: 'conversations',
  messages: 'messages',
  internalNotes: 'internal notes',
  handoffs: 'handoffs',
  traces: 'answer traces',
  vaultEntries: 'vault entries',
  toolActions: 'tool actions',
  orders: 'orders',
  refundRequests: 'refund requests',
  attachments: 'attachments',
  searchChunks: 'search chunks',
};

function refOf(kind: TKind, value: string): TRef {
  const v = value.trim();
  return (kind === 'email' ? { email: v } : kind === 'contactId' ? { contactId: v } : { userId: v }) as TRef;
}

/** Saves the archive as a file in the browser; nothing is kept on the server. */
function saveJson(data: unknown, name: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** GDPR articles 15 and 17 for one end customer: look up, export as JSON, or erase. */
export function DataSubjectPanel() {
  const trpc = useTRPC();
  const kindId = useId();
  const valueId = useId();
  const confirmId = useId();
  const [kind, setKind] = useState<TKind>('email');
  const [value, setValue] = useState('');
  const [subject, setSubject] = useState<TRef | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmText, setConfirmText] = useState('');
  const found = useQuery({ ...trpc.compliance.findSubject.queryOptions(subject ?? { email: 'none@invalid.test' }), enabled: subject !== null, retry: false });
  const exporter = useMutation(trpc.compliance.exportSubject.mutationOptions({ onSuccess: (archive) => saveJson(archive, `data-subject-${new Date().toISOString().slice(0, 10)}.json`) }));
  const eraser = useMutation(
    trpc.compliance.eraseSubject.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        void found.refetch();
      },
    }),
  );
  const selected = KINDS.find((k) => k.value === kind)!;

  function lookUp(event: FormEvent) {
    event.preventDefault();
    eraser.reset();
    exporter.reset();
    setSubject(refOf(kind, value));
  }

  const nothing = found.data && found.data.contacts === 0 && found.data.conversations === 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Data-subject requests</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">
          Find one customer by email, contact id or verified user id; give them a copy of what is stored (article 15) or
          erase it (article 17). Each request is audited with counts only.
        </p>
      </CardHeader>
      <CardBody className="space-y-4">
        <form onSubmit={lookUp} className="flex flex-wrap items-end gap-3" aria-label="Find a customer">
          <div>
            <Label htmlFor={kindId}>Find by</Label>
            <Select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as TKind)} className="mt-1 w-44">
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          </div>
          <div className="min-w-64 flex-1">
            <Label htmlFor={valueId}>{selected.label}</Label>
            <Input id={valueId} value={value} onChange={(e) => setValue(e.target.value)} placeholder={selected.placeholder} required className="mt-1" />
          </div>
          <Button type="submit" disabled={found.isFetching}>
            {found.isFetching ? 'Looking up…' : 'Look up'}
          </Button>
        </form>
        <div aria-live="polite" className="space-y-3">
          {found.isError ? (
            <Alert tone="error" title="Lookup failed">
              {errorMessage(found.error)}
            </Alert>
          ) : null}
          {eraser.isSuccess ? (
            <Alert tone="success" title="Erased">
              Removed{' '}
              {Object.entries(eraser.data.counts)
                .filter(([, n]) => n > 0)
                .map(([k, n]) => `${n} ${COUNT_LABELS[k] ?? k}`)
                .join(', ') || 'nothing'}
              . The erasure is in the audit trail.
            </Alert>
          ) : null}
          {found.data && subject && !found.isFetching ? (
            nothing ? (
              <p className="text-sm text-slate-600">Nothing is stored about this customer.</p>
            ) : (
              <div className="space-y-3">
                <p className="text-sm text-slate-700" aria-label="Lookup result">
                  Found {found.data.contacts} contact record{found.data.contacts === 1 ? '' : 's'} and {found.data.conversations} conversation
                  {found.data.conversations === 1 ? '' : 's'}
                  {found.data.matchedBy.redactedEmail > 0 ? ` (${found.data.matchedBy.redactedEmail} where the email was typed)` : ''}.
                </p>
                <div className="flex flex-wrap gap-3">
                  <Button variant="secondary" onClick={() => exporter.mutate(subject)} disabled={exporter.isPending}>
                    {exporter.isPending ? 'Preparing…' : 'Download archive (JSON)'}
                  </Button>
                  <Button
                    variant="danger"
                    onClick={() => {
                      setConfirmText('');
                      setConfirming(true);
                    }}
                  >
                    Erase…
                  </Button>
                </div>
                {exporter.isError ? (
                  <Alert tone="error" title="Export failed">
                    {errorMessage(exporter.error)}
                  </Alert>
                ) : null}
              </div>
            )
          ) : null}
        </div>
        <Dialog
          open={confirming}
          onClose={() => setConfirming(false)}
          title="Erase this customer?"
          description="Their conversations, messages, notes, handoffs, answer traces, vault entries and contact records are deleted for good. Type ERASE to confirm."
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (subject && confirmText === 'ERASE') eraser.mutate(subject);
            }}
          >
            <Label htmlFor={confirmId}>Confirmation</Label>
            <Input id={confirmId} value={confirmText} onChange={(e) => setConfirmText(e.target.value)} autoComplete="off" className="mt-1" />
            {eraser.isError ? (
              <Alert tone="error" title="Not erased" className="mt-3">
                {errorMessage(eraser.error)}
              </Alert>
            ) : null}
            <DialogActions>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button type="submit" variant="danger" disabled={confirmText !== 'ERASE' || eraser.isPending}>
                {eraser.isPending ? 'Erasing…' : 'Erase customer'}
              </Button>
            </DialogActions>
          </form>
        </Dialog>
      </CardBody>
    </Card>
  );
}
