import type { HTMLAttributes } from 'react';
import { cn } from './cn';

export type TBadgeTone = 'neutral' | 'indigo' | 'green' | 'amber' | 'red';

const TONES: Record<TBadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  indigo: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  red: 'bg-red-50 text-red-700 ring-red-600/20',
};

export interface TBadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: TBadgeTone;
}

/** A short label (role, status). The text carries the meaning; the colour only repeats it. */
export function Badge({ tone = 'neutral', className, ...props }: TBadgeProps) {
  return (
    <span
      className={cn('inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset', TONES[tone], className)}
      {...props}
    />
  );
}
