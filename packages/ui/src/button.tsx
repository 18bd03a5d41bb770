import type { ComponentProps } from 'react';
import { cn } from './cn';

export type TButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type TButtonSize = 'sm' | 'md';

const VARIANTS: Record<TButtonVariant, string> = {
  primary: 'bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 disabled:bg-indigo-400',
  secondary:
    'bg-white text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:text-slate-400',
  ghost: 'text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-400',
  danger: 'bg-red-600 text-white shadow-sm hover:bg-red-500 disabled:bg-red-400',
};

const SIZES: Record<TButtonSize, string> = {
  sm: 'h-8 px-3 text-sm',
  md: 'h-10 px-4 text-sm',
};

/** Shared class string, so links styled as buttons look the same as buttons. */
export function buttonClasses(variant: TButtonVariant = 'primary', size: TButtonSize = 'md', className?: string) {
  return cn(
    'inline-flex items-center justify-center gap-2 rounded-md font-semibold transition-colors',
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
    'disabled:cursor-not-allowed',
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export interface TButtonProps extends ComponentProps<'button'> {
  variant?: TButtonVariant;
  size?: TButtonSize;
}

export function Button({ variant, size, className, type = 'button', ...props }: TButtonProps) {
  return <button type={type} className={buttonClasses(variant, size, className)} {...props} />;
}
