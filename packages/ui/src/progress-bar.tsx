import { cn } from './cn';

export type TProgressTone = 'indigo' | 'green' | 'red';

const TONES: Record<TProgressTone, string> = {
  indigo: 'bg-indigo-600',
  green: 'bg-emerald-600',
  red: 'bg-red-600',
};

export interface TProgressBarProps {
  /** 0–100; values outside are clamped. */
  value: number;
  /** The accessible name, e.g. "Ingesting refund-policy.md". */
  label: string;
  /** Read out instead of the bare percentage, e.g. "Processing, 40%". */
  valueText?: string;
  tone?: TProgressTone;
  className?: string;
}

/** A determinate progress bar (role="progressbar"); the width animates between updates. */
export function ProgressBar({ value, label, valueText, tone = 'indigo', className }: TProgressBarProps) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText ?? `${clamped}%`}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-slate-200', className)}
    >
      <div className={cn('h-full rounded-full transition-[width] duration-500 ease-out', TONES[tone])} style={{ width: `${clamped}%` }} />
    </div>
  );
}
