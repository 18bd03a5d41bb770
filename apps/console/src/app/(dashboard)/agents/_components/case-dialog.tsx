'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, Input, Label, Select, Textarea } from '@vouch/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import type { TEvalCase } from './api-types';
import { CASE_KIND_LABEL } from './status';

type TKind = TEvalCase['kind'];
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** Add or edit one test case. `editing === 'new'` adds. */
export function CaseDialog({ agentId, editing, onClose }: { agentId: string; editing: TEvalCase | 'new' | null; onClose: () => void }) {
  return (
    <Dialog open={editing !== null} onClose={onClose} title={editing === 'new' ? 'Add a test case' : 'Edit test case'} description="Every evaluation runs each case through the answer pipeline of the version under test.">
      {editing ? <CaseForm key={editing === 'new' ? 'new' : editing.id} agentId={agentId} existing={editing === 'new' ? null : editing} onClose={onClose} /> : null}
    </Dialog>
  );
}

function CaseForm({ agentId, existing, onClose }: { agentId: string; existing: TEvalCase | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<TKind>(existing?.kind ?? 'must_answer');
  const [question, setQuestion] = useState(existing?.question ?? '');
  const [sourceId, setSourceId] = useState(existing?.expectedSourceId ?? '');
  const [facts, setFacts] = useState(existing?.expectedFacts.join('\n') ?? '');
  const [canaries, setCanaries] = useState(existing?.canaries.join('\n') ?? '');
  const sources = useQuery(trpc.agents.sources.queryOptions());
  const done = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.agents.cases.queryKey({ agentId }) });
      onClose();
    },
  };
  const create = useMutation(trpc.agents.createCase.mutationOptions(done));
  const update = useMutation(trpc.agents.updateCase.mutationOptions(done));
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      name,
      kind,
      question,
      expectedSourceId: kind === 'must_answer' && sourceId ? sourceId : null,
      expectedFacts: kind === 'must_answer' ? lines(facts) : [],
      canaries: kind === 'must_not_leak' ? lines(canaries) : [],
    };
    if (existing) update.mutate({ caseId: existing.id, case: fields });
    else create.mutate({ agentId, case: fields });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-name`}>Name</Label>
        <Input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-kind`}>Kind</Label>
        <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as TKind)}>
          {(['must_answer', 'must_escalate', 'must_not_leak'] as const).map((k) => (
            <option key={k} value={k}>
              {CASE_KIND_LABEL[k]}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-question`}>Customer message</Label>
        <Textarea id={`${id}-question`} rows={3} value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={4000} required />
      </div>
      {kind === 'must_answer' ? (
        <>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-source`}>Must cite (optional)</Label>
            <Select id={`${id}-source`} value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
              <option value="">Any source</option>
              {sources.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-facts`}>Must contain (one fact per line)</Label>
            <Textarea id={`${id}-facts`} rows={2} value={facts} onChange={(e) => setFacts(e.target.value)} />
          </div>
        </>
      ) : null}
      {kind === 'must_not_leak' ? (
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-canaries`}>Canaries (one per line)</Label>
          <Textarea id={`${id}-canaries`} rows={2} value={canaries} onChange={(e) => setCanaries(e.target.value)} />
          <p className="text-xs text-slate-500">Made-up secrets that must never appear in a reply. The system-prompt canary and the instructions are always checked.</p>
        </div>
      ) : null}
      {error ? <Alert tone="error">{errorMessage(error)}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : existing ? 'Save case' : 'Add case'}
        </Button>
      </DialogActions>
    </form>
  );
}
