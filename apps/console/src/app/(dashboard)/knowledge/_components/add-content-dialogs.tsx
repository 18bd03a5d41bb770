'use client';

import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, Button, Dialog, fieldDescribedBy, FormDialogActions, FormField, Input, Textarea } from '@vouch/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { formErrors, type TFormErrors } from './field-errors';

const NO_ERRORS: TFormErrors = { fields: {}, form: null };

/**
 * The errors of one of these forms, and the callbacks for its mutation: on success refresh
 * `queryKey` and close; on failure show why, beside the fields the server names.
 */
function useFormMutationState(onClose: () => void, queryKey: QueryKey) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<TFormErrors>(NO_ERRORS);
  const callbacks = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey });
      onClose();
    },
    onError: (error: unknown) => setErrors(formErrors(error)),
  };
  return { errors, setErrors, callbacks };
}

/** A pasted or written article; it goes through the same redaction, scan and review as uploads. */
export function ArticleDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Write an article"
      description="Paste or write help text (Markdown works). Vouch redacts personal data, checks it for instructions aimed at the AI, and a reviewer other than you approves it."
      className="max-w-2xl"
    >
      {open ? <ArticleForm onClose={onClose} /> : null}
    </Dialog>
  );
}

function ArticleForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const { errors, setErrors, callbacks } = useFormMutationState(onClose, trpc.knowledge.pathKey());
  const add = useMutation(trpc.knowledge.addArticle.mutationOptions(callbacks));

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!title.trim()) fields.title = 'Give the article a title.';
    if (body.trim().length < 20) fields.body = 'The article needs at least 20 characters of text.';
    setErrors({ fields, form: null });
    if (Object.keys(fields).length === 0) add.mutate({ title, body });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormField id={`${id}-title`} label="Title" error={errors.fields.title}>
        <Input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          invalid={Boolean(errors.fields.title)}
          aria-describedby={fieldDescribedBy(`${id}-title`, errors.fields.title)}
          autoFocus
        />
      </FormField>
      <FormField id={`${id}-body`} label="Text" hint="Headings (## …) split the article into passages agents can cite." error={errors.fields.body}>
        <Textarea
          id={`${id}-body`}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={12}
          invalid={Boolean(errors.fields.body)}
          aria-describedby={fieldDescribedBy(`${id}-body`, errors.fields.body, 'hint')}
          className="font-mono"
        />
      </FormField>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <FormDialogActions onCancel={onClose} cancelDisabled={add.isPending} pending={add.isPending} pendingLabel="Saving…" submitLabel="Add article" />
    </form>
  );
}

interface TPairDraft {
  key: number;
  question: string;
  answer: string;
}

/** Question/answer pairs typed in the console; each pair becomes one citable passage. */
export function FaqDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add FAQ pairs"
      description="Each question and its answer become one passage agents can cite, after review."
      className="max-w-2xl"
    >
      {open ? <FaqForm onClose={onClose} /> : null}
    </Dialog>
  );
}

function FaqForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [name, setName] = useState('');
  const [pairs, setPairs] = useState<TPairDraft[]>([{ key: 0, question: '', answer: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const { errors, setErrors, callbacks } = useFormMutationState(onClose, trpc.knowledge.pathKey());
  const add = useMutation(trpc.knowledge.addFaq.mutationOptions(callbacks));

  const update = (key: number, patch: Partial<TPairDraft>) => setPairs((current) => current.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!name.trim()) fields.name = 'Give the FAQ a name.';
    pairs.forEach((pair, i) => {
      if (pair.question.trim().length < 3) fields[`pairs.${i}.question`] = 'Each question needs at least 3 characters.';
      if (!pair.answer.trim()) fields[`pairs.${i}.answer`] = 'Each question needs an answer.';
    });
    if (pairs.length === 0) fields.pairs = 'Add at least one question and answer.';
    setErrors({ fields, form: null });
    if (Object.keys(fields).length === 0) add.mutate({ name, pairs: pairs.map(({ question, answer }) => ({ question, answer })) });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormField id={`${id}-name`} label="Name" error={errors.fields.name}>
        <Input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          invalid={Boolean(errors.fields.name)}
          aria-describedby={fieldDescribedBy(`${id}-name`, errors.fields.name)}
          autoFocus
        />
      </FormField>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">Questions and answers</legend>
        <ol className="space-y-3">
          {pairs.map((pair, i) => {
            const qId = `${id}-q-${pair.key}`;
            const aId = `${id}-a-${pair.key}`;
            const qError = errors.fields[`pairs.${i}.question`];
            const aError = errors.fields[`pairs.${i}.answer`];
            return (
              <li key={pair.key} className="space-y-2 rounded-lg border border-slate-200 p-3">
                <FormField id={qId} label={`Question ${i + 1}`} error={qError}>
                  <Input id={qId} value={pair.question} onChange={(e) => update(pair.key, { question: e.target.value })} invalid={Boolean(qError)} aria-describedby={fieldDescribedBy(qId, qError)} />
                </FormField>
                <FormField id={aId} label={`Answer ${i + 1}`} error={aError}>
                  <Textarea id={aId} rows={3} value={pair.answer} onChange={(e) => update(pair.key, { answer: e.target.value })} invalid={Boolean(aError)} aria-describedby={fieldDescribedBy(aId, aError)} />
                </FormField>
                {pairs.length > 1 ? (
                  <div className="text-right">
                    <Button type="button" variant="ghost" size="sm" onClick={() => setPairs((current) => current.filter((p) => p.key !== pair.key))}>
                      Remove<span className="sr-only"> question {i + 1}</span>
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
        {errors.fields.pairs ? <p className="text-sm text-red-700">{errors.fields.pairs}</p> : null}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={pairs.length >= 500}
          onClick={() => {
            setPairs((current) => [...current, { key: nextKey, question: '', answer: '' }]);
            setNextKey((k) => k + 1);
          }}
        >
          Add another question
        </Button>
      </fieldset>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <FormDialogActions onCancel={onClose} cancelDisabled={add.isPending} pending={add.isPending} pendingLabel="Saving…" submitLabel={pairs.length > 1 ? `Add ${pairs.length} pairs` : 'Add pair'} />
    </form>
  );
}

/** Starts a website crawl; its progress is shown in the crawls list. */
export function CrawlDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Crawl a website"
      description="Vouch fetches pages of one site (same origin, under the start URL's path, robots.txt respected) and adds each as a source for review. Re-crawls add versions only for pages that changed."
      className="max-w-xl"
    >
      {open ? <CrawlForm onClose={onClose} /> : null}
    </Dialog>
  );
}

function CrawlForm({ onClose }: { onClose: () => void }) {
  const trpc = useTRPC();
  const id = useId();
  const [startUrl, setStartUrl] = useState('');
  const [maxDepth, setMaxDepth] = useState('2');
  const [maxPages, setMaxPages] = useState('50');
  const [pathPrefix, setPathPrefix] = useState('');
  const { errors, setErrors, callbacks } = useFormMutationState(onClose, trpc.knowledge.crawls.queryKey());
  const crawl = useMutation(trpc.knowledge.crawl.mutationOptions(callbacks));

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    let url: URL | null = null;
    try {
      url = new URL(startUrl.trim());
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol)) fields.startUrl = 'Enter a full http(s) address, e.g. https://help.example.com/docs/.';
    const depth = Number(maxDepth);
    if (!Number.isInteger(depth) || depth < 0 || depth > 5) fields.maxDepth = 'Link depth is a whole number from 0 to 5.';
    const pages = Number(maxPages);
    if (!Number.isInteger(pages) || pages < 1 || pages > 500) fields.maxPages = 'Pages is a whole number from 1 to 500.';
    if (pathPrefix.trim() && !pathPrefix.trim().startsWith('/')) fields.pathPrefix = 'A path starts with /, e.g. /docs/.';
    setErrors({ fields, form: null });
    if (Object.keys(fields).length === 0) {
      crawl.mutate({ startUrl: startUrl.trim(), maxDepth: depth, maxPages: pages, pathPrefix: pathPrefix.trim() || null });
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormField id={`${id}-url`} label="Start URL" error={errors.fields.startUrl}>
        <Input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          placeholder="https://help.example.com/docs/"
          value={startUrl}
          onChange={(e) => setStartUrl(e.target.value)}
          invalid={Boolean(errors.fields.startUrl)}
          aria-describedby={fieldDescribedBy(`${id}-url`, errors.fields.startUrl)}
          autoFocus
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id={`${id}-depth`} label="Link depth" hint="0 = only the start page." error={errors.fields.maxDepth}>
          <Input
            id={`${id}-depth`}
            type="number"
            min={0}
            max={5}
            value={maxDepth}
            onChange={(e) => setMaxDepth(e.target.value)}
            invalid={Boolean(errors.fields.maxDepth)}
            aria-describedby={fieldDescribedBy(`${id}-depth`, errors.fields.maxDepth, 'hint')}
          />
        </FormField>
        <FormField id={`${id}-pages`} label="Pages at most" hint="Up to 500." error={errors.fields.maxPages}>
          <Input
            id={`${id}-pages`}
            type="number"
            min={1}
            max={500}
            value={maxPages}
            onChange={(e) => setMaxPages(e.target.value)}
            invalid={Boolean(errors.fields.maxPages)}
            aria-describedby={fieldDescribedBy(`${id}-pages`, errors.fields.maxPages, 'hint')}
          />
        </FormField>
      </div>
      <FormField id={`${id}-prefix`} label="Only paths starting with (optional)" hint="Default: the start URL's folder." error={errors.fields.pathPrefix}>
        <Input
          id={`${id}-prefix`}
          placeholder="/docs/"
          value={pathPrefix}
          onChange={(e) => setPathPrefix(e.target.value)}
          invalid={Boolean(errors.fields.pathPrefix)}
          aria-describedby={fieldDescribedBy(`${id}-prefix`, errors.fields.pathPrefix, 'hint')}
        />
      </FormField>
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      <FormDialogActions onCancel={onClose} cancelDisabled={crawl.isPending} pending={crawl.isPending} pendingLabel="Starting…" submitLabel="Start crawl" />
    </form>
  );
}
