'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, CardBody, CardHeader, CardTitle, EmptyState, Input, Label, Skeleton } from '@vouch/ui';
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { QueryError } from '../../settings/_components/query-error';

const TOP_K = 5;

/**
 * "Test what the agent can find": the same retrieval the answer engine uses, over serving
 * (approved) versions only. Searches on submit, not per keystroke: each query is embedded.
 */
export function KnowledgeSearch() {
  const trpc = useTRPC();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const results = useQuery({ ...trpc.knowledge.search.queryOptions({ query, k: TOP_K }), enabled: query.length > 0 });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = draft.trim();
    if (!trimmed) {
      setInputError('Type a question a customer might ask.');
      return;
    }
    setInputError(null);
    if (trimmed === query) void results.refetch();
    else setQuery(trimmed);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Test what the agent can find</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">Searches approved, serving versions only — exactly what an answer may cite.</p>
      </CardHeader>
      <CardBody className="space-y-4">
        <form role="search" aria-label="Knowledge" onSubmit={onSubmit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start">
          <div className="flex-1 space-y-1.5">
            <Label htmlFor={inputId} className="sr-only">
              Search question
            </Label>
            <Input
              id={inputId}
              type="search"
              placeholder="e.g. How long do refunds take?"
              value={draft}
              maxLength={2000}
              onChange={(event) => setDraft(event.target.value)}
              invalid={Boolean(inputError)}
              aria-describedby={inputError ? `${inputId}-error` : undefined}
            />
            {inputError ? (
              <p id={`${inputId}-error`} className="text-sm text-red-700">
                {inputError}
              </p>
            ) : null}
          </div>
          <Button type="submit" variant="secondary" disabled={results.isFetching} aria-busy={results.isFetching}>
            {results.isFetching ? 'Searching…' : 'Search'}
          </Button>
        </form>
        <div aria-live="polite">
          {!query ? null : results.isPending ? (
            <div role="status" aria-label="Searching" className="space-y-3">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-16 w-full" />
              ))}
            </div>
          ) : results.isError ? (
            <QueryError what="Search results" error={results.error} onRetry={() => void results.refetch()} />
          ) : results.data.length === 0 ? (
            <EmptyState
              title="Nothing found"
              description={`No approved knowledge matches “${query}”. An agent asked this would have nothing to cite; upload and approve a source that answers it.`}
            />
          ) : (
            <ol aria-label={`Top results for “${query}”`} className="space-y-3">
              {results.data.map((hit, index) => (
                <li key={hit.chunkId} className="rounded-lg border border-slate-200 p-4">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="text-xs font-medium text-slate-500">
                        #{index + 1} ·{' '}
                        <Link href={`/knowledge/${hit.sourceId}`} className="text-indigo-700 hover:underline">
                          {hit.sourceName}
                        </Link>{' '}
                        · v{hit.version}
                        {hit.fileName ? ` · ${hit.fileName}` : ''}
                      </p>
                      <p className="mt-0.5 font-medium text-slate-900">{hit.documentTitle}</p>
                      {hit.heading && hit.heading !== hit.documentTitle ? <p className="text-sm text-slate-600">§ {hit.heading}</p> : null}
                    </div>
                    <div className="text-right">
                      <Badge tone="indigo" className="tabular-nums">
                        Score {hit.score.toFixed(4)}
                      </Badge>
                      {/* The score fuses two rankings (reciprocal rank fusion); each rank says which search found it. */}
                      <p className="mt-1 text-xs text-slate-500 tabular-nums">
                        {hit.vectorRank ? `meaning #${hit.vectorRank}` : 'no meaning match'} · {hit.textRank ? `words #${hit.textRank}` : 'no word match'}
                      </p>
                    </div>
                  </div>
                  <p className="mt-2 line-clamp-3 text-sm whitespace-pre-line text-slate-700">{hit.content}</p>
                </li>
              ))}
            </ol>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
