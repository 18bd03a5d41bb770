import type { ReactNode } from 'react';
import { Label } from './label';

export interface TFormFieldProps {
  /** The control's id; the error and hint paragraphs get `${id}-error` and `${id}-hint`. */
  id: string;
  label: string;
  /** Shown under the control instead of the hint while there is an error. */
  error?: string;
  hint?: string;
  children: ReactNode;
}

/** A labelled form control with its error (red) or hint (grey) under it. */
export function FormField({ id, label, error, hint, children }: TFormFieldProps) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The `aria-describedby` value for a control in a FormField: its error if any, else its hint if it has one. */
export function fieldDescribedBy(id: string, error?: string, hint?: string): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}
