'use client';

import { cn } from '@vouch/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { InboxNavBadge } from '../inbox/_components/nav-badge';
import { Icon } from './icons';
import type { TNavIcon } from './nav-items';
import { SignOutButton } from './sign-out-button';
import { TenantSwitcher, type TTenantOption } from './tenant-switcher';

export interface TShellProps {
  nav: { href: string; label: string; icon: TNavIcon }[];
  tenants: TTenantOption[];
  activeTenant: string;
  user: { email: string; name: string | null };
  children: ReactNode;
}

function isActive(pathname: string, href: string) {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

export function Shell({ nav, tenants, activeTenant, user, children }: TShellProps) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  // Close the mobile menu on navigation and on Escape.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const sidebar = (
    <div className="flex h-full flex-col gap-6 bg-slate-900 px-4 py-5">
      <div className="flex items-center gap-2 px-2">
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-lg bg-indigo-500 font-bold text-white">
          V
        </span>
        <span className="text-lg font-semibold tracking-tight text-white">Vouch</span>
      </div>
      <div className="px-2">
        <TenantSwitcher tenants={tenants} active={activeTenant} />
      </div>
      <nav aria-label="Main" className="flex-1">
        <ul className="space-y-1">
          {nav.map((item) => {
            const active = isActive(pathname, item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors',
                    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-400',
                    active ? 'bg-slate-800 text-white' : 'text-slate-300 hover:bg-slate-800/60 hover:text-white',
                  )}
                >
                  <Icon name={item.icon} className={cn('size-5', active ? 'text-indigo-400' : 'text-slate-400')} />
                  {item.label}
                  {item.href === '/inbox' ? <InboxNavBadge /> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="flex items-center gap-3 border-t border-slate-800 px-2 pt-4">
        <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-700 text-sm font-semibold text-white uppercase">
          {(user.name ?? user.email).charAt(0)}
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium text-white">{user.name ?? user.email}</p>
          {user.name ? <p className="truncate text-xs text-slate-400">{user.email}</p> : null}
        </div>
        <SignOutButton />
      </div>
    </div>
  );

  return (
    <div className="min-h-full">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-700 focus:shadow"
      >
        Skip to content
      </a>

      {/* Desktop sidebar */}
      <aside className="hidden lg:fixed lg:inset-y-0 lg:flex lg:w-72 lg:flex-col">{sidebar}</aside>

      {/* Mobile top bar and drawer */}
      <div className="sticky top-0 z-30 flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls="mobile-sidebar"
          onClick={() => setOpen((o) => !o)}
          className="inline-flex size-9 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <Icon name={open ? 'close' : 'menu'} />
          <span className="sr-only">{open ? 'Close menu' : 'Open menu'}</span>
        </button>
        <span className="font-semibold text-slate-900">Vouch</span>
      </div>
      {open ? (
        <div className="fixed inset-0 z-40 lg:hidden">
          <button type="button" tabIndex={-1} aria-hidden="true" className="absolute inset-0 bg-slate-900/60" onClick={() => setOpen(false)} />
          <aside id="mobile-sidebar" className="absolute inset-y-0 left-0 w-72 max-w-[85%] shadow-xl">
            {sidebar}
          </aside>
        </div>
      ) : null}

      <main id="main" tabIndex={-1} className="px-4 py-8 focus:outline-none sm:px-6 lg:ml-72 lg:px-10">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
