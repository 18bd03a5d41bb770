import type { ReactNode } from 'react';
import { TRPCReactProvider } from '~/trpc/react';
import { activeViewer } from '~/server/auth';
import { NAV_ITEMS } from './_components/nav-items';
import { Shell } from './_components/shell';

export const dynamic = 'force-dynamic';

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { session, membership, permissions } = await activeViewer();
  // Hiding is a convenience; each procedure enforces its own permission on the server.
  const nav = NAV_ITEMS.filter((item) => permissions.has(item.permission)).map(({ href, label, icon }) => ({ href, label, icon }));
  return (
    <TRPCReactProvider>
      <Shell
        nav={nav}
        tenants={session.memberships.map((m) => ({ slug: m.tenantSlug, name: m.tenantName, roles: m.roles }))}
        activeTenant={membership?.tenantSlug ?? ''}
        user={{ email: session.user.email, name: session.user.name }}
      >
        {children}
      </Shell>
    </TRPCReactProvider>
  );
}
