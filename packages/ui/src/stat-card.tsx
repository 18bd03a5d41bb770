import type { ReactNode } from 'react';
import { cn } from './cn';

export interface TStatCardProps {
  label: string;
  value: number | string;
  /** One short line under the number, e.g. what the figure counts. */
  hint?: ReactNode;
  className?: string;
}

/** A labelled figure. Rendered as a description list item pair so screen readers read "label: value". */
export function StatCard({ label, value, hint, className }: TStatCardProps) {
  return (
    <div className={cn('rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-sm', className)}>
      <dl>
        <dt className="text-sm font-medium text-slate-500">{label}</dt>
        <dd className="mt-1 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      </dl>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}
