import type { Metadata } from 'next';
import { activeViewer } from '~/server/auth';
import { PageHeader } from '../_components/page-header';
import { AccountSecurity } from './account-security';

export const metadata: Metadata = { title: 'Account security' };

export default async function AccountPage() {
  const { session } = await activeViewer();
  return (
    <>
      <PageHeader
        eyebrow="Account"
        title="Security"
        description={
          <>
            Two-factor authentication and the browsers signed in as <span className="font-medium text-slate-900">{session.user.email}</span>. These
            settings are yours, across every workspace you belong to.
          </>
        }
      />
      <AccountSecurity />
    </>
  );
}
