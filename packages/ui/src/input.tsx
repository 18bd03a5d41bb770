import type { ComponentProps } from 'react';
import { cn } from './cn';

export interface TInputProps extends ComponentProps<'input'> {
  /** Marks the field invalid for styling and assistive technology. */
  invalid?: boolean;
}

export function Input({ className, invalid, ...props }: TInputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(
        'block h-10 w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset',
        'placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600',
        'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500',
        invalid ? 'ring-red-400' : 'ring-slate-300',
        className,
      )}
      {...props}
    />
  );
}
