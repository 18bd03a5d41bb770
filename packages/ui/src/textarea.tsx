import type { ComponentProps } from 'react';
import { cn } from './cn';
import { fieldClasses } from './input';

export interface TTextareaProps extends ComponentProps<'textarea'> {
  invalid?: boolean;
}

export function Textarea({ className, invalid, ...props }: TTextareaProps) {
  return <textarea aria-invalid={invalid || undefined} className={cn(fieldClasses(invalid), 'py-2', className)} {...props} />;
}
