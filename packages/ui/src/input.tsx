import type { ComponentProps } from 'react';
import { cn } from './cn';

export interface TInputProps extends ComponentProps<'input'> {
  /** Marks the field invalid for styling and assistive technology. */
  invalid?: boolean;
}

/** The look Input and Textarea share: a ring, red when invalid and indigo on focus, and the disabled state. */
export function fieldClasses(invalid: boolean | undefined): string {
  return cn(
    'block w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset',
    'placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600',
    'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500',
    invalid ? 'ring-red-400' : 'ring-slate-300',
  );
}

export function Input({ className, invalid, ...props }: TInputProps) {
  return <input aria-invalid={invalid || undefined} className={cn(fieldClasses(invalid), 'h-10', className)} {...props} />;
}

/**
 * The 6-digit code of an authenticator app: numeric keyboard, one-time-code autofill, spaced
 * digits. Named `code` and required unless the props say otherwise.
 */
export function CodeInput({ className, ...props }: TInputProps) {
  return (
    <Input
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      placeholder="123456"
      required
      className={cn('tracking-[0.3em]', className)}
      {...props}
    />
  );
}
