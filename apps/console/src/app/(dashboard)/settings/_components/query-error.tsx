'use client';

import { Alert, Button } from '@vouch/ui';
import { errorMessage } from './errors';

/** A failed load: the server's message and a retry, never a blank area. */
export function QueryError({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <Alert tone="error" title={`${what} could not be loaded`}>
      <p>{errorMessage(error)}</p>
      <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
