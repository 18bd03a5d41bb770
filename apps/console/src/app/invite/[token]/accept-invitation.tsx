'use client';

import { useMutation } from '@tanstack/react-query';
import { Alert, Button, buttonClasses, FormField, Input } from '@vouch/ui';
import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '~/app/(dashboard)/settings/_components/errors';
import { useTRPC } from '~/trpc/react';

export interface TAcceptInvitationProps {
  token: string;
  invitation: { tenantName: string; email: string };
  /** The signed-in user's email, or null. */
  signedInAs: string | null;
  minPasswordLength: number;
}

export function AcceptInvitation({ token, invitation, signedInAs, minPasswordLength }: TAcceptInvitationProps) {
  if (!signedInAs) return <CreateAccount token={token} invitation={invitation} minPasswordLength={minPasswordLength} />;
  if (signedInAs.toLowerCase() !== invitation.email.toLowerCase()) {
    return (
      <div className="space-y-4">
        <Alert tone="warning" title="This invitation is for someone else">
          You are signed in as {signedInAs}, but the invitation is for {invitation.email}. Sign out, then open the link again and sign in or create the
          account for {invitation.email}.
        </Alert>
        <Button variant="secondary" className="w-full" onClick={() => void signOut({ callbackUrl: `/invite/${token}` })}>
          Sign out and continue
        </Button>
      </div>
    );
  }
  return <AcceptAsSignedIn token={token} invitation={invitation} email={signedInAs} />;
}

function AcceptAsSignedIn({ token, invitation, email }: { token: string; invitation: TAcceptInvitationProps['invitation']; email: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: () => {
        router.replace('/');
        router.refresh();
      },
    }),
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        You are signed in as <span className="font-medium text-slate-900">{email}</span>. Accepting adds {invitation.tenantName} to your workspaces;
        switch to it with the workspace menu.
      </p>
      {accept.isError ? <Alert tone="error">{errorMessage(accept.error)}</Alert> : null}
      <Button className="w-full" disabled={accept.isPending || accept.isSuccess} aria-busy={accept.isPending} onClick={() => accept.mutate({ token })}>
        {accept.isPending || accept.isSuccess ? 'Joining…' : `Accept as ${email}`}
      </Button>
    </div>
  );
}

function CreateAccount({ token, invitation, minPasswordLength }: Omit<TAcceptInvitationProps, 'signedInAs'>) {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<{ name?: string; password?: string; confirm?: string }>({});
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;

  if (accept.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success" title="Your account is ready">
          You joined {invitation.tenantName}. Sign in with {invitation.email} and the password you just chose.
        </Alert>
        <Link href="/sign-in?callbackUrl=%2F" className={buttonClasses('primary', 'md', 'w-full')}>
          Sign in
        </Link>
      </div>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const confirm = String(form.get('confirm') ?? '');
    const next = {
      name: name ? undefined : 'Enter your name.',
      password: password.length >= minPasswordLength ? undefined : `Use at least ${minPasswordLength} characters.`,
      confirm: confirm === password ? undefined : 'The passwords do not match.',
    };
    setErrors(next);
    if (next.name || next.password || next.confirm) return;
    accept.mutate({ token, newAccount: { name, password } });
  }

  const accountExists = accept.isError && /exists/i.test(accept.error.message);

  return (
    <>
      <h2 className="text-base font-semibold text-slate-900">Create your account</h2>
      <p className="mt-1 text-sm text-slate-600">
        Your account will use <span className="font-medium text-slate-900">{invitation.email}</span>.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-5 space-y-5">
        <FormField id="name" label="Your name" error={errors.name}>
          <Input id="name" name="name" autoComplete="name" required invalid={Boolean(errors.name)} aria-describedby={errors.name ? 'name-error' : undefined} />
        </FormField>
        <FormField id="password" label="Password" error={errors.password} hint={`At least ${minPasswordLength} characters. A passphrase of a few words works well.`}>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={minPasswordLength}
            invalid={Boolean(errors.password)}
            aria-describedby={errors.password ? 'password-error' : 'password-hint'}
          />
        </FormField>
        <FormField id="confirm" label="Confirm password" error={errors.confirm}>
          <Input
            id="confirm"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            invalid={Boolean(errors.confirm)}
            aria-describedby={errors.confirm ? 'confirm-error' : undefined}
          />
        </FormField>
        {accept.isError ? (
          <Alert tone="error">
            {errorMessage(accept.error)}
            {accountExists ? (
              <>
                {' '}
                <Link href={signInHref} className="font-semibold underline">
                  Sign in
                </Link>
              </>
            ) : null}
          </Alert>
        ) : null}
        <Button type="submit" className="w-full" disabled={accept.isPending} aria-busy={accept.isPending}>
          {accept.isPending ? 'Creating account…' : `Create account and join ${invitation.tenantName}`}
        </Button>
      </form>
      <p className="mt-6 border-t border-slate-200 pt-4 text-sm text-slate-600">
        I already have an account →{' '}
        <Link href={signInHref} className="font-semibold text-indigo-700 hover:text-indigo-600">
          Sign in
        </Link>{' '}
        to accept as {invitation.email}.
      </p>
    </>
  );
}
