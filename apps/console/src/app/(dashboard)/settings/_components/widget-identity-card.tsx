'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Input, Label, Skeleton } from '@vouch/ui';
import { useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { ConfirmDialog } from './confirm-dialog';
import { QueryError } from './query-error';

/**
 * Settings → Security → Chat widget identity verification. The host site's server signs each
 * signed-in customer's user id (hex HMAC-SHA-256 under this secret) and prints both on the widget
 * tag; the chat marks such conversations verified for the inbox. The secret is shown once, right
 * after it is created or rotated; rotating makes every old user hash fail at once.
 */
export function WidgetIdentityCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.widget.identityStatus.queryOptions());
  const [shown, setShown] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation(
    trpc.widget.rotateIdentitySecret.mutationOptions({
      onSuccess: (result) => {
        setShown(result.secret);
        setConfirming(false);
        void queryClient.invalidateQueries({ queryKey: trpc.widget.identityStatus.queryKey() });
      },
    }),
  );
  const configured = status.data?.configured ?? false;

  return (
    <Card>
      <CardHeader className="flex items-center justify-between gap-3">
        <CardTitle>Chat widget identity verification</CardTitle>
        {status.isSuccess ? configured ? <Badge tone="green">Secret set</Badge> : <Badge tone="neutral">Not set up</Badge> : null}
      </CardHeader>
      <CardBody className="space-y-4 text-sm text-slate-600">
        <p>
          Tell the chat who a signed-in customer is. Your server computes the hex HMAC-SHA-256 of the customer&rsquo;s user id with this
          secret and adds both to the widget tag; conversations with a valid signature are marked verified in the inbox, all others stay
          anonymous. Keep the secret on your server only.
        </p>
        <pre className="overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200">
          {'<script src="…/widget.js" data-agent="pk_live_…"\n  data-user-id="42" data-user-hash="<hmac_sha256_hex(secret, \'42\')>" async></script>'}
        </pre>
        {status.isPending ? (
          <Skeleton className="h-9 w-48" />
        ) : status.isError ? (
          <QueryError what="The identity secret status" error={status.error} onRetry={() => void status.refetch()} />
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="button" variant={configured ? 'secondary' : 'primary'} onClick={() => (configured ? setConfirming(true) : rotate.mutate())} disabled={rotate.isPending}>
              {rotate.isPending && !confirming ? 'Creating…' : configured ? 'Rotate secret' : 'Create secret'}
            </Button>
            {status.data.rotatedAt ? <span className="text-xs text-slate-500">Last set {new Date(status.data.rotatedAt).toLocaleString()}</span> : null}
          </div>
        )}
        {rotate.isError && !confirming ? <Alert tone="error">The secret could not be created. Please try again.</Alert> : null}
        {shown ? (
          <div className="space-y-1.5">
            <Label htmlFor="widget-identity-secret">Identity secret (shown once; copy it to your server now)</Label>
            <Input id="widget-identity-secret" readOnly value={shown} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : null}
        <ConfirmDialog
          open={confirming}
          title="Rotate the identity secret?"
          description="Every user hash made with the current secret stops verifying at once; signed-in customers appear anonymous until your server uses the new secret."
          confirmLabel="Rotate secret"
          pendingLabel="Rotating…"
          mutation={rotate}
          onConfirm={() => rotate.mutate()}
          onClose={() => setConfirming(false)}
        />
      </CardBody>
    </Card>
  );
}
