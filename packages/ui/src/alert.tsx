import type { HTMLAttributes } from 'react';
import { cn } from './cn';

export type TAlertTone = 'error' | 'success' | 'warning' | 'info';

const TONES: Record<TAlertTone, string> = {
  error: 'bg-red-50 text-red-800 ring-red-200',
  success: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  warning: 'bg-amber-50 text-amber-900 ring-amber-200',
  info: 'bg-indigo-50 text-indigo-900 ring-indigo-200',
};

export interface TAlertProps extends HTMLAttributes<HTMLDivElement> {
  tone?: TAlertTone;
  title?: string;
}

/**
 * An inline message. Errors are announced at once (role="alert"); the others politely
 * (role="status"), so a screen reader is not interrupted by good news.
 */
export function Alert({ tone = 'info', title, className, children, ...props }: TAlertProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('rounded-md px-3 py-2 text-sm ring-1 ring-inset', TONES[tone], className)}
      {...props}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
    </div>
  );
}
