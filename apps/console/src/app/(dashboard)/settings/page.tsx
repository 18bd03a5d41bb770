import { buttonClasses, Badge, Card, CardBody, CardHeader, CardTitle } from '@vouch/ui';
import type { Metadata } from 'next';
import Link from 'next/link';
import { settingsAccess } from './_components/access';
import { roleLabel } from './_components/roles';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsOverviewPage() {
  // The layout has already refused anyone without tenant.settings.read.
  const access = await settingsAccess();
  if (!access) return null;
  const canSeeMembers = access.permissions.includes('members.read');
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>Workspace</CardTitle>
        </CardHeader>
        <CardBody>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
            <div>
              <dt className="text-sm font-medium text-slate-500">Name</dt>
              <dd className="mt-1 text-sm text-slate-900">{access.tenantName}</dd>
            </div>
            <div>
              <dt className="text-sm font-medium text-slate-500">Slug</dt>
              <dd className="mt-1 font-mono text-sm text-slate-900">{access.tenantSlug}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-sm font-medium text-slate-500">Your roles</dt>
              <dd className="mt-1 flex flex-wrap gap-1.5">
                {access.roles.map((role) => (
                  <Badge key={role} tone="indigo">
                    {roleLabel(role)}
                  </Badge>
                ))}
              </dd>
            </div>
          </dl>
          <p className="mt-6 text-sm text-slate-500">
            Renaming a workspace or changing its slug is not available in the console yet; an operator can do it with the{' '}
            <code className="font-mono text-xs">vouch</code> command.
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Administration</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4 text-sm text-slate-600">
          {canSeeMembers ? (
            <div>
              <p>Invite people, change their roles and see who has MFA.</p>
              <Link href="/settings/members" className={buttonClasses('secondary', 'sm', 'mt-2')}>
                Members
              </Link>
            </div>
          ) : null}
          <div>
            <p>Sign-in policy, network allowlist and API keys.</p>
            <Link href="/settings/security" className={buttonClasses('secondary', 'sm', 'mt-2')}>
              Security
            </Link>
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
