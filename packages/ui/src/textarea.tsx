import type { ComponentProps } from 'react';
import { cn } from './cn';

export interface TTextareaProps extends ComponentProps<'textarea'> {
  invalid?: boolean;
}

export function Textarea({ className, invalid, ...props }: TTextareaProps) {
  return (
    <textarea
      aria-invalid={invalid || undefined}
      className={cn(
        'block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset',
        'placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600',
        'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500',
        invalid ? 'ring-red-400' : 'ring-slate-300',
        className,
      )}
      {...props}
    />
  );
}
