'use client';

import { Button, CodeInput, Input, Label } from '@vouch/ui';
import { getCsrfToken, signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';

// Mirrors SIGN_IN_ERRORS in @vouch/auth (not imported: that package is server-only).
type TSignInError =
  | { kind: 'mfa-required'; challenge: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'invalid-code' }
  | { kind: 'challenge-expired' }
  | { kind: 'sso-required'; workspaces: string[] }
  | { kind: 'invalid' };

function parseError(error: string): TSignInError {
  const [code, value] = error.split(/:(.*)/s);
  if (code === 'MFA_REQUIRED' && value) return { kind: 'mfa-required', challenge: value };
  if (code === 'RATE_LIMITED') return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Number(value) || 60) };
  if (code === 'INVALID_CODE') return { kind: 'invalid-code' };
  if (code === 'CHALLENGE_EXPIRED') return { kind: 'challenge-expired' };
  if (code === 'SSO_REQUIRED') return { kind: 'sso-required', workspaces: (value ?? '').split(',').filter(Boolean) };
  return { kind: 'invalid' };
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** What an error code in the page URL means (after SSO, or a next-auth OAuth error). */
function describeUrlError(error: string): string {
  const [code, value] = error.split(/:(.*)/s);
  switch (code) {
    case 'SSO_NOT_CONFIGURED':
      return 'That workspace has no single sign-on. Check the workspace name, or sign in with your email and password.';
    case 'SSO_RATE_LIMITED':
      return tooManyAttempts(Math.max(1, Number(value) || 60));
    case 'SSO_REFUSED':
      switch (value) {
        case 'not-member':
          return 'Your identity provider signed you in, but that address is not a member of this workspace. Ask an admin of the workspace to invite you.';
        case 'email-unverified':
          return 'Your identity provider did not confirm that your email address is verified, so Vouch cannot match it to a member.';
        case 'email-missing':
          return 'Your identity provider did not send an email address. Ask your admin to release the email claim to Vouch.';
        default:
          return 'Your identity provider’s answer did not match this workspace’s SSO settings. Ask an admin to check them.';
      }
    case 'OAuthSignin':
    case 'OAuthCallback':
    case 'Callback':
    case 'OAuthCreateAccount':
      return 'Single sign-on did not complete: the identity provider could not be reached or its answer was not valid. Try again, or ask an admin to test the SSO connection.';
    case 'AccessDenied':
      return 'Single sign-on was refused.';
    case 'SessionRequired':
      return 'Sign in to continue.';
    default:
      return 'Sign-in did not complete. Try again.';
  }
}

/**
 * Starts next-auth's OIDC flow for the workspace's provider. The provider only exists on the
 * server for `sso-<slug>` requests, so this posts the form itself (next-auth's signIn() helper
 * would first look the provider up in the static list and give up).
 */
async function startSso(workspace: string, callbackUrl: string) {
  const csrfToken = await getCsrfToken();
  if (!csrfToken) throw new Error('no csrf token');
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = `/api/auth/signin/sso-${encodeURIComponent(workspace)}`;
  for (const [name, value] of Object.entries({ csrfToken, callbackUrl })) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }
  document.body.appendChild(form);
  form.submit();
}

function tooManyAttempts(seconds: number): string {
  return `Too many attempts, try again in ${seconds} s.`;
}

export interface TSignInFormProps {
  callbackUrl: string;
  initialError: string | null;
  /** Open in SSO mode for this workspace. */
  workspace: string | null;
  /** The code step after an SSO sign-in. */
  ssoChallenge: string | null;
}

export function SignInForm({ callbackUrl, initialError, workspace, ssoChallenge }: TSignInFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? describeUrlError(initialError) : null);
  const [submitting, setSubmitting] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(ssoChallenge);
  // Which provider finishes the code step: after a password, or after the workspace's SSO.
  const [codeProvider, setCodeProvider] = useState<'second-factor' | 'second-factor-sso'>(ssoChallenge ? 'second-factor-sso' : 'second-factor');
  const [mode, setMode] = useState<'password' | 'sso'>(workspace ? 'sso' : 'password');
  const [ssoWorkspace, setSsoWorkspace] = useState(workspace ?? '');
  const [useRecovery, setUseRecovery] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (challenge) codeRef.current?.focus();
  }, [challenge, useRecovery]);

  function fail(message: string, focus?: HTMLInputElement | null) {
    setError(message);
    setSubmitting(false);
    focus?.select();
  }

  async function finish(result: Awaited<ReturnType<typeof signIn>>): Promise<TSignInError | null> {
    if (result && !result.error && result.ok) {
      router.replace(callbackUrl);
      router.refresh();
      return null;
    }
    return parseError(result?.error ?? '');
  }

  async function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(null);
    try {
      const outcome = await finish(
        await signIn('credentials', { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? ''), redirect: false }),
      );
      if (!outcome) return;
      if (outcome.kind === 'mfa-required') {
        setCodeProvider('second-factor');
        setChallenge(outcome.challenge);
        setSubmitting(false);
        return;
      }
      if (outcome.kind === 'sso-required') {
        setMode('sso');
        setSsoWorkspace(outcome.workspaces[0] ?? '');
        return fail(
          outcome.workspaces.length > 0
            ? 'Your workspace signs in with single sign-on (SSO) only. Continue with SSO below.'
            : 'Your workspace has turned off password sign-in. Ask an admin how to sign in.',
        );
      }
      // One message for unknown email and wrong password: which one it was is not revealed.
      fail(
        outcome.kind === 'rate-limited' ? tooManyAttempts(outcome.retryAfterSeconds) : 'That email and password do not match an account.',
        passwordRef.current,
      );
    } catch {
      fail('Could not reach the server. Check your connection and try again.');
    }
  }

  async function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!challenge) return;
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setSubmitting(true);
    setError(null);
    try {
      const outcome = await finish(await signIn(codeProvider, { challenge, code, redirect: false }));
      if (!outcome) return;
      if (outcome.kind === 'rate-limited') return fail(tooManyAttempts(outcome.retryAfterSeconds), codeRef.current);
      if (outcome.kind === 'challenge-expired' || outcome.kind === 'mfa-required') {
        setChallenge(null);
        return fail(
          codeProvider === 'second-factor-sso'
            ? 'Your sign-in timed out or had too many wrong codes. Sign in with SSO again.'
            : 'Your sign-in timed out or had too many wrong codes. Enter your password again.',
        );
      }
      fail(useRecovery ? 'That recovery code is not valid or was already used.' : 'That code is not right or was already used. Enter the current code from your app.', codeRef.current);
    } catch {
      fail('Could not reach the server. Check your connection and try again.');
    }
  }

  async function onSso(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const slug = ssoWorkspace.trim().toLowerCase();
    if (!SLUG.test(slug)) return fail('Enter your workspace name as it appears in the console address, such as “acme”.');
    setSubmitting(true);
    setError(null);
    try {
      await startSso(slug, callbackUrl);
    } catch {
      fail('Could not reach the server. Check your connection and try again.');
    }
  }

  const errorBox = error ? (
    <p id="sign-in-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
      {error}
    </p>
  ) : null;

  if (challenge) {
    return (
      <form onSubmit={onCode} className="space-y-5" aria-describedby={error ? 'sign-in-error' : 'code-help'}>
        <div>
          <h2 className="text-base font-semibold text-slate-900">Two-factor authentication</h2>
          <p id="code-help" className="mt-1 text-sm text-slate-600">
            {useRecovery
              ? 'Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once.'
              : 'Enter the 6-digit code from your authenticator app.'}
          </p>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="code">{useRecovery ? 'Recovery code' : 'Authentication code'}</Label>
          {useRecovery ? (
            <Input
              key="recovery"
              ref={codeRef}
              id="code"
              name="code"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              placeholder="xxxxx-xxxxx"
              required
              maxLength={16}
              invalid={Boolean(error)}
            />
          ) : (
            <CodeInput key="totp" ref={codeRef} id="code" invalid={Boolean(error)} />
          )}
        </div>
        {errorBox}
        <Button type="submit" className="w-full" disabled={submitting} aria-busy={submitting}>
          {submitting ? 'Verifying…' : 'Verify'}
        </Button>
        <div className="flex items-center justify-between text-sm">
          <button
            type="button"
            className="font-medium text-indigo-600 hover:text-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            onClick={() => {
              setUseRecovery((v) => !v);
              setError(null);
            }}
          >
            {useRecovery ? 'Use your authenticator app' : 'Use a recovery code'}
          </button>
          <button
            type="button"
            className="text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            onClick={() => {
              setChallenge(null);
              setUseRecovery(false);
              setError(null);
            }}
          >
            Start over
          </button>
        </div>
      </form>
    );
  }

  /** Below either form: "or", then the button that switches to the other way of signing in. */
  const otherWay = (next: 'password' | 'sso', label: string) => (
    <>
      <div className="relative my-6" aria-hidden="true">
        <div className="absolute inset-0 flex items-center">
          <div className="w-full border-t border-slate-200" />
        </div>
        <div className="relative flex justify-center text-xs uppercase tracking-wide">
          <span className="bg-white px-2 text-slate-500">or</span>
        </div>
      </div>
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        onClick={() => {
          setMode(next);
          setError(null);
        }}
      >
        {label}
      </Button>
    </>
  );

  if (mode === 'sso') {
    return (
      <div>
        <form onSubmit={onSso} className="space-y-5" aria-describedby={error ? 'sign-in-error' : 'workspace-help'}>
          <div>
            <h2 className="text-base font-semibold text-slate-900">Sign in with SSO</h2>
            <p id="workspace-help" className="mt-1 text-sm text-slate-600">
              Enter your workspace name; you continue at your organisation’s identity provider.
            </p>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="workspace">Workspace</Label>
            <Input
              id="workspace"
              name="workspace"
              value={ssoWorkspace}
              onChange={(e) => setSsoWorkspace(e.target.value)}
              autoComplete="organization"
              autoCapitalize="none"
              spellCheck={false}
              placeholder="acme"
              required
              autoFocus
              maxLength={63}
              invalid={Boolean(error)}
            />
          </div>
          {errorBox}
          <Button type="submit" className="w-full" disabled={submitting} aria-busy={submitting}>
            {submitting ? 'Redirecting…' : 'Continue with SSO'}
          </Button>
        </form>
        {otherWay('password', 'Use email and password')}
      </div>
    );
  }

  return (
    <div>
      <form onSubmit={onPassword} className="space-y-5" aria-describedby={error ? 'sign-in-error' : undefined}>
        <div className="space-y-1.5">
          <Label htmlFor="email">Email</Label>
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus invalid={Boolean(error)} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="password">Password</Label>
          <Input ref={passwordRef} id="password" name="password" type="password" autoComplete="current-password" required invalid={Boolean(error)} />
        </div>
        {errorBox}
        <Button type="submit" className="w-full" disabled={submitting} aria-busy={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {otherWay('sso', 'Use single sign-on (SSO)')}
    </div>
  );
}
