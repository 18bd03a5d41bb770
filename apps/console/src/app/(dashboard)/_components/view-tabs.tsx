import { cn } from '@vouch/ui';
import Link from 'next/link';
import type { ReactNode } from 'react';

export interface TViewTab {
  id: string;
  href: string;
  label: string;
  current: boolean;
  /** After the label, e.g. a count. */
  badge?: ReactNode;
}

/**
 * Links between the views of a list card. Each view is its own URL, so the current one is marked
 * with aria-current rather than the tablist pattern; Tab moves between them.
 */
export function ViewTabs({ label, tabs }: { label: string; tabs: TViewTab[] }) {
  return (
    <nav aria-label={label} className="border-b border-slate-200 px-4">
      <ul className="-mb-px flex gap-5 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <Link
              href={tab.href}
              aria-current={tab.current ? 'page' : undefined}
              className={cn(
                'inline-flex items-center gap-2 border-b-2 px-1 pt-3 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors',
                'focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
                tab.current ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
              )}
            >
              {tab.label}
              {tab.badge}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
