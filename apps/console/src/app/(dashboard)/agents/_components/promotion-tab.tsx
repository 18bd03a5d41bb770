'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Dialog, DialogActions, Input, Label, Skeleton, Textarea } from '@vouch/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import { formatDateTime } from '../../settings/_components/format';
import { QueryError } from '../../settings/_components/query-error';
import type { TAgentViewer } from './access';
import type { TAgentDetail, TPromotion } from './api-types';
import { usePersonName } from './people';
import { RunProgress, RunResults } from './run-results';
import { PROMOTION_BADGE } from './status';

type TAction =
  | { kind: 'request' }
  | { kind: 'approve' | 'reject' | 'override'; promotion: TPromotion }
  | { kind: 'rollback'; versionId: string; version: number }
  | { kind: 'complete' | 'stop'; version: number };

const OPEN = ['evaluating', 'awaiting_approval', 'gate_failed'];

export function PromotionTab({ agent, viewer }: { agent: TAgentDetail; viewer: TAgentViewer }) {
  const trpc = useTRPC();
  const personName = usePersonName(viewer);
  const promotions = useQuery({
    ...trpc.agents.promotions.queryOptions({ agentId: agent.id }),
    refetchInterval: (q) => (q.state.data?.some((p) => p.status === 'evaluating') ? 1000 : false),
  });
  const [action, setAction] = useState<TAction | null>(null);
  const [showResults, setShowResults] = useState(false);
  const staging = agent.environments.find((e) => e.environment === 'staging')!;
  const production = agent.environments.find((e) => e.environment === 'production')!;
  const open = promotions.data?.find((p) => OPEN.includes(p.status)) ?? null;
  const rollbackTargets = agent.versions.filter((v) => v.everInProduction && v.id !== production.versionId);

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Promote staging to production</CardTitle>
          <p className="text-sm text-slate-500">
            The evaluation suite and the red-team pack run on the version; then a member with the deploy right who did not request it approves. A failed evaluation blocks promotion unless an owner overrides it with a written reason.
          </p>
        </CardHeader>
        <CardBody className="space-y-4">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Badge tone="amber">Staging v{staging.version}</Badge>
            <span aria-hidden="true">→</span>
            <Badge tone="green">Production v{production.version}</Badge>
            {production.canary ? <Badge tone="indigo">Canary v{production.canary.version} for {production.canary.percent}% of visitors</Badge> : null}
          </div>
          {production.canary ? (
            <section aria-label="Canary rollout" className="space-y-2 rounded-md border border-indigo-200 bg-indigo-50/40 p-4 text-sm">
              <p className="text-slate-700">
                v{production.canary.version} answers {production.canary.percent}% of production visitors (the same visitors each time); everyone else gets v{production.version}. Compare their outcomes below, then complete or stop the rollout.
              </p>
              {viewer.canDeploy ? (
                <div className="flex flex-wrap gap-2">
                  <Button size="sm" onClick={() => setAction({ kind: 'complete', version: production.canary!.version })}>
                    Complete rollout
                  </Button>
                  <Button size="sm" variant="secondary" onClick={() => setAction({ kind: 'stop', version: production.canary!.version })}>
                    Stop canary
                  </Button>
                </div>
              ) : null}
            </section>
          ) : null}
          {promotions.isPending ? <Skeleton className="h-16 w-full" /> : null}
          {promotions.isError ? <QueryError what="Promotions" error={promotions.error} onRetry={() => void promotions.refetch()} /> : null}
          {promotions.isSuccess && !open ? (
            staging.versionId === production.versionId ? (
              <p className="text-sm text-slate-500">Production already serves the staging version. Save a change in Configuration to promote something new.</p>
            ) : viewer.canRequest ? (
              <Button onClick={() => setAction({ kind: 'request' })}>Request promotion of v{staging.version}</Button>
            ) : (
              <p className="text-sm text-slate-500">Requesting a promotion needs the agent.promote_request right.</p>
            )
          ) : null}
          {open ? (
            <section aria-label="Open promotion request" className="space-y-3 rounded-md border border-slate-200 p-4">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={PROMOTION_BADGE[open.status]?.tone ?? 'neutral'}>{PROMOTION_BADGE[open.status]?.label ?? open.status}</Badge>
                <span className="font-medium text-slate-900">v{open.version} → production</span>
                <span className="text-slate-500">
                  requested by {personName(open.requestedBy)} {formatDateTime(open.requestedAt)}
                </span>
              </div>
              {open.note ? <p className="text-sm text-slate-700">“{open.note}”</p> : null}
              {open.run ? (
                <div className="space-y-2">
                  <RunProgress run={{ ...open.run, version: open.version }} />
                  <p className="text-sm text-slate-600">
                    Evaluation: {open.run.passed} passed, {open.run.failed} failed of {open.run.total}
                    {' · '}
                    <button type="button" className="font-medium text-indigo-700 hover:underline" onClick={() => setShowResults((s) => !s)} aria-expanded={showResults}>
                      {showResults ? 'Hide results' : 'Show results'}
                    </button>
                  </p>
                  {showResults ? <RunResults runId={open.run.id} /> : null}
                </div>
              ) : null}
              <DecisionControls promotion={open} viewer={viewer} onAction={setAction} />
            </section>
          ) : null}
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Roll back production</CardTitle>
          <p className="text-sm text-slate-500">Return production to a version it served before, in one step. Takes effect on the next customer message.</p>
        </CardHeader>
        <CardBody>
          {rollbackTargets.length === 0 ? <p className="text-sm text-slate-500">No earlier production version to return to.</p> : null}
          <ul className="flex flex-wrap gap-2" aria-label="Earlier production versions">
            {rollbackTargets.map((v) => (
              <li key={v.id}>
                <Button variant="secondary" size="sm" disabled={!viewer.canDeploy} onClick={() => setAction({ kind: 'rollback', versionId: v.id, version: v.version })}>
                  Roll back to v{v.version}
                </Button>
              </li>
            ))}
          </ul>
          {!viewer.canDeploy && rollbackTargets.length > 0 ? <p className="mt-2 text-xs text-slate-500">Rolling back needs the agent.deploy right.</p> : null}
        </CardBody>
      </Card>

      <VersionOutcomes agentId={agent.id} />

      <Card>
        <CardHeader>
          <CardTitle>Promotion history</CardTitle>
        </CardHeader>
        <CardBody>
          {promotions.data?.length === 0 ? <p className="text-sm text-slate-500">No promotion has been requested yet.</p> : null}
          <ol className="space-y-3 text-sm" aria-label="Promotion history">
            {promotions.data?.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <Badge tone={PROMOTION_BADGE[p.status]?.tone ?? 'neutral'}>{PROMOTION_BADGE[p.status]?.label ?? p.status}</Badge>
                <span className="font-medium">v{p.version}</span>
                <span className="text-slate-500">
                  requested by {personName(p.requestedBy)} {formatDateTime(p.requestedAt)}
                  {p.decidedBy ? `; decided by ${personName(p.decidedBy)}` : ''}
                </span>
                {p.decisionComment ? <span className="text-slate-700">— “{p.decisionComment}”</span> : null}
                {p.overrideReason ? <Badge tone="red">gate overridden: {p.overrideReason}</Badge> : null}
              </li>
            ))}
          </ol>
        </CardBody>
      </Card>

      <ActionDialog agent={agent} action={action} onClose={() => setAction(null)} />
    </div>
  );
}

function DecisionControls({ promotion, viewer, onAction }: { promotion: TPromotion; viewer: TAgentViewer; onAction: (action: TAction) => void }) {
  if (!viewer.canDeploy) return <p className="text-sm text-slate-500">A member with the deploy right decides this request.</p>;
  const own = promotion.requestedBy === viewer.userId;
  return (
    <div className="space-y-2">
      {own ? <Alert tone="info">You requested this promotion, so another member with the deploy right must approve it (four eyes). You can still withdraw it by rejecting.</Alert> : null}
      {promotion.status === 'evaluating' ? <p className="text-sm text-slate-600">Waiting for the evaluation to finish before it can be approved.</p> : null}
      {promotion.status === 'gate_failed' && !own && !viewer.isOwner ? <Alert tone="warning">This version failed its evaluation. Only an owner can override the gate.</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {promotion.status === 'awaiting_approval' && !own ? <Button onClick={() => onAction({ kind: 'approve', promotion })}>Approve and deploy</Button> : null}
        {promotion.status === 'gate_failed' && !own && viewer.isOwner ? (
          <Button variant="danger" onClick={() => onAction({ kind: 'override', promotion })}>
            Override the failed gate…
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => onAction({ kind: 'reject', promotion })}>
          {own ? 'Withdraw' : 'Reject'}
        </Button>
      </div>
    </div>
  );
}

const TITLES: Record<TAction['kind'], string> = {
  request: 'Request promotion',
  approve: 'Approve and deploy',
  reject: 'Reject this promotion',
  override: 'Override the failed evaluation',
  rollback: 'Roll back production',
  complete: 'Complete the canary rollout',
  stop: 'Stop the canary',
};

function ActionDialog({ agent, action, onClose }: { agent: TAgentDetail; action: TAction | null; onClose: () => void }) {
  return (
    <Dialog open={action !== null} onClose={onClose} title={action ? TITLES[action.kind] : ''}>
      {action ? <ActionForm key={JSON.stringify(action)} agent={agent} action={action} onClose={onClose} /> : null}
    </Dialog>
  );
}

function ActionForm({ agent, action, onClose }: { agent: TAgentDetail; action: TAction; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const done = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.agents.pathKey() });
      onClose();
    },
  };
  const request = useMutation(trpc.agents.requestPromotion.mutationOptions(done));
  const decide = useMutation(trpc.agents.decidePromotion.mutationOptions(done));
  const rollback = useMutation(trpc.agents.rollback.mutationOptions(done));
  const end = useMutation(trpc.agents.endCanary.mutationOptions(done));
  const [canary, setCanary] = useState('');
  const pending = request.isPending || decide.isPending || rollback.isPending || end.isPending;
  const error = request.error ?? decide.error ?? rollback.error ?? end.error;
  const staging = agent.environments.find((e) => e.environment === 'staging')!;

  const copy = {
    request: { label: 'Note for the approver (optional)', required: false, submit: 'Request promotion', intro: `v${staging.version} will be evaluated now; a second person approves it afterwards.` },
    approve: { label: 'Comment (optional)', required: false, submit: 'Approve and deploy', intro: 'Production customers get this version with their next message.' },
    reject: { label: 'Why? (required)', required: true, submit: 'Reject', intro: 'The request closes; production keeps its version.' },
    override: { label: 'Why ship despite the failed evaluation? (required, audited)', required: true, submit: 'Override and deploy', intro: 'This is recorded in the audit trail with your name and reason.' },
    rollback: { label: 'Why roll back? (required, audited)', required: true, submit: 'Roll back now', intro: action.kind === 'rollback' ? `Production will serve v${action.version} again from the next message.` : '' },
    complete: { label: 'Comment (optional)', required: false, submit: 'Complete rollout', intro: action.kind === 'complete' ? `Every production visitor gets v${action.version} from the next message.` : '' },
    stop: { label: 'Why stop? (optional, audited)', required: false, submit: 'Stop canary', intro: 'Every production visitor gets the stable version again from the next message.' },
  }[action.kind];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = text.trim();
    if (action.kind === 'request') request.mutate({ agentId: agent.id, versionId: staging.versionId, note: value || null });
    else if (action.kind === 'approve') decide.mutate({ promotionId: action.promotion.id, decision: 'approve', comment: value || null, canaryPercent: canary ? Number(canary) : null });
    else if (action.kind === 'complete' || action.kind === 'stop') end.mutate({ agentId: agent.id, outcome: action.kind, reason: value || null });
    else if (action.kind === 'override') decide.mutate({ promotionId: action.promotion.id, decision: 'approve', overrideReason: value });
    else if (action.kind === 'reject') decide.mutate({ promotionId: action.promotion.id, decision: 'reject', comment: value });
    else if (action.kind === 'rollback') rollback.mutate({ agentId: agent.id, versionId: action.versionId, reason: value });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-slate-600">{copy.intro}</p>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-text`}>{copy.label}</Label>
        <Textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} required={copy.required} maxLength={2000} />
      </div>
      {action.kind === 'approve' ? (
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-canary`}>Canary: share of production visitors (optional, 1–99 %)</Label>
          <Input id={`${id}-canary`} type="number" min={1} max={99} value={canary} onChange={(e) => setCanary(e.target.value)} placeholder="Everyone" className="w-40" />
          <p className="text-xs text-slate-500">Leave empty to deploy to everyone now. With a share, the rest keep the current version until you complete or stop the rollout.</p>
        </div>
      ) : null}
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant={action.kind === 'override' || action.kind === 'rollback' || action.kind === 'stop' ? 'danger' : 'primary'} disabled={pending}>
          {pending ? 'Working…' : copy.submit}
        </Button>
      </DialogActions>
    </form>
  );
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/** How versions did with real customers, to compare before and after a promotion or decide a rollback. */
function VersionOutcomes({ agentId }: { agentId: string }) {
  const trpc = useTRPC();
  const outcomes = useQuery(trpc.agents.outcomes.queryOptions({ agentId, days: 30 }));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Outcomes by version (last 30 days)</CardTitle>
        <p className="text-sm text-slate-500">Replies each version gave, per environment: compare a new production version with the one before it.</p>
      </CardHeader>
      <CardBody className="p-0">
        {outcomes.isPending ? <Skeleton className="m-5 h-16" /> : null}
        {outcomes.isError ? (
          <div className="p-5">
            <QueryError what="Outcomes" error={outcomes.error} onRetry={() => void outcomes.refetch()} />
          </div>
        ) : null}
        {outcomes.data?.length === 0 ? <p className="px-5 py-4 text-sm text-slate-500">No customer has talked to this agent in the last 30 days.</p> : null}
        {outcomes.data?.length ? (
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2">Version</th>
                <th scope="col" className="px-5 py-2">Replies</th>
                <th scope="col" className="px-5 py-2">Answered</th>
                <th scope="col" className="px-5 py-2">Escalation rate</th>
                <th scope="col" className="px-5 py-2">Grounding failures</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {outcomes.data.map((o) => (
                <tr key={`${o.configVersionId}-${o.environment}`}>
                  <td className="px-5 py-2">
                    <span className="font-medium text-slate-900">v{o.version}</span> <Badge tone={o.environment === 'production' ? 'green' : 'amber'}>{o.environment}</Badge>
                  </td>
                  <td className="px-5 py-2">{o.replies}</td>
                  <td className="px-5 py-2">{o.answered}</td>
                  <td className="px-5 py-2">{percent(o.escalationRate)}</td>
                  <td className="px-5 py-2">{o.groundingFailures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </CardBody>
    </Card>
  );
}
