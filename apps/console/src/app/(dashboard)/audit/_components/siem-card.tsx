'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Checkbox, CopyField, Input, Label, Skeleton, Switch } from '@vouch/ui';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';

/**
 * The optional SIEM stream: new audit events are posted to one URL, signed with HMAC-SHA-256.
 * The secret is shown once, after the first save or a rotation.
 */
export function SiemCard({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const urlId = useId();
  const enabledId = useId();
  const webhook = useQuery(trpc.audit.webhook.queryOptions());
  const [url, setUrl] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [rotate, setRotate] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  useEffect(() => {
    if (webhook.data) {
      setUrl(webhook.data.url);
      setEnabled(webhook.data.enabled);
    }
  }, [webhook.data]);
  const save = useMutation(
    trpc.audit.configureWebhook.mutationOptions({
      onSuccess: (result) => {
        setSecret(result.secret);
        setRotate(false);
        queryClient.setQueryData(trpc.audit.webhook.queryKey(), result.webhook);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setSecret(null);
    save.mutate({ url: url.trim(), enabled, rotateSecret: rotate });
  }

  const current = webhook.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle>SIEM stream</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">
          Posts new audit events to your SIEM within about a minute, in order, signed with HMAC-SHA-256 in the{' '}
          <code className="font-mono text-xs">x-vouch-signature</code> header. Only public addresses are accepted.
        </p>
      </CardHeader>
      <CardBody className="space-y-4">
        {webhook.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : webhook.isError ? (
          <Alert tone="error" title="The stream settings are unavailable">
            {errorMessage(webhook.error)}
          </Alert>
        ) : (
          <>
            <div className="text-sm text-slate-700" aria-label="Stream status">
              {current ? (
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={!current.enabled ? 'neutral' : current.lastStatus === 'failed' ? 'red' : 'green'}>
                    {!current.enabled ? 'Paused' : current.lastStatus === 'failed' ? 'Failing' : 'On'}
                  </Badge>
                  <span>Delivered up to event #{current.deliveredSeq}</span>
                  {current.lastError ? <span className="text-red-700">Last error: {current.lastError}</span> : null}
                </p>
              ) : (
                <p>No stream is set up.</p>
              )}
            </div>
            {canEdit ? (
              <form onSubmit={submit} className="space-y-3" aria-label="SIEM stream settings">
                <div>
                  <Label htmlFor={urlId}>Receiver URL</Label>
                  <Input id={urlId} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://siem.example.com/vouch" className="mt-1" />
                </div>
                <div className="flex items-center gap-3">
                  <Switch checked={enabled} onCheckedChange={setEnabled} aria-labelledby={enabledId} />
                  <span id={enabledId} className="text-sm text-slate-800">
                    Send events
                  </span>
                </div>
                {current ? (
                  <Checkbox label="Rotate the signing secret" checked={rotate} onChange={(e) => setRotate(e.target.checked)} />
                ) : null}
                <Button type="submit" disabled={save.isPending}>
                  {save.isPending ? 'Saving…' : 'Save stream'}
                </Button>
              </form>
            ) : null}
            <div aria-live="polite" className="space-y-2">
              {save.isError ? (
                <Alert tone="error" title="Not saved">
                  {errorMessage(save.error)}
                </Alert>
              ) : null}
              {secret ? (
                <div className="space-y-1">
                  <CopyField label="Signing secret (shown once)" value={secret} />
                  <p className="text-xs text-slate-500">Store it in your SIEM now; it cannot be shown again.</p>
                </div>
              ) : save.isSuccess ? (
                <Alert tone="success" title="Stream saved" />
              ) : null}
            </div>
          </>
        )}
      </CardBody>
    </Card>
  );
}
