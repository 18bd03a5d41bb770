import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSession } from '~/server/auth';
import { SignInForm } from './sign-in-form';
import { Brand } from '../_components/brand';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

interface TSignInSearch {
  callbackUrl?: string;
  /** A next-auth or SSO error code (see sign-in-form.tsx). */
  error?: string;
  /** `/sign-in?workspace=acme` opens single sign-on for that workspace. */
  workspace?: string;
  /** After SSO, when the tenant requires MFA the provider did not assert: the code step. */
  sso_challenge?: string;
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<TSignInSearch> }) {
  if (await getSession()) redirect('/');
  const search = await searchParams;
  const callbackUrl = one(search.callbackUrl);
  const workspace = one(search.workspace)?.toLowerCase();
  // Only same-site paths: an absolute callback would make this an open redirect.
  const next = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/';
  return (
    <main className="flex min-h-full flex-col justify-center px-4 py-12 sm:px-6">
      <div className="mx-auto w-full max-w-sm">
        <Brand />
        <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900">Sign in to the console</h1>
        <p className="mt-2 text-sm text-slate-600">Grounded AI support, with every answer cited and every action audited.</p>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <SignInForm
            callbackUrl={next}
            initialError={one(search.error) ?? null}
            workspace={workspace && /^[a-z0-9][a-z0-9-]{1,62}$/.test(workspace) ? workspace : null}
            ssoChallenge={one(search.sso_challenge) ?? null}
          />
        </div>
      </div>
    </main>
  );
}
