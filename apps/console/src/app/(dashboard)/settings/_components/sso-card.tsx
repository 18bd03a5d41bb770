'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@vouch/api';
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, Checkbox, Input, Label, Skeleton } from '@vouch/ui';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from './errors';
import { QueryError } from './query-error';

type TSsoConnection = inferRouterOutputs<AppRouter>['sso']['get'];

/**
 * Settings → Security → Single sign-on: the tenant's OpenID Connect provider. The client secret
 * is write-only (the server never sends it back); the card shows only that one is stored.
 */
export function SsoCard({ canUpdate, consoleUrl, tenantSlug }: { canUpdate: boolean; consoleUrl: string; tenantSlug: string }) {
  const trpc = useTRPC();
  const connection = useQuery(trpc.sso.get.queryOptions());
  const callbackUrl = `${consoleUrl.replace(/\/+$/, '')}/api/auth/callback/sso-${tenantSlug}`;

  return (
    <Card>
      <CardHeader className="flex items-center justify-between gap-3">
        <CardTitle>Single sign-on (SSO)</CardTitle>
        {connection.data ? (
          connection.data.enabled ? (
            <Badge tone="green">Enabled</Badge>
          ) : (
            <Badge tone="neutral">Disabled</Badge>
          )
        ) : connection.isSuccess ? (
          <Badge tone="neutral">Not configured</Badge>
        ) : null}
      </CardHeader>
      <CardBody className="space-y-5">
        <p className="text-sm text-slate-600">
          Members sign in through your OpenID Connect identity provider (Okta, Entra ID, Google, Keycloak…). Register Vouch there as a web
          application with this redirect URI, then enter the issuer, client ID and client secret it gives you. Only existing members and
          pending invitations can sign in; the provider must send a verified email address.
        </p>
        <div className="space-y-1.5">
          <Label htmlFor="sso-callback">Redirect URI</Label>
          <Input id="sso-callback" readOnly value={callbackUrl} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </div>
        {connection.isPending ? (
          <div aria-busy="true" className="space-y-3">
            <span className="sr-only" role="status">
              Loading the SSO connection
            </span>
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-2/3" />
          </div>
        ) : connection.isError ? (
          <QueryError what="The SSO connection" error={connection.error} onRetry={() => void connection.refetch()} />
        ) : (
          <SsoForm connection={connection.data} canUpdate={canUpdate} />
        )}
      </CardBody>
    </Card>
  );
}

function SsoForm({ connection, canUpdate }: { connection: TSsoConnection; canUpdate: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [issuer, setIssuer] = useState(connection?.issuer ?? '');
  const [clientId, setClientId] = useState(connection?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [replacingSecret, setReplacingSecret] = useState(!connection);
  const [enabled, setEnabled] = useState(connection?.enabled ?? true);

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.sso.get.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.security.policy.queryKey() }),
    ]);
  // The form stays mounted across saves, so its confirmation stays visible.
  const save = useMutation(
    trpc.sso.configure.mutationOptions({
      onSuccess: () => {
        setClientSecret('');
        setReplacingSecret(false);
        void invalidate();
      },
    }),
  );
  const remove = useMutation(
    trpc.sso.delete.mutationOptions({
      onSuccess: () => {
        setReplacingSecret(true);
        void invalidate();
      },
    }),
  );
  const test = useMutation(trpc.sso.test.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    test.reset();
    remove.reset();
    save.mutate({ issuer, clientId, enabled, ...(replacingSecret && clientSecret ? { clientSecret } : {}) });
  }

  const readOnly = !canUpdate;
  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="SSO connection">
      <div className="grid gap-5 sm:grid-cols-2">
        <div className="space-y-1.5 sm:col-span-2">
          <Label htmlFor="sso-issuer">Issuer URL</Label>
          <Input
            id="sso-issuer"
            type="url"
            required
            readOnly={readOnly}
            placeholder="https://login.example.com"
            value={issuer}
            onChange={(e) => setIssuer(e.target.value)}
            aria-describedby="sso-issuer-help"
          />
          <p id="sso-issuer-help" className="text-xs text-slate-500">
            Vouch reads <code>/.well-known/openid-configuration</code> under it. https only.
          </p>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="sso-client-id">Client ID</Label>
          <Input id="sso-client-id" required readOnly={readOnly} value={clientId} onChange={(e) => setClientId(e.target.value)} autoComplete="off" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="sso-client-secret">Client secret</Label>
          {replacingSecret ? (
            <Input
              id="sso-client-secret"
              type="password"
              required={!connection}
              readOnly={readOnly}
              value={clientSecret}
              onChange={(e) => setClientSecret(e.target.value)}
              autoComplete="new-password"
              placeholder={connection ? 'New secret' : ''}
            />
          ) : (
            <div className="flex h-10 items-center justify-between gap-3 rounded-md bg-slate-50 px-3 ring-1 ring-inset ring-slate-200">
              <span className="text-sm text-slate-700" id="sso-client-secret">
                Secret set
              </span>
              {canUpdate ? (
                <Button size="sm" variant="secondary" onClick={() => setReplacingSecret(true)}>
                  Replace secret
                </Button>
              ) : null}
            </div>
          )}
        </div>
      </div>
      <Checkbox
        id="sso-enabled"
        label="Allow members to sign in with SSO"
        checked={enabled}
        disabled={readOnly}
        onChange={(e) => setEnabled(e.currentTarget.checked)}
      />
      {save.isError ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
      {save.isSuccess && !remove.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700">
          SSO connection saved{save.data.enabled ? ' and enabled' : ''}.
        </p>
      ) : null}
      {test.isError ? <Alert tone="error">{errorMessage(test.error)}</Alert> : null}
      {test.isSuccess ? (
        <Alert tone="success">
          Connection works: {test.data.issuer} publishes its sign-in endpoint ({test.data.authorizationEndpoint}).
        </Alert>
      ) : null}
      {remove.isError ? <Alert tone="error">{errorMessage(remove.error)}</Alert> : null}
      {canUpdate ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={save.isPending} aria-busy={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save SSO connection'}
          </Button>
          <Button
            variant="secondary"
            disabled={test.isPending || !issuer}
            aria-busy={test.isPending}
            onClick={() => {
              save.reset();
              test.mutate({ issuer });
            }}
          >
            {test.isPending ? 'Testing…' : 'Test connection'}
          </Button>
          {connection ? (
            <Button variant="ghost" className="text-red-700" disabled={remove.isPending} onClick={() => remove.mutate()}>
              Remove SSO
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
