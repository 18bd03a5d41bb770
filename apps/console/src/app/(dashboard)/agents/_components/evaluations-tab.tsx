'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Dialog, DialogActions, Skeleton } from '@vouch/ui';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TAgentViewer } from './access';
import type { TAgentDetail, TEvalCase } from './api-types';
import { CaseDialog } from './case-dialog';
import { RunProgress, RunResults } from './run-results';
import { CASE_KIND_LABEL, isRunActive, RUN_BADGE } from './status';

export function EvaluationsTab({ agent, viewer }: { agent: TAgentDetail; viewer: TAgentViewer }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staging = agent.environments.find((e) => e.environment === 'staging')!;
  const cases = useQuery(trpc.agents.cases.queryOptions({ agentId: agent.id }));
  const runs = useQuery({ ...trpc.agents.runs.queryOptions({ agentId: agent.id }), refetchInterval: (q) => (q.state.data?.some((r) => isRunActive(r.status)) ? 1000 : false) });
  const [editing, setEditing] = useState<TEvalCase | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TEvalCase | null>(null);
  const [selectedRun, setSelectedRun] = useState<string | null>(null);
  const start = useMutation(
    trpc.agents.startRun.mutationOptions({
      onSuccess: async (run) => {
        setSelectedRun(run.runId);
        await queryClient.invalidateQueries({ queryKey: trpc.agents.runs.queryKey({ agentId: agent.id }) });
      },
    }),
  );
  const remove = useMutation(
    trpc.agents.deleteCase.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await queryClient.invalidateQueries({ queryKey: trpc.agents.cases.queryKey({ agentId: agent.id }) });
      },
    }),
  );
  const shownRun = selectedRun ?? runs.data?.[0]?.id ?? null;

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <CardTitle>Test cases</CardTitle>
            <p className="text-sm text-slate-500">Run on every evaluation, with the built-in red-team pack of injection attempts.</p>
          </div>
          {viewer.canEdit ? (
            <Button size="sm" onClick={() => setEditing('new')}>
              Add case
            </Button>
          ) : null}
        </CardHeader>
        <CardBody className="p-0">
          {cases.isPending ? <Skeleton className="m-5 h-16" /> : null}
          {cases.isError ? (
            <div className="p-5">
              <QueryError what="Test cases" error={cases.error} onRetry={() => void cases.refetch()} />
            </div>
          ) : null}
          {cases.data?.length === 0 ? <p className="px-5 py-4 text-sm text-slate-500">No cases yet: evaluations run the red-team pack only. Add what this agent must answer, refuse or never reveal.</p> : null}
          <ul className="divide-y divide-slate-100" aria-label="Test cases">
            {cases.data?.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
                <Badge>{CASE_KIND_LABEL[c.kind] ?? c.kind}</Badge>
                <span className="font-medium text-slate-900">{c.name}</span>
                <span className="min-w-0 flex-1 truncate text-slate-500">{c.question}</span>
                {viewer.canEdit ? (
                  <span className="flex gap-1">
                    <Button variant="ghost" size="sm" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`}>
                      Edit
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setDeleting(c)} aria-label={`Delete ${c.name}`}>
                      Delete
                    </Button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>

      <Card>
        <CardHeader className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <CardTitle>Evaluations</CardTitle>
            <p className="text-sm text-slate-500">History of every run, per version.</p>
          </div>
          {viewer.canEdit ? (
            <Button size="sm" onClick={() => start.mutate({ versionId: staging.versionId })} disabled={start.isPending}>
              {start.isPending ? 'Starting…' : `Run evaluation on v${staging.version} (staging)`}
            </Button>
          ) : null}
        </CardHeader>
        <CardBody className="space-y-4">
          {start.isError ? <Alert tone="error">{errorMessage(start.error)}</Alert> : null}
          {runs.isError ? <QueryError what="Evaluations" error={runs.error} onRetry={() => void runs.refetch()} /> : null}
          {runs.data?.length === 0 ? <p className="text-sm text-slate-500">No evaluation has run yet.</p> : null}
          <ul className="space-y-2" aria-label="Evaluation runs">
            {runs.data?.map((run) => (
              <li key={run.id}>
                <button
                  type="button"
                  onClick={() => setSelectedRun(run.id)}
                  aria-pressed={run.id === shownRun}
                  className="w-full rounded-md border border-slate-200 px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-pressed:border-indigo-400 aria-pressed:bg-indigo-50/50"
                >
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone={RUN_BADGE[run.status]?.tone ?? 'neutral'}>{RUN_BADGE[run.status]?.label ?? run.status}</Badge>
                    <span className="font-medium">v{run.version}</span>
                    <span className="text-slate-600">
                      {run.passed} passed · {run.failed} failed · {run.total} cases
                    </span>
                    {run.promotionId ? <Badge tone="indigo">promotion gate</Badge> : null}
                    <span className="ml-auto text-slate-500">{formatDateTime(run.createdAt)}</span>
                  </span>
                  {isRunActive(run.status) ? <RunProgress run={run} /> : null}
                </button>
              </li>
            ))}
          </ul>
          {shownRun ? <RunResults runId={shownRun} /> : null}
        </CardBody>
      </Card>

      <CaseDialog agentId={agent.id} editing={editing} onClose={() => setEditing(null)} />
      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} title="Delete this test case?" description={deleting ? `“${deleting.name}” will not run in future evaluations. Past results keep it.` : undefined}>
        {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
        <DialogActions>
          <Button variant="secondary" onClick={() => setDeleting(null)}>
            Cancel
          </Button>
          <Button variant="danger" disabled={remove.isPending} onClick={() => deleting && remove.mutate({ caseId: deleting.id })}>
            Delete case
          </Button>
        </DialogActions>
      </Dialog>
    </div>
  );
}
