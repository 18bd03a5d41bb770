'use client';

import { Button, Input, Label } from '@vouch/ui';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';

// Mirrors SIGN_IN_ERRORS in @vouch/auth (not imported: that package is server-only).
type TSignInError =
  | { kind: 'mfa-required'; challenge: string }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'invalid-code' }
  | { kind: 'challenge-expired' }
  | { kind: 'invalid' };

function parseError(error: string): TSignInError {
  const [code, value] = error.split(/:(.*)/s);
  if (code === 'MFA_REQUIRED' && value) return { kind: 'mfa-required', challenge: value };
  if (code === 'RATE_LIMITED') return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Number(value) || 60) };
  if (code === 'INVALID_CODE') return { kind: 'invalid-code' };
  if (code === 'CHALLENGE_EXPIRED') return { kind: 'challenge-expired' };
  return { kind: 'invalid' };
}

function tooManyAttempts(seconds: number): string {
  return `Too many attempts, try again in ${seconds} s.`;
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [challenge, setChallenge] = useState<string | null>(null);
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
        setChallenge(outcome.challenge);
        setSubmitting(false);
        return;
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
      const outcome = await finish(await signIn('second-factor', { challenge, code, redirect: false }));
      if (!outcome) return;
      if (outcome.kind === 'rate-limited') return fail(tooManyAttempts(outcome.retryAfterSeconds), codeRef.current);
      if (outcome.kind === 'challenge-expired' || outcome.kind === 'mfa-required') {
        setChallenge(null);
        return fail('Your sign-in timed out or had too many wrong codes. Enter your password again.');
      }
      fail(useRecovery ? 'That recovery code is not valid or was already used.' : 'That code is not right or was already used. Enter the current code from your app.', codeRef.current);
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
            <Input
              key="totp"
              ref={codeRef}
              id="code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              placeholder="123456"
              required
              invalid={Boolean(error)}
              className="tracking-[0.3em]"
            />
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

  return (
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
  );
}
