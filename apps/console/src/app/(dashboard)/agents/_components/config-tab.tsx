'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, CardBody, CardHeader, CardTitle, Checkbox, Input, Label, Select, Switch, Textarea } from '@vouch/ui';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import type { TAgentViewer } from './access';
import type { TAgentConfig, TAgentDetail } from './api-types';

type TTool = TAgentConfig['tools'][number];

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function Field({ label, hint, children, id }: { label: string; hint?: string; children: ReactNode; id: string }) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

/** The staging version as a form; saving creates a new immutable version that staging then serves. */
export function ConfigTab({ agent, viewer }: { agent: TAgentDetail; viewer: TAgentViewer }) {
  const staging = agent.environments.find((e) => e.environment === 'staging')!;
  // Kept here: the form re-mounts once staging moves to the saved version.
  const [saved, setSaved] = useState<number | null>(null);
  // Re-mount the form when staging moves, so it always starts from what staging serves.
  return <ConfigForm key={staging.versionId} agent={agent} baseVersionId={staging.versionId} version={staging.version} viewer={viewer} saved={saved} setSaved={setSaved} />;
}

function ConfigForm({
  agent,
  baseVersionId,
  version,
  viewer,
  saved,
  setSaved,
}: {
  agent: TAgentDetail;
  baseVersionId: string;
  version: number;
  viewer: TAgentViewer;
  saved: number | null;
  setSaved: (version: number | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const base = agent.stagingConfig;
  const [config, setConfig] = useState<TAgentConfig>(base);
  const [topics, setTopics] = useState(base.alwaysHumanTopics.join('\n'));
  const [domains, setDomains] = useState(base.allowedLinkDomains.join('\n'));
  const [note, setNote] = useState('');
  const sources = useQuery(trpc.agents.sources.queryOptions());
  const save = useMutation(
    trpc.agents.editStaging.mutationOptions({
      onSuccess: async (result) => {
        setSaved(result.version);
        await queryClient.invalidateQueries({ queryKey: trpc.agents.pathKey() });
      },
    }),
  );
  const readOnly = !viewer.canEdit;
  const set = <K extends keyof TAgentConfig>(key: K, value: TAgentConfig[K]) => setConfig((c) => ({ ...c, [key]: value }));
  const setTool = (index: number, tool: Partial<TTool>) => set('tools', config.tools.map((t, i) => (i === index ? { ...t, ...tool } : t)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    save.mutate({
      agentId: agent.id,
      baseVersionId,
      note: note.trim() || null,
      config: { ...config, alwaysHumanTopics: lines(topics), allowedLinkDomains: lines(domains) },
    });
  }

  const num = (key: 'groundingThreshold' | 'minQuestionCoverage' | 'minSupportScore' | 'maxHistoryTurns' | 'maxAnswerSentences', label: string, hint: string, step = '0.05') => (
    <Field id={`${id}-${key}`} label={label} hint={hint}>
      <Input id={`${id}-${key}`} type="number" step={step} value={String(config[key])} disabled={readOnly} onChange={(e) => set(key, Number(e.target.value))} />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label="Agent configuration">
      {readOnly ? <Alert tone="info">You can read this configuration; editing needs the agent.edit_staging right.</Alert> : null}
      <Card>
        <CardHeader>
          <CardTitle>Behaviour</CardTitle>
          <p className="text-sm text-slate-500">Editing v{version}, the version staging serves. Production is not affected until a promotion is approved.</p>
        </CardHeader>
        <CardBody className="space-y-4">
          <Field id={`${id}-persona`} label="Instructions (persona)" hint="What the agent is and how it behaves. Sent to the model with every question.">
            <Textarea id={`${id}-persona`} rows={6} value={config.persona} disabled={readOnly} onChange={(e) => set('persona', e.target.value)} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${id}-greeting`} label="Greeting" hint="The first message the widget shows.">
              <Input id={`${id}-greeting`} value={config.greeting} disabled={readOnly} onChange={(e) => set('greeting', e.target.value)} />
            </Field>
            <Field id={`${id}-tone`} label="Tone">
              <Select id={`${id}-tone`} value={config.tone} disabled={readOnly} onChange={(e) => set('tone', e.target.value as TAgentConfig['tone'])}>
                <option value="friendly">Friendly</option>
                <option value="neutral">Neutral</option>
                <option value="formal">Formal</option>
              </Select>
            </Field>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Knowledge and grounding</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          <fieldset>
            <legend className="text-sm font-medium text-slate-900">Allowed knowledge sources</legend>
            <p className="mb-2 text-xs text-slate-500">None selected: every approved source of the workspace.</p>
            {sources.isError ? <Alert tone="error">{errorMessage(sources.error)}</Alert> : null}
            {sources.data?.length === 0 ? <p className="text-sm text-slate-500">No knowledge sources yet.</p> : null}
            <div className="grid gap-2 sm:grid-cols-2">
              {sources.data?.map((source) => (
                <Checkbox
                  key={source.id}
                  label={source.name}
                  description={source.status}
                  checked={config.knowledgeSourceIds.includes(source.id)}
                  disabled={readOnly}
                  onChange={(e) =>
                    set('knowledgeSourceIds', e.target.checked ? [...config.knowledgeSourceIds, source.id] : config.knowledgeSourceIds.filter((s) => s !== source.id))
                  }
                />
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-3">
            {num('groundingThreshold', 'Grounding threshold', 'Evidence strength (0–1) needed to answer.')}
            {num('minQuestionCoverage', 'Question coverage', 'Share of topic words the passage must contain (0–1).')}
            {num('minSupportScore', 'Sentence support', 'Support each answer sentence needs (0–1).')}
            {num('maxHistoryTurns', 'History turns', 'Earlier messages the model sees (0–20).', '1')}
            {num('maxAnswerSentences', 'Answer sentences', 'At most this many sentences (1–8).', '1')}
          </div>
          <Field id={`${id}-domains`} label="Link domains" hint="One host per line; answers may link only there.">
            <Textarea id={`${id}-domains`} rows={2} value={domains} disabled={readOnly} onChange={(e) => setDomains(e.target.value)} />
          </Field>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Escalation</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          <Field id={`${id}-topics`} label="Always-human topics" hint="One per line. Questions about these go straight to a person.">
            <Textarea id={`${id}-topics`} rows={3} value={topics} disabled={readOnly} onChange={(e) => setTopics(e.target.value)} />
          </Field>
          <div className="flex items-center gap-3">
            <Switch
              id={`${id}-request`}
              aria-labelledby={`${id}-request-label`}
              checked={config.escalation.onCustomerRequest}
              disabled={readOnly}
              onCheckedChange={(checked) => set('escalation', { ...config.escalation, onCustomerRequest: checked })}
            />
            <span id={`${id}-request-label`} className="text-sm text-slate-700">
              Hand off when the customer asks for a person
            </span>
          </div>
          <Field id={`${id}-failures`} label="Hand off after failed answers" hint="Failed answers to the same question before a person takes over (1–5). Injection attempts always go to a person.">
            <Input
              id={`${id}-failures`}
              type="number"
              min={1}
              max={5}
              value={String(config.escalation.afterFailedAnswers)}
              disabled={readOnly}
              onChange={(e) => set('escalation', { ...config.escalation, afterFailedAnswers: Number(e.target.value) })}
            />
          </Field>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Tools</CardTitle>
          <p className="text-sm text-slate-500">Actions the agent may take. Anything not listed is never run.</p>
        </CardHeader>
        <CardBody className="space-y-3">
          {config.tools.length === 0 ? <p className="text-sm text-slate-500">No tools: the agent only answers.</p> : null}
          {config.tools.map((tool, index) => (
            <div key={index} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 p-3">
              <Field id={`${id}-tool-${index}`} label="Action">
                <Input id={`${id}-tool-${index}`} value={tool.action} placeholder="orders.lookup" disabled={readOnly} onChange={(e) => setTool(index, { action: e.target.value })} />
              </Field>
              <Field id={`${id}-tool-access-${index}`} label="Access">
                <Select id={`${id}-tool-access-${index}`} value={tool.access} disabled={readOnly} onChange={(e) => setTool(index, { access: e.target.value as TTool['access'] })}>
                  <option value="read">Read</option>
                  <option value="write">Write</option>
                </Select>
              </Field>
              <Checkbox label="A person approves each call" checked={tool.requiresHumanApproval} disabled={readOnly} onChange={(e) => setTool(index, { requiresHumanApproval: e.target.checked })} />
              {!readOnly ? (
                <Button variant="ghost" size="sm" onClick={() => set('tools', config.tools.filter((_, i) => i !== index))} aria-label={`Remove tool ${tool.action || index + 1}`}>
                  Remove
                </Button>
              ) : null}
            </div>
          ))}
          {!readOnly ? (
            <Button variant="secondary" size="sm" onClick={() => set('tools', [...config.tools, { action: '', access: 'read', requiresHumanApproval: true }])}>
              Add tool
            </Button>
          ) : null}
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Model and budget</CardTitle>
        </CardHeader>
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field id={`${id}-provider`} label="Provider">
            <Select id={`${id}-provider`} value={config.provider.kind} disabled={readOnly} onChange={(e) => set('provider', { ...config.provider, kind: e.target.value as TAgentConfig['provider']['kind'] })}>
              <option value="offline">Offline (extractive, no model)</option>
              <option value="openai">OpenAI-compatible</option>
              <option value="ollama">Ollama</option>
            </Select>
          </Field>
          <Field id={`${id}-model`} label="Model">
            <Input id={`${id}-model`} value={config.provider.model ?? ''} disabled={readOnly} onChange={(e) => set('provider', { ...config.provider, model: e.target.value || null })} />
          </Field>
          <Field id={`${id}-base`} label="Endpoint (optional)" hint="Only hosts the platform allows.">
            <Input id={`${id}-base`} value={config.provider.baseURL ?? ''} disabled={readOnly} onChange={(e) => set('provider', { ...config.provider, baseURL: e.target.value || null })} />
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field id={`${id}-conv`} label="Tokens per conversation">
              <Input id={`${id}-conv`} type="number" min={1} value={String(config.tokenBudget.perConversation)} disabled={readOnly} onChange={(e) => set('tokenBudget', { ...config.tokenBudget, perConversation: Number(e.target.value) })} />
            </Field>
            <Field id={`${id}-day`} label="Tokens per day">
              <Input id={`${id}-day`} type="number" min={1} value={String(config.tokenBudget.perDay)} disabled={readOnly} onChange={(e) => set('tokenBudget', { ...config.tokenBudget, perDay: Number(e.target.value) })} />
            </Field>
          </div>
        </CardBody>
      </Card>

      {!readOnly ? (
        <div className="space-y-3">
          <Field id={`${id}-note`} label="What changed (optional)">
            <Input id={`${id}-note`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="e.g. New greeting for the winter sale" />
          </Field>
          {save.isError ? <Alert tone="error" title="Not saved">{errorMessage(save.error)}</Alert> : null}
          {saved ? <Alert tone="success">Saved as v{saved}. Staging serves it now; production is unchanged.</Alert> : null}
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save as new staging version'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
