'use client';

import { useRouter } from 'next/navigation';
import { useId, useTransition } from 'react';
import { switchTenant } from '../actions';

export interface TTenantOption {
  slug: string;
  name: string;
  roles: string[];
}

export function TenantSwitcher({ tenants, active }: { tenants: TTenantOption[]; active: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();

  function onChange(slug: string) {
    startTransition(async () => {
      const result = await switchTenant(slug);
      if (result.ok) router.refresh();
    });
  }

  const current = tenants.find((t) => t.slug === active);
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium uppercase tracking-wide text-slate-400">
        Workspace
      </label>
      <select
        id={id}
        value={active}
        disabled={pending || tenants.length < 2}
        aria-busy={pending}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1.5 block h-10 w-full rounded-md border-0 bg-slate-800 px-3 text-sm font-medium text-white ring-1 ring-inset ring-slate-700 focus:outline-none focus:ring-2 focus:ring-indigo-400 disabled:opacity-80"
      >
        {tenants.map((tenant) => (
          <option key={tenant.slug} value={tenant.slug}>
            {tenant.name}
          </option>
        ))}
      </select>
      {current ? (
        <p className="mt-1.5 text-xs text-slate-400">
          Your role{current.roles.length === 1 ? '' : 's'}: {current.roles.map((r) => r.replace('_', ' ')).join(', ')}
        </p>
      ) : null}
    </div>
  );
}
