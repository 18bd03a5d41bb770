'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { TRPCReactProvider } from '~/trpc/react';
import { MfaEnrolment } from '../_components/mfa-enrolment';

export function EnrolClient() {
  const router = useRouter();
  return (
    <TRPCReactProvider>
      <MfaEnrolment
        autoStart
        doneLabel="Continue to the console"
        onDone={() => {
          router.replace('/');
          router.refresh();
        }}
      />
    </TRPCReactProvider>
  );
}

export function EnrolSignOut() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: '/sign-in' })}
      className="text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      Sign out
    </button>
  );
}
