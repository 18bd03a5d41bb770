'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Icon } from './icons';

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: '/sign-in' });
      }}
      className="inline-flex size-9 shrink-0 items-center justify-center rounded-md text-slate-400 hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400"
    >
      <Icon name="logout" />
      <span className="sr-only">Sign out</span>
    </button>
  );
}
