import type { ReactNode } from 'react';
import { cn } from './cn';

export interface TEmptyStateProps {
  title: string;
  description: ReactNode;
  /** Optional decorative icon; hidden from assistive technology. */
  icon?: ReactNode;
  action?: ReactNode;
  className?: string;
}

/** What a screen shows when there is nothing yet: says what will live here, never fakes data. */
export function EmptyState({ title, description, icon, action, className }: TEmptyStateProps) {
  return (
    <div
      className={cn(
        'flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center',
        className,
      )}
    >
      {icon ? (
        <div aria-hidden="true" className="mb-4 flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600">
          {icon}
        </div>
      ) : null}
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-2 max-w-md text-sm text-slate-600">{description}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
