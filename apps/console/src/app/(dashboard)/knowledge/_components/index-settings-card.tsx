'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Input, Label, ProgressBar, Select, Skeleton } from '@vouch/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TViewer } from './access';
import type { TIndexSettings } from './api-types';
import { formErrors, type TFormErrors } from './field-errors';

const LANGUAGES: { value: TIndexSettings['textSearchConfig']; label: string }[] = [
  { value: 'english', label: 'English' },
  { value: 'german', label: 'German' },
  { value: 'french', label: 'French' },
  { value: 'spanish', label: 'Spanish' },
  { value: 'italian', label: 'Italian' },
  { value: 'portuguese', label: 'Portuguese' },
  { value: 'simple', label: 'No stemming (any language)' },
];

const PROVIDER_LABEL: Record<string, string> = { offline: 'Offline (built in)', openai: 'OpenAI-compatible', ollama: 'Ollama' };

const languageLabel = (value: string) => LANGUAGES.find((l) => l.value === value)?.label ?? value;
const isRunning = (s: TIndexSettings | undefined) => s?.reindex.status === 'queued' || s?.reindex.status === 'running';

/**
 * The tenant's search index: which embedder made its vectors, the full-text language, and a
 * re-index with live progress. Changing either needs tenant.settings.update (owner, admin): it is
 * a tenant setting that changes every answer and may cost provider calls, so knowledge editors see
 * it read-only.
 */
export function IndexSettingsCard({ viewer }: { viewer: TViewer }) {
  const trpc = useTRPC();
  const settings = useQuery({ ...trpc.knowledge.settings.queryOptions(), refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false) });
  const [editing, setEditing] = useState(false);

  return (
    <section aria-label="Search index">
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <CardTitle>Search index</CardTitle>
          <p className="mt-0.5 text-sm text-slate-500">How passages are embedded and matched. A re-index builds the new index beside the old one, which keeps answering until the switch.</p>
        </div>
        {viewer.canManageIndex && settings.data && !editing && !isRunning(settings.data) ? (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            Change or re-embed
          </Button>
        ) : null}
      </CardHeader>
      <CardBody>
        {settings.isPending ? (
          <div role="status" aria-label="Loading search index settings" className="space-y-2">
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-5 w-1/2" />
          </div>
        ) : settings.isError ? (
          <QueryError what="Search index settings" error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <div className="space-y-4">
            <dl className="grid gap-4 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Embedder</dt>
                <dd className="mt-1 text-slate-900">
                  {PROVIDER_LABEL[settings.data.embedder.provider] ?? settings.data.embedder.provider} · <span className="font-mono">{settings.data.embedder.model}</span>
                </dd>
              </div>
              <div>
                <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Dimensions</dt>
                <dd className="mt-1 text-slate-900 tabular-nums">{settings.data.embedder.dimensions}</dd>
              </div>
              <div>
                <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Full-text language</dt>
                <dd className="mt-1 text-slate-900">{languageLabel(settings.data.textSearchConfig)}</dd>
              </div>
            </dl>
            <ReindexStatus settings={settings.data} />
            {editing ? <ReindexForm settings={settings.data} onDone={() => setEditing(false)} /> : null}
          </div>
        )}
      </CardBody>
    </Card>
    </section>
  );
}

function ReindexStatus({ settings }: { settings: TIndexSettings }) {
  const { reindex, pending } = settings;
  const target = pending
    ? [pending.embedder ? `${pending.embedder.model} (${pending.embedder.dimensions} dimensions)` : null, pending.textSearchConfig ? languageLabel(pending.textSearchConfig) : null]
        .filter(Boolean)
        .join(' and ')
    : '';
  if (isRunning(settings)) {
    const percent = reindex.total === 0 ? 0 : Math.round((100 * reindex.done) / reindex.total);
    return (
      <div className="space-y-1.5 rounded-lg border border-indigo-200 bg-indigo-50 p-3" aria-live="polite">
        <div className="flex items-center gap-2 text-sm text-indigo-900">
          <Badge tone="indigo">{reindex.status === 'queued' ? 'Queued' : 'Re-indexing'}</Badge>
          <span>
            To {target}: <span className="tabular-nums">{reindex.done}</span> of <span className="tabular-nums">{reindex.total}</span> passages
          </span>
        </div>
        <ProgressBar value={percent} label="Re-indexing knowledge" valueText={`${reindex.done} of ${reindex.total} passages, ${percent}%`} />
      </div>
    );
  }
  if (reindex.status === 'failed') {
    return (
      <Alert tone="error" title="The last re-index failed; the current index keeps answering">
        <p>{reindex.error ?? 'Unknown error.'}</p>
        {target ? <p className="mt-1">Target: {target}. Start it again to resume where it stopped.</p> : null}
      </Alert>
    );
  }
  if (reindex.finishedAt) {
    return <p className="text-xs text-slate-500">Last re-indexed {formatDateTime(reindex.finishedAt)} ({reindex.total} passages).</p>;
  }
  return null;
}

function ReindexForm({ settings, onDone }: { settings: TIndexSettings; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const failedTarget = settings.reindex.status === 'failed' ? settings.pending : null;
  const startEmbedder = failedTarget?.embedder ?? settings.embedder;
  const [provider, setProvider] = useState<string>(startEmbedder.provider);
  const [model, setModel] = useState(startEmbedder.model);
  const [dimensions, setDimensions] = useState(String(startEmbedder.dimensions));
  const [language, setLanguage] = useState<string>(failedTarget?.textSearchConfig ?? settings.textSearchConfig);
  const [errors, setErrors] = useState<TFormErrors>({ fields: {}, form: null });
  const reindex = useMutation(
    trpc.knowledge.reindex.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.knowledge.settings.queryKey(), (old) => (old ? { ...old, ...next } : old));
        await queryClient.invalidateQueries({ queryKey: trpc.knowledge.settings.queryKey() });
        onDone();
      },
      onError: (error) => setErrors(formErrors(error)),
    }),
  );

  const embedderChanged =
    provider !== settings.embedder.provider || model.trim() !== settings.embedder.model || Number(dimensions) !== settings.embedder.dimensions;
  const languageChanged = language !== settings.textSearchConfig;

  function submit(event: FormEvent, rebuildSame = false) {
    event.preventDefault();
    if (!model.trim()) {
      setErrors({ fields: { 'embedder.model': 'Name the model.' }, form: null });
      return;
    }
    setErrors({ fields: {}, form: null });
    reindex.mutate({
      embedder: embedderChanged || rebuildSame ? { provider: provider as 'offline', model: model.trim(), dimensions: Number(dimensions) as 384 } : null,
      textSearchConfig: languageChanged ? (language as 'english') : null,
    });
  }

  const modelError = errors.fields['embedder.model'] ?? errors.fields.embedder;
  return (
    <form onSubmit={(e) => submit(e)} noValidate className="space-y-4 rounded-lg border border-slate-200 p-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-provider`}>Provider</Label>
          <Select
            id={`${id}-provider`}
            value={provider}
            onChange={(e) => {
              setProvider(e.target.value);
              if (e.target.value === 'offline') setModel(settings.choices.offlineModel);
            }}
          >
            {settings.choices.providers.map((p) => (
              <option key={p} value={p}>
                {PROVIDER_LABEL[p] ?? p}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-model`}>Model</Label>
          <Input
            id={`${id}-model`}
            value={model}
            onChange={(e) => setModel(e.target.value)}
            disabled={provider === 'offline'}
            invalid={Boolean(modelError)}
            aria-describedby={modelError ? `${id}-model-error` : undefined}
          />
          {modelError ? (
            <p id={`${id}-model-error`} className="text-sm text-red-700">
              {modelError}
            </p>
          ) : null}
        </div>
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-dims`}>Dimensions</Label>
          <Select id={`${id}-dims`} value={dimensions} onChange={(e) => setDimensions(e.target.value)}>
            {settings.choices.dimensions.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="space-y-1.5 sm:w-1/3">
        <Label htmlFor={`${id}-lang`}>Full-text language</Label>
        <Select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value)}>
          {LANGUAGES.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </Select>
      </div>
      <p className="text-xs text-slate-500">
        Provider credentials come from the deployment (OPENAI_API_KEY, OLLAMA_BASE_URL); the model must produce the chosen number of dimensions. Every passage is embedded again, in
        batches; answers keep using the current index until all are done.
      </p>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onDone} disabled={reindex.isPending}>
          Cancel
        </Button>
        {!embedderChanged ? (
          <Button type="button" variant="secondary" disabled={reindex.isPending} onClick={(e) => submit(e, true)}>
            Re-embed with the current embedder
          </Button>
        ) : null}
        <Button type="submit" disabled={reindex.isPending || (!embedderChanged && !languageChanged)} aria-busy={reindex.isPending}>
          {reindex.isPending ? 'Starting…' : embedderChanged ? 'Re-embed' : 'Rebuild full-text index'}
        </Button>
      </div>
    </form>
  );
}
