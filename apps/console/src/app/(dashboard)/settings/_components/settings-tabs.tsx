'use client';

import { cn } from '@vouch/ui';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface TSettingsTab {
  href: string;
  label: string;
}

/**
 * Sub-navigation between settings pages. These are links (each tab is its own URL), so the
 * current one is marked with aria-current rather than the tablist pattern; Tab moves between them.
 */
export function SettingsTabs({ tabs }: { tabs: TSettingsTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="mb-8 border-b border-slate-200">
      <ul className="-mb-px flex gap-6 overflow-x-auto">
        {tabs.map((tab) => {
          const active = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex border-b-2 px-1 pt-1 pb-3 text-sm font-medium whitespace-nowrap transition-colors',
                  'focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
                  active ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
