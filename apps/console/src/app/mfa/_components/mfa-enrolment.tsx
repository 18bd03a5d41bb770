'use client';

import { useMutation } from '@tanstack/react-query';
import { Button, CodeInput, Label } from '@vouch/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';

/** Groups a base32 secret in fours so it can be typed into an app without losing one's place. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Save these recovery codes somewhere safe, such as a password manager. Each code signs you in once if you lose your
        authenticator app. <strong className="font-semibold text-slate-900">They will not be shown again.</strong>
      </p>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 ring-1 ring-inset ring-slate-200">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          void navigator.clipboard?.writeText(codes.join('\n')).then(() => setCopied(true));
        }}
      >
        {copied ? 'Copied' : 'Copy codes'}
      </Button>
    </div>
  );
}

/**
 * Setting up an authenticator app: a QR code and the same secret as text, then a code from the
 * app to confirm before MFA is turned on; ends with the recovery codes, shown once.
 */
export function MfaEnrolment({ autoStart, onDone, doneLabel }: { autoStart: boolean; onDone: () => void; doneLabel: string }) {
  const trpc = useTRPC();
  const start = useMutation(trpc.account.startMfaEnrolment.mutationOptions());
  const confirm = useMutation(trpc.account.confirmMfaEnrolment.mutationOptions());
  const started = useRef(false);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!autoStart || started.current) return;
    started.current = true;
    start.mutate();
  }, [autoStart, start]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    confirm.mutate({ code }, { onError: () => codeRef.current?.select() });
  }

  if (confirm.data) {
    return (
      <section aria-labelledby="recovery-heading" className="space-y-5">
        <h2 id="recovery-heading" className="text-lg font-semibold text-slate-900">
          Two-factor authentication is on
        </h2>
        <RecoveryCodes codes={confirm.data.recoveryCodes} />
        <Button onClick={onDone}>{doneLabel}</Button>
      </section>
    );
  }

  if (!start.data) {
    return (
      <div className="space-y-4">
        {start.isError ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
            {start.error.message}
          </p>
        ) : null}
        {start.isPending ? (
          <p className="text-sm text-slate-600" aria-live="polite">
            Preparing your authenticator setup…
          </p>
        ) : (
          <Button onClick={() => start.mutate()}>{start.isError ? 'Try again' : 'Set up authenticator app'}</Button>
        )}
      </div>
    );
  }

  const { secret, qrDataUrl } = start.data;
  return (
    <div className="space-y-6">
      <ol className="space-y-6">
        <li className="space-y-3">
          <h2 className="text-sm font-semibold text-slate-900">1. Scan this QR code with your authenticator app</h2>
          <p className="text-sm text-slate-600">Any TOTP app works: 1Password, Google Authenticator, Authy, Microsoft Authenticator…</p>
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
            {/* A data URL generated on the server: nothing is fetched from elsewhere. */}
            <img src={qrDataUrl} alt="QR code for your authenticator app" width={176} height={176} className="rounded-lg ring-1 ring-slate-200" />
            <div className="min-w-0 space-y-1">
              <p className="text-sm text-slate-600">Can&apos;t scan? Enter this key instead:</p>
              <code data-testid="mfa-secret" data-secret={secret} className="block rounded-md bg-slate-50 px-3 py-2 font-mono text-sm break-words text-slate-900 ring-1 ring-inset ring-slate-200">
                {groupSecret(secret)}
              </code>
            </div>
          </div>
        </li>
        <li>
          <form onSubmit={onSubmit} className="space-y-3" aria-describedby={confirm.isError ? 'enrol-error' : undefined}>
            <h2 className="text-sm font-semibold text-slate-900">2. Enter the 6-digit code the app shows</h2>
            <div className="max-w-xs space-y-1.5">
              <Label htmlFor="enrol-code">Authentication code</Label>
              <CodeInput ref={codeRef} id="enrol-code" invalid={confirm.isError} />
            </div>
            {confirm.isError ? (
              <p id="enrol-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
                {confirm.error.message}
              </p>
            ) : null}
            <Button type="submit" disabled={confirm.isPending} aria-busy={confirm.isPending}>
              {confirm.isPending ? 'Checking…' : 'Turn on two-factor authentication'}
            </Button>
          </form>
        </li>
      </ol>
    </div>
  );
}
