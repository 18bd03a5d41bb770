'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@vouch/api';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Input, Label, Skeleton } from '@vouch/ui';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';

type TSettings = inferRouterOutputs<AppRouter>['compliance']['retention'];
type TPolicy = TSettings['policy'];

const FIELDS: { key: keyof TPolicy; label: string; hint: string; min: number }[] = [
  { key: 'transcriptsDays', label: 'Transcripts', hint: 'Conversations idle this long go, with everything in them.', min: 1 },
  { key: 'tracesDays', label: 'Answer traces', hint: 'How each AI answer was made (sources, guard verdicts).', min: 1 },
  { key: 'handoffNotesDays', label: 'Handoff notes', hint: 'Internal notes of support agents.', min: 1 },
  { key: 'vaultDays', label: 'Vault entries', hint: 'The sealed personal values behind placeholders.', min: 1 },
  { key: 'uploadsDays', label: 'Uploaded files', hint: 'Original knowledge files; the extracted text stays.', min: 1 },
  { key: 'auditDays', label: 'Audit events', hint: 'Content becomes a tombstone; the chain keeps verifying.', min: 30 },
];

const REMOVED_LABELS: Record<string, string> = {
  conversations: 'conversations',
  messages: 'messages',
  traces: 'traces',
  handoffs: 'handoffs',
  contacts: 'contacts',
  handoffNotes: 'handoff notes',
  vaultEntries: 'vault entries',
  uploads: 'uploaded files',
  auditTombstones: 'audit tombstones',
  exportFolders: 'audit export folders',
};

function LastRun({ run }: { run: TSettings['lastRun'] }) {
  if (!run) return <p className="text-sm text-slate-500">No retention run yet. The worker runs one every hour.</p>;
  const removed = Object.entries(run.removed).filter(([, n]) => n > 0);
  const when = new Date(run.finishedAt ?? run.startedAt).toLocaleString('en');
  return (
    <div className="space-y-1 text-sm text-slate-700" aria-label="Last retention run">
      <p className="flex items-center gap-2">
        <Badge tone={run.status === 'done' ? 'green' : run.status === 'failed' ? 'red' : 'amber'}>{run.status}</Badge>
        <span>
          {run.kind === 'manual' ? 'Run on request' : 'Scheduled run'}, {when}
        </span>
      </p>
      <p>{removed.length === 0 ? 'Nothing was due.' : `Removed ${removed.map(([k, n]) => `${n} ${REMOVED_LABELS[k] ?? k}`).join(', ')}.`}</p>
    </div>
  );
}

/** Retention periods per kind of data, the last run, and a run on request. */
export function RetentionCard({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const settings = useQuery(trpc.compliance.retention.queryOptions());
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setDraft(Object.fromEntries(Object.entries(settings.data.policy).map(([k, v]) => [k, String(v)])));
  }, [settings.data]);
  const save = useMutation(
    trpc.compliance.updateRetention.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.compliance.retention.queryKey(), next);
        setSaved(true);
      },
    }),
  );
  const runNow = useMutation(
    trpc.compliance.runRetention.mutationOptions({
      onSuccess: () => setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.compliance.retention.queryKey() }), 1500),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(Object.fromEntries(FIELDS.map((f) => [f.key, Number(draft[f.key])])) as TPolicy);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Retention</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">
          How many days each kind of data is kept. An hourly job deletes what is past its period, in batches, and records
          what it removed (counts only) in the audit trail.
        </p>
      </CardHeader>
      <CardBody className="space-y-6">
        {settings.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : settings.isError ? (
          <Alert tone="error" title="Retention settings are unavailable">
            {errorMessage(settings.error)}
          </Alert>
        ) : (
          <>
            <form id={formId} onSubmit={submit} aria-label="Retention periods" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {FIELDS.map((field) => (
                <div key={field.key}>
                  <Label htmlFor={`${formId}-${field.key}`}>{field.label} (days)</Label>
                  <Input
                    id={`${formId}-${field.key}`}
                    type="number"
                    inputMode="numeric"
                    min={field.min}
                    max={3650}
                    required
                    disabled={!canEdit}
                    value={draft[field.key] ?? ''}
                    onChange={(e) => {
                      setSaved(false);
                      setDraft((d) => ({ ...d, [field.key]: e.target.value }));
                    }}
                    className="mt-1"
                    aria-describedby={`${formId}-${field.key}-hint`}
                  />
                  <p id={`${formId}-${field.key}-hint`} className="mt-1 text-xs text-slate-500">
                    {field.hint}
                  </p>
                </div>
              ))}
            </form>
            <div aria-live="polite">
              {save.isError ? (
                <Alert tone="error" title="Not saved">
                  {errorMessage(save.error)}
                </Alert>
              ) : saved ? (
                <Alert tone="success" title="Retention periods saved" />
              ) : settings.data.isDefault ? (
                <p className="text-xs text-slate-500">These are the defaults; nothing has been changed yet.</p>
              ) : null}
            </div>
            {canEdit ? (
              <div className="flex flex-wrap gap-3">
                <Button type="submit" form={formId} disabled={save.isPending}>
                  {save.isPending ? 'Saving…' : 'Save periods'}
                </Button>
                <Button type="button" variant="secondary" onClick={() => runNow.mutate()} disabled={runNow.isPending}>
                  {runNow.isSuccess ? 'Run queued' : 'Run now'}
                </Button>
              </div>
            ) : (
              <p className="text-xs text-slate-500">Changing periods needs the tenant.settings.update permission.</p>
            )}
            {runNow.isError ? (
              <Alert tone="error" title="The run could not be queued">
                {errorMessage(runNow.error)}
              </Alert>
            ) : null}
            <LastRun run={settings.data.lastRun} />
          </>
        )}
      </CardBody>
    </Card>
  );
}
