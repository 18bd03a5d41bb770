'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, CardBody, CardHeader, CardTitle, CodeInput, Label } from '@vouch/ui';
import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { MfaEnrolment, RecoveryCodes } from '../../mfa/_components/mfa-enrolment';

function describeAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /iPhone|iPad/.test(userAgent)
          ? 'iOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return os ? `${browser} on ${os}` : browser;
}

const METHOD_LABELS: Record<string, string> = {
  password: 'Password',
  'password+totp': 'Password and authenticator code',
  'password+recovery-code': 'Password and recovery code',
};

function formatTime(date: Date): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function ErrorText({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
      {message}
    </p>
  );
}

/** A code prompt for actions that need proof of the authenticator (turn off, new recovery codes). */
function CodeAction({
  id,
  label,
  variant,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  variant: 'primary' | 'danger';
  pending: boolean;
  error: string | null;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}) {
  return (
    <form
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit(String(new FormData(event.currentTarget).get('code') ?? '').trim());
      }}
      className="mt-4 space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-inset ring-slate-200"
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <div className="max-w-xs space-y-1.5">
        <Label htmlFor={id}>Current code from your authenticator app</Label>
        <CodeInput id={id} autoFocus invalid={Boolean(error)} />
      </div>
      {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
      <div className="flex gap-2">
        <Button type="submit" variant={variant} disabled={pending} aria-busy={pending}>
          {label}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function MfaCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const security = useQuery(trpc.account.security.queryOptions());
  const [mode, setMode] = useState<'idle' | 'enrol' | 'disable' | 'regenerate'>('idle');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.security.queryKey() });
  const disable = useMutation(trpc.account.disableMfa.mutationOptions({ onSuccess: () => (setMode('idle'), refresh()) }));
  const regenerate = useMutation(trpc.account.regenerateRecoveryCodes.mutationOptions({ onSuccess: () => refresh() }));

  return (
    <Card>
      <CardHeader>
        <CardTitle>Two-factor authentication</CardTitle>
      </CardHeader>
      <CardBody>
        {security.isPending ? (
          <p className="text-sm text-slate-500" aria-live="polite">
            Loading…
          </p>
        ) : security.isError ? (
          <ErrorText id="mfa-load-error" message="Your security settings could not be loaded. Reload the page to try again." />
        ) : security.data.mfaEnabled ? (
          <div>
            <p className="flex items-center gap-2 text-sm text-slate-700">
              <span className="inline-flex items-center rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-inset ring-emerald-200">On</span>
              Sign-in asks for a code from your authenticator app. {security.data.recoveryCodesLeft} of 10 recovery codes left.
            </p>
            {security.data.requiredBy.length > 0 ? (
              <p className="mt-2 text-sm text-slate-500">Required by {security.data.requiredBy.join(', ')} for your role.</p>
            ) : null}
            {regenerate.data ? (
              <div className="mt-4">
                <RecoveryCodes codes={regenerate.data.recoveryCodes} />
              </div>
            ) : null}
            {mode === 'idle' ? (
              <div className="mt-4 flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => (regenerate.reset(), setMode('regenerate'))}>
                  New recovery codes
                </Button>
                {security.data.requiredBy.length === 0 ? (
                  <Button variant="secondary" onClick={() => (disable.reset(), setMode('disable'))}>
                    Turn off
                  </Button>
                ) : null}
              </div>
            ) : mode === 'disable' ? (
              <CodeAction
                id="disable-code"
                label="Turn off two-factor authentication"
                variant="danger"
                pending={disable.isPending}
                error={disable.error?.message ?? null}
                onSubmit={(code) => disable.mutate({ code })}
                onCancel={() => setMode('idle')}
              />
            ) : mode === 'regenerate' && !regenerate.data ? (
              <CodeAction
                id="regenerate-code"
                label="Replace recovery codes"
                variant="primary"
                pending={regenerate.isPending}
                error={regenerate.error?.message ?? null}
                onSubmit={(code) => regenerate.mutate({ code })}
                onCancel={() => setMode('idle')}
              />
            ) : null}
          </div>
        ) : mode === 'enrol' ? (
          <MfaEnrolment autoStart doneLabel="Done" onDone={() => (setMode('idle'), refresh())} />
        ) : (
          <div className="space-y-4">
            <p className="flex items-center gap-2 text-sm text-slate-700">
              <span className="inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200">Off</span>
              Add a code from an authenticator app to your password.
            </p>
            <Button onClick={() => setMode('enrol')}>Set up authenticator app</Button>
          </div>
        )}
      </CardBody>
    </Card>
  );
}

function SessionsCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
  const revoke = useMutation(
    trpc.account.revokeSession.mutationOptions({
      onSuccess: (result) => (result.current ? void signOut({ callbackUrl: '/sign-in' }) : void refresh()),
    }),
  );
  const revokeAll = useMutation(trpc.account.revokeAllSessions.mutationOptions({ onSuccess: () => void signOut({ callbackUrl: '/sign-in' }) }));

  return (
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-3">
        <CardTitle>Where you&apos;re signed in</CardTitle>
        <Button variant="danger" size="sm" disabled={revokeAll.isPending} aria-busy={revokeAll.isPending} onClick={() => revokeAll.mutate()}>
          Sign out everywhere
        </Button>
      </CardHeader>
      <CardBody>
        {revoke.isError || revokeAll.isError ? (
          <div className="mb-3">
            <ErrorText id="sessions-error" message={(revoke.error ?? revokeAll.error)?.message ?? 'That did not work. Try again.'} />
          </div>
        ) : null}
        {sessions.isPending ? (
          <p className="text-sm text-slate-500" aria-live="polite">
            Loading…
          </p>
        ) : sessions.isError ? (
          <ErrorText id="sessions-load-error" message="Your sessions could not be loaded. Reload the page to try again." />
        ) : sessions.data.length === 0 ? (
          <p className="text-sm text-slate-500">No active sessions.</p>
        ) : (
          <ul aria-label="Sessions" className="divide-y divide-slate-200">
            {sessions.data.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900">
                    {describeAgent(s.userAgent)}
                    {s.current ? (
                      <span className="ml-2 inline-flex items-center rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200">
                        This browser
                      </span>
                    ) : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    {s.ip ?? 'Unknown address'} · {METHOD_LABELS[s.method] ?? s.method} · signed in {formatTime(s.createdAt)} · last active{' '}
                    {formatTime(s.lastSeenAt)}
                  </p>
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={revoke.isPending && revoke.variables?.sessionId === s.id}
                  onClick={() => revoke.mutate({ sessionId: s.id })}
                  aria-label={s.current ? 'Sign out this browser' : `Sign out ${describeAgent(s.userAgent)} (${s.ip ?? 'unknown address'})`}
                >
                  Sign out
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

export function AccountSecurity() {
  return (
    <div className="space-y-6">
      <MfaCard />
      <SessionsCard />
    </div>
  );
}
