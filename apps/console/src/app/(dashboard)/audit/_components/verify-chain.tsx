'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, CardBody, CardHeader, CardTitle } from '@vouch/ui';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';

const REASONS: Record<string, string> = {
  seq_gap: 'an event is missing (the sequence skips a number)',
  prev_hash_mismatch: 'an event does not link to the one before it (replaced or reordered)',
  hash_mismatch: 'an event was changed after it was recorded',
  unauthorized_tombstone: 'an event was emptied outside a signed retention checkpoint',
  checkpoint_invalid: 'the retention checkpoint is not signed by this workspace key',
};

/** Recomputes the whole chain on the server, on request only: it reads every event. */
export function VerifyChain() {
  const trpc = useTRPC();
  const check = useQuery({ ...trpc.audit.verifyChain.queryOptions(), enabled: false, retry: false, gcTime: 0 });
  const result = check.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Chain integrity</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">Recompute every hash from the first event and report the first broken link.</p>
      </CardHeader>
      <CardBody className="space-y-3">
        <Button onClick={() => void check.refetch()} disabled={check.isFetching} aria-describedby="verify-chain-result">
          {check.isFetching ? 'Verifying…' : 'Verify chain'}
        </Button>
        <div id="verify-chain-result" aria-live="polite">
          {check.isError && !check.isFetching ? (
            <Alert tone="error" title="The chain could not be verified">
              {errorMessage(check.error)}
            </Alert>
          ) : result && !check.isFetching ? (
            result.ok ? (
              <Alert tone="success" title="Chain intact">
                <p>
                  {result.eventsChecked.toLocaleString('en')} events verified
                  {result.headSeq ? `, up to event #${result.headSeq}` : ''}.
                  {result.tombstoned > 0 ? ` ${result.tombstoned.toLocaleString('en')} past retention are tombstones under a signed checkpoint.` : ''}
                </p>
                {result.headHash ? (
                  <p className="mt-1 font-mono text-xs break-all" title="Hash of the latest event">
                    Head hash {result.headHash}
                  </p>
                ) : null}
              </Alert>
            ) : (
              <Alert tone="error" title={`Chain broken at event #${result.firstBroken?.seq ?? '?'}`}>
                <p>
                  {REASONS[result.firstBroken?.reason ?? ''] ?? result.firstBroken?.reason}: {result.firstBroken?.detail}.
                </p>
                <p className="mt-1">{result.eventsChecked.toLocaleString('en')} events before it verified.</p>
              </Alert>
            )
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
