'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';

export interface TDialogProps {
  open: boolean;
  /** Called on Escape, a click on the backdrop, or the dialog closing itself. */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert, closes
 * on Escape and returns focus to the opener. The content mounts only while open, so a form
 * inside starts fresh every time (and a secret shown inside is gone once closed).
 */
export function Dialog({ open, onClose, title, description, children, className }: TDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onClick={(event) => {
        // The dialog element itself is only hit on the backdrop: its content fills it.
        if (event.target === ref.current) onClose();
      }}
      className={cn(
        'm-auto w-[calc(100%-2rem)] max-w-lg rounded-xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50',
        className,
      )}
    >
      {open ? (
        <div className="px-6 py-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="mt-1 text-sm text-slate-600">
              {description}
            </div>
          ) : null}
          <div className="mt-5">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}

/** The row of buttons at the bottom of a dialog (or any form). */
export function DialogActions({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn('mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end', className)}>{children}</div>;
}

export interface TFormDialogActionsProps {
  onCancel: () => void;
  /** The mutation is running: the submit button is disabled, busy and shows `pendingLabel`. */
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** Disable Cancel too (e.g. while pending, when closing mid-request would lose its outcome). */
  cancelDisabled?: boolean;
}

/** Cancel and a submit button that shows progress: the foot of a form in a dialog. */
export function FormDialogActions({ onCancel, pending, submitLabel, pendingLabel, cancelDisabled }: TFormDialogActionsProps) {
  return (
    <DialogActions>
      <Button variant="secondary" onClick={onCancel} disabled={cancelDisabled}>
        Cancel
      </Button>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </DialogActions>
  );
}
