import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { requireSessionForEnrolment } from '~/server/auth';
import { EnrolClient, EnrolSignOut } from './enrol-client';
import { Brand } from '../../_components/brand';

export const metadata: Metadata = { title: 'Set up two-factor authentication' };
export const dynamic = 'force-dynamic';

/**
 * The one page a user may see while a tenant requires MFA of them and they have none; every
 * other page redirects here and the API refuses their tenant calls.
 */
export default async function MfaEnrolPage() {
  const session = await requireSessionForEnrolment();
  if (session.mfa?.enabled) redirect('/account');
  const requiredBy = session.mfa?.requiredBy ?? [];
  return (
    <main className="flex min-h-full flex-col px-4 py-12 sm:px-6">
      <div className="mx-auto w-full max-w-xl">
        <div className="flex items-center justify-between">
          <Brand />
          <EnrolSignOut />
        </div>
        <h1 className="mt-8 text-2xl font-semibold tracking-tight text-slate-900">Set up two-factor authentication</h1>
        <p className="mt-2 text-sm text-slate-600">
          {requiredBy.length > 0
            ? `${requiredBy.join(' and ')} requires two-factor authentication for your role. Set it up to continue to the console.`
            : 'Protect your account with a code from an authenticator app in addition to your password.'}{' '}
          Signed in as <span className="font-medium text-slate-900">{session.user.email}</span>.
        </p>
        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <EnrolClient />
        </div>
      </div>
    </main>
  );
}
