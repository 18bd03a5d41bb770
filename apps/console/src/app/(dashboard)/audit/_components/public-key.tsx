'use client';

import { useQuery } from '@tanstack/react-query';
import { Card, CardBody, CardHeader, CardTitle, CopyField, Skeleton } from '@vouch/ui';
import { useTRPC } from '~/trpc/react';
import { QueryError } from '../../settings/_components/query-error';

/** Auditors pin this key when they verify an export offline, so a re-signed export fails. */
export function AuditPublicKey() {
  const trpc = useTRPC();
  const key = useQuery(trpc.audit.publicKey.queryOptions());
  return (
    <Card>
      <CardHeader>
        <CardTitle>Audit signing key</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">
          Exports are signed with this workspace&apos;s Ed25519 key. Give the public key to your auditors.
        </p>
      </CardHeader>
      <CardBody className="space-y-3">
        {key.isPending ? (
          <Skeleton className="h-10 w-full" />
        ) : key.isError ? (
          <QueryError what="The public key" error={key.error} onRetry={() => void key.refetch()} />
        ) : (
          <>
            <CopyField label="Public key (Ed25519, base64)" value={key.data.raw} />
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
                PEM and how to verify an export
              </summary>
              <pre className="mt-2 overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-800" aria-label="Public key in PEM format">
                {key.data.pem}
              </pre>
              <p className="mt-2 text-slate-600">
                Offline, without access to Vouch:{' '}
                <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs">vouch audit verify-export &lt;dir&gt; --public-key &lt;key&gt;</code>
              </p>
            </details>
          </>
        )}
      </CardBody>
    </Card>
  );
}
