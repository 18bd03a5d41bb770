'use client';

import { useMutation } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, EmptyState, Label, Textarea } from '@vouch/ui';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { Icon } from '../../_components/icons';
import { errorMessage } from '../../settings/_components/errors';
import type { TAgentViewer } from './access';
import type { TAgentDetail, TPlaygroundReply } from './api-types';
import { TraceView } from './trace-view';

interface TTurn {
  question: string;
  reply: TPlaygroundReply;
}

/** Chat with the staging version through the answer pipeline (dry run: no conversation, no handoff), the trace beside each answer. */
export function PlaygroundTab({ agent, viewer }: { agent: TAgentDetail; viewer: TAgentViewer }) {
  const trpc = useTRPC();
  const id = useId();
  const [turns, setTurns] = useState<TTurn[]>([]);
  const [message, setMessage] = useState('');
  const ask = useMutation(trpc.agents.playground.mutationOptions());
  const staging = agent.environments.find((e) => e.environment === 'staging')!;

  if (!viewer.canEdit) {
    return <EmptyState icon={<Icon name="agents" className="size-6" />} title="The playground is for agent builders" description="Trying the staging version needs the agent.edit_staging right. You can still read evaluation results." />;
  }

  function send(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    const question = message.trim();
    if (!question || ask.isPending) return;
    const history = turns.slice(-5).flatMap((t) => [
      { role: 'customer' as const, content: t.question },
      { role: 'assistant' as const, content: t.reply.answer },
    ]);
    ask.mutate(
      { agentId: agent.id, message: question, history },
      {
        onSuccess: (reply) => {
          setTurns((all) => [...all, { question, reply }]);
          setMessage('');
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  }

  return (
    <div className="space-y-4">
      <Alert tone="info">
        You are talking to <strong>v{staging.version}</strong>, the version staging serves, through the same pipeline customers get. Nothing here creates a conversation or reaches the inbox.
      </Alert>
      {turns.length === 0 ? <p className="text-sm text-slate-500">Ask a question a customer would ask. Each answer shows its trace beside it.</p> : null}
      <ol className="space-y-4" aria-label="Playground conversation" aria-live="polite">
        {turns.map((turn, i) => (
          <li key={i} className="grid gap-4 lg:grid-cols-[3fr_2fr]">
            <Card>
              <CardBody className="space-y-3">
                <p className="ml-auto w-fit max-w-[85%] rounded-lg bg-indigo-600 px-3 py-2 text-sm text-white">{turn.question}</p>
                <div className="max-w-[85%] rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-900" data-testid="playground-answer">
                  {turn.reply.answer}
                </div>
                <div className="flex flex-wrap gap-2 text-xs">
                  <Badge tone={turn.reply.escalated ? 'amber' : turn.reply.reason === 'answered' ? 'green' : 'neutral'}>{turn.reply.reason.replaceAll('_', ' ')}</Badge>
                  {turn.reply.citations.map((c) => (
                    <Badge key={c.chunkId} tone="indigo">
                      {c.source}
                    </Badge>
                  ))}
                </div>
              </CardBody>
            </Card>
            <Card aria-label={`Trace of answer ${i + 1}`}>
              <CardBody>
                <TraceView trace={turn.reply.trace} />
              </CardBody>
            </Card>
          </li>
        ))}
      </ol>
      <form onSubmit={send} className="space-y-2">
        <Label htmlFor={`${id}-message`}>Message</Label>
        <Textarea id={`${id}-message`} rows={2} value={message} maxLength={4000} onChange={(e) => setMessage(e.target.value)} onKeyDown={onKeyDown} placeholder="How long does shipping take?" />
        {ask.isError ? <Alert tone="error">{errorMessage(ask.error)}</Alert> : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={ask.isPending || !message.trim()}>
            {ask.isPending ? 'Answering…' : 'Send'}
          </Button>
          {turns.length > 0 ? (
            <Button variant="ghost" onClick={() => setTurns([])}>
              Clear
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
