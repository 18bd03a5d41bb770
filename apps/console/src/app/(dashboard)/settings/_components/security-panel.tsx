'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPermission } from '@vouch/auth';
import { Alert, Card, CardBody, CardHeader, CardTitle, Skeleton, Switch } from '@vouch/ui';
import { useId, type ReactNode } from 'react';
import { useTRPC } from '~/trpc/react';
import { ApiKeysCard } from './api-keys-card';
import type { TSecurityPolicy } from './api-types';
import { CidrListEditor } from './cidr-list-editor';
import { errorMessage } from './errors';
import { QueryError } from './query-error';
import { SsoCard } from './sso-card';
import { WidgetIdentityCard } from './widget-identity-card';

export interface TSecurityPanelProps {
  canUpdate: boolean;
  canManageKeys: boolean;
  /** The caller's own permissions: the most an API key they create may carry. */
  grantableScopes: TPermission[];
  /** The console's public URL and the tenant, for the SSO redirect URI to register. */
  consoleUrl: string;
  tenantSlug: string;
  /** Whether this browser signed in through the tenant's SSO (else a password session). */
  signedInWithSso: boolean;
}

export function SecurityPanel({ canUpdate, canManageKeys, grantableScopes, consoleUrl, tenantSlug, signedInWithSso }: TSecurityPanelProps) {
  const trpc = useTRPC();
  const policy = useQuery(trpc.security.policy.queryOptions());

  return (
    <div className="space-y-8">
      {canUpdate ? null : (
        <Alert tone="info">You can see these settings; changing them needs the tenant.settings.update permission (owners and admins).</Alert>
      )}
      {policy.isPending ? (
        <Card aria-busy="true">
          <CardBody className="space-y-4">
            <span className="sr-only" role="status">
              Loading the security policy
            </span>
            <Skeleton className="h-6 w-1/2" />
            <Skeleton className="h-6 w-2/3" />
            <Skeleton className="h-24 w-full" />
          </CardBody>
        </Card>
      ) : policy.isError ? (
        <QueryError what="The security policy" error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <>
          <SignInPolicyCard policy={policy.data} canUpdate={canUpdate} signedInWithSso={signedInWithSso} tenantSlug={tenantSlug} />
          <SsoCard canUpdate={canUpdate} consoleUrl={consoleUrl} tenantSlug={tenantSlug} />
          <NetworkCard policy={policy.data} canUpdate={canUpdate} />
        </>
      )}
      {canManageKeys ? <ApiKeysCard grantableScopes={grantableScopes} /> : null}
      {grantableScopes.includes('integrations.manage') ? <WidgetIdentityCard /> : null}
    </div>
  );
}

/** One updatePolicy mutation per control, so a failure shows next to the control that caused it. */
function usePolicyUpdate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.security.updatePolicy.mutationOptions({
      onSuccess: (updated) => queryClient.setQueryData(trpc.security.policy.queryKey(), updated),
    }),
  );
}

function PolicyRow({
  title,
  description,
  checked,
  disabled,
  pending,
  onChange,
  children,
}: {
  title: string;
  description: string;
  checked: boolean;
  disabled: boolean;
  pending: boolean;
  onChange: (value: boolean) => void;
  children?: ReactNode;
}) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <div className="py-4 first:pt-0 last:pb-0">
      <div className="flex items-start justify-between gap-6">
        <div>
          <p id={titleId} className="text-sm font-medium text-slate-900">
            {title}
          </p>
          <p id={descriptionId} className="mt-0.5 text-sm text-slate-600">
            {description}
          </p>
        </div>
        <Switch
          checked={checked}
          onCheckedChange={onChange}
          disabled={disabled || pending}
          aria-busy={pending}
          aria-labelledby={titleId}
          aria-describedby={descriptionId}
        />
      </div>
      {children}
    </div>
  );
}

function SignInPolicyCard({
  policy,
  canUpdate,
  signedInWithSso,
  tenantSlug,
}: {
  policy: TSecurityPolicy;
  canUpdate: boolean;
  signedInWithSso: boolean;
  tenantSlug: string;
}) {
  const trpc = useTRPC();
  const mfa = usePolicyUpdate();
  const password = usePolicyUpdate();
  const sso = useQuery(trpc.sso.get.queryOptions());
  const ssoEnabled = Boolean(sso.data?.enabled);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign-in</CardTitle>
      </CardHeader>
      <CardBody className="divide-y divide-slate-200">
        <PolicyRow
          title="Require MFA for roles with configuration, deploy or admin rights"
          description="Members who can change settings, members, API keys, agents, deployments or approved knowledge must use an authenticator app. Those without one are asked to set it up before they can continue."
          checked={policy.mfaRequired}
          disabled={!canUpdate}
          pending={mfa.isPending}
          onChange={(mfaRequired) => mfa.mutate({ mfaRequired })}
        >
          {mfa.isError ? (
            <Alert tone="error" className="mt-3">
              {errorMessage(mfa.error)}
            </Alert>
          ) : null}
          {mfa.isSuccess ? (
            <p role="status" className="mt-2 text-sm text-emerald-700">
              MFA requirement {mfa.data.mfaRequired ? 'turned on' : 'turned off'}.
            </p>
          ) : null}
        </PolicyRow>
        <PolicyRow
          title="Password sign-in"
          description="Members sign in with an email and password. When off, they sign in through the workspace's SSO only."
          checked={policy.passwordLoginEnabled}
          // Turning passwords off without single sign-on would lock everyone out (the server refuses it too).
          disabled={!canUpdate || (policy.passwordLoginEnabled && !ssoEnabled)}
          pending={password.isPending}
          onChange={(passwordLoginEnabled) => password.mutate({ passwordLoginEnabled })}
        >
          {policy.passwordLoginEnabled && !ssoEnabled ? (
            <Alert tone="warning" className="mt-3">
              Password sign-in can only be turned off once single sign-on (SSO) is configured and enabled below, or nobody could sign in.
            </Alert>
          ) : null}
          {policy.passwordLoginEnabled && ssoEnabled && !signedInWithSso ? (
            <Alert tone="info" className="mt-3">
              You signed in with a password: turning it off ends your access to this workspace in this browser. Check first that SSO works for
              you (sign in at <code>/sign-in?workspace={tenantSlug}</code> in a private window).
            </Alert>
          ) : null}
          {!policy.passwordLoginEnabled ? (
            <p className="mt-2 text-sm text-slate-600">
              Members sign in at <code>/sign-in?workspace={tenantSlug}</code>. Password sessions cannot open this workspace.
            </p>
          ) : null}
          {password.isError ? (
            <Alert tone="error" className="mt-3">
              {errorMessage(password.error)}
            </Alert>
          ) : null}
        </PolicyRow>
      </CardBody>
    </Card>
  );
}

function NetworkCard({ policy, canUpdate }: { policy: TSecurityPolicy; canUpdate: boolean }) {
  const allowlist = usePolicyUpdate();
  const proxies = usePolicyUpdate();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Network</CardTitle>
      </CardHeader>
      <CardBody className="space-y-8">
        <CidrListEditor
          id="ip-allowlist"
          label="IP allowlist"
          noun="IP allowlist"
          description="When set, the console and the API answer this workspace's members and API keys only from these addresses. Empty means any address. The server refuses a list that leaves out the address you are saving from, so you cannot lock yourself out."
          value={policy.ipAllowlist}
          readOnly={!canUpdate}
          saving={allowlist.isPending}
          saveError={allowlist.error}
          onSave={(ipAllowlist) => allowlist.mutateAsync({ ipAllowlist })}
        />
        <CidrListEditor
          id="trusted-proxies"
          label="Trusted proxies"
          noun="trusted proxies"
          description="Reverse proxies or load balancers in front of Vouch. A client address in X-Forwarded-For is believed only when the request arrives through one of these; otherwise the connection's own address counts."
          value={policy.trustedProxies}
          readOnly={!canUpdate}
          saving={proxies.isPending}
          saveError={proxies.error}
          onSave={(trustedProxies) => proxies.mutateAsync({ trustedProxies })}
        />
      </CardBody>
    </Card>
  );
}
