import { useId, type ComponentProps, type ReactNode } from 'react';
import { cn } from './cn';

export interface TCheckboxProps extends Omit<ComponentProps<'input'>, 'type'> {
  label: ReactNode;
  /** One line under the label, tied to the box with aria-describedby. */
  description?: ReactNode;
}

/** A checkbox with its label (the whole row is clickable) and an optional description. */
export function Checkbox({ label, description, className, id, disabled, ...props }: TCheckboxProps) {
  const autoId = useId();
  const boxId = id ?? autoId;
  const descriptionId = description ? `${boxId}-description` : undefined;
  return (
    <div className={cn('flex gap-3', className)}>
      <input
        id={boxId}
        type="checkbox"
        disabled={disabled}
        aria-describedby={descriptionId}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed"
        {...props}
      />
      <div className="min-w-0 text-sm">
        <label htmlFor={boxId} className={cn('font-medium', disabled ? 'text-slate-400' : 'text-slate-800')}>
          {label}
        </label>
        {description ? (
          <p id={descriptionId} className="text-slate-500">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
