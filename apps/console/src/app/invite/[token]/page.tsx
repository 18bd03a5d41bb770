import { TRPCError } from '@trpc/server';
import { MIN_PASSWORD_LENGTH } from '@vouch/auth';
import { Badge, buttonClasses } from '@vouch/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { ROLE_INFO } from '~/app/(dashboard)/settings/_components/roles';
import { getSession } from '~/server/auth';
import { TRPCReactProvider } from '~/trpc/react';
import { serverApi } from '~/trpc/server';
import { AcceptInvitation } from './accept-invitation';
import { Brand } from '../../_components/brand';

// The token is in the URL: never send it on as a referrer.
export const metadata: Metadata = { title: 'Invitation', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

type TPreviewResult =
  | { ok: true; preview: { tenantName: string; email: string; roles: (keyof typeof ROLE_INFO)[]; expiresAt: Date } }
  | { ok: false; title: string; message: string; signInHint: boolean };

/** Reads the invitation; every way it can fail becomes a page that says what happened. */
async function loadPreview(token: string): Promise<TPreviewResult> {
  if (!TOKEN.test(token)) {
    return {
      ok: false,
      title: 'This invitation link is not valid',
      message: 'The link is incomplete or malformed. Copy the whole link from the message you received, or ask for a new invitation.',
      signInHint: false,
    };
  }
  try {
    const api = await serverApi();
    return { ok: true, preview: await api.invitations.preview({ token }) };
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code === 'INTERNAL_SERVER_ERROR') {
      return { ok: false, title: 'The invitation could not be loaded', message: 'Something went wrong on our side. Please try again in a moment.', signInHint: false };
    }
    const message = error.message;
    if (error.code === 'NOT_FOUND') return { ok: false, title: 'This invitation link is not valid', message, signInHint: false };
    if (/expired/i.test(message)) return { ok: false, title: 'This invitation has expired', message, signInHint: false };
    if (/withdrawn/i.test(message)) return { ok: false, title: 'This invitation was withdrawn', message, signInHint: false };
    if (/already used/i.test(message)) return { ok: false, title: 'This invitation was already used', message: `${message} If it was you, sign in.`, signInHint: true };
    return { ok: false, title: 'This invitation cannot be used', message, signInHint: false };
  }
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-full flex-col justify-center px-4 py-12 sm:px-6">
      <div className="mx-auto w-full max-w-md">
        <Brand />
        {children}
      </div>
    </main>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [result, session] = await Promise.all([loadPreview(token), getSession()]);

  if (!result.ok) {
    return (
      <Frame>
        <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900">{result.title}</h1>
        <div role="alert" className="mt-4 rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          {result.message}
        </div>
        <p className="mt-6 text-sm text-slate-600">Invitations work once and expire. The person who invited you can send a new link from Settings → Members.</p>
        <Link href={session ? '/' : '/sign-in'} className={buttonClasses(result.signInHint ? 'primary' : 'secondary', 'md', 'mt-6')}>
          {session ? 'Go to the console' : 'Sign in'}
        </Link>
      </Frame>
    );
  }

  const { preview } = result;
  return (
    <Frame>
      <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900">Join {preview.tenantName} on Vouch</h1>
      <p className="mt-2 text-sm text-slate-600">You have been invited to the {preview.tenantName} workspace.</p>
      <dl className="mt-6 space-y-4 rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-sm">
        <div>
          <dt className="font-medium text-slate-500">Workspace</dt>
          <dd className="mt-0.5 text-slate-900">{preview.tenantName}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-500">Invitation for</dt>
          <dd className="mt-0.5 text-slate-900">{preview.email}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-500">Roles</dt>
          <dd className="mt-1">
            <ul className="space-y-2">
              {preview.roles.map((role) => (
                <li key={role}>
                  <Badge tone="indigo">{ROLE_INFO[role].label}</Badge>
                  <span className="ml-2 text-slate-600">{ROLE_INFO[role].description}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-500">Link expires</dt>
          <dd className="mt-0.5 text-slate-900">
            <time dateTime={preview.expiresAt.toISOString()}>{DATE.format(preview.expiresAt)} UTC</time>
          </dd>
        </div>
      </dl>
      <div className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <TRPCReactProvider>
          <AcceptInvitation
            token={token}
            invitation={{ tenantName: preview.tenantName, email: preview.email }}
            signedInAs={session ? session.user.email : null}
            minPasswordLength={MIN_PASSWORD_LENGTH}
          />
        </TRPCReactProvider>
      </div>
    </Frame>
  );
}
