'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dialog, DialogActions, Label, Textarea } from '@vouch/ui';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import type { TVersion } from './api-types';

export interface TReviewRequest {
  version: TVersion;
  decision: 'approve' | 'reject';
}

export function ReviewDialog({ request, sourceName, onClose }: { request: TReviewRequest | null; sourceName: string; onClose: () => void }) {
  const title = request ? `${request.decision === 'approve' ? 'Approve' : 'Reject'} version ${request.version.version}?` : '';
  return (
    <Dialog
      open={request !== null}
      onClose={onClose}
      title={title}
      description={
        request
          ? request.decision === 'approve'
            ? `Agents will cite version ${request.version.version} of ${sourceName} from now on, in place of any earlier approved version.`
            : `Version ${request.version.version} of ${sourceName} will never be served. Any version serving now keeps serving.`
          : undefined
      }
    >
      {request ? <ReviewForm request={request} onClose={onClose} /> : null}
    </Dialog>
  );
}

function ReviewForm({ request, onClose }: { request: TReviewRequest; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const { version, decision } = request;
  // The server refuses to approve a quarantined version without a note; say so before it has to.
  const noteRequired = decision === 'approve' && version.status === 'quarantined';
  const review = useMutation(
    trpc.knowledge.review.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() });
        onClose();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = note.trim();
    if (noteRequired && !trimmed) {
      setNoteError('Say why this version is safe to serve despite the quarantine.');
      return;
    }
    setNoteError(null);
    review.mutate({ versionId: version.id, decision, note: trimmed || null });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {version.status === 'quarantined' && version.quarantineReason ? (
        <Alert tone="warning" title="Quarantined by the guard">
          {version.quarantineReason}
        </Alert>
      ) : null}
      <div className="space-y-1.5">
        <Label htmlFor={noteId}>
          Note {noteRequired ? <span className="font-normal text-slate-500">(required)</span> : <span className="font-normal text-slate-500">(optional)</span>}
        </Label>
        <Textarea
          id={noteId}
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          invalid={Boolean(noteError)}
          aria-describedby={noteError ? `${noteId}-error` : `${noteId}-hint`}
          autoFocus
        />
        {noteError ? (
          <p id={`${noteId}-error`} className="text-sm text-red-700">
            {noteError}
          </p>
        ) : (
          <p id={`${noteId}-hint`} className="text-xs text-slate-500">
            Kept with the version and in the audit trail.
          </p>
        )}
      </div>
      {review.isError ? <Alert tone="error">{errorMessage(review.error)}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" variant={decision === 'approve' ? 'primary' : 'danger'} disabled={review.isPending} aria-busy={review.isPending}>
          {review.isPending ? 'Saving…' : decision === 'approve' ? 'Approve version' : 'Reject version'}
        </Button>
      </DialogActions>
    </form>
  );
}
