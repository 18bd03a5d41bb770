'use client';

import { Alert, Button, Dialog, DialogActions } from '@vouch/ui';
import { errorMessage } from './errors';

/** The state of the mutation a confirmation runs (a tanstack-query mutation fits). */
interface TConfirmMutation {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset: () => void;
}

/**
 * A "this cannot be undone" confirmation: the description, the server's error if the action was
 * refused, Cancel and a danger button that shows progress. Closing clears a previous error.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  pendingLabel,
  mutation,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  description: string | undefined;
  confirmLabel: string;
  pendingLabel: string;
  mutation: TConfirmMutation;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={description}>
      {open ? (
        <>
          {mutation.isError ? <Alert tone="error">{errorMessage(mutation.error)}</Alert> : null}
          <DialogActions>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button variant="danger" disabled={mutation.isPending} aria-busy={mutation.isPending} onClick={onConfirm}>
              {mutation.isPending ? pendingLabel : confirmLabel}
            </Button>
          </DialogActions>
        </>
      ) : null}
    </Dialog>
  );
}
