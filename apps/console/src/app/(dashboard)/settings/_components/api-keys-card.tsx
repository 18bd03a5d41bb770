'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPermission } from '@vouch/auth';
import {
  Alert,
  Badge,
  Button,
  Card,
  CardHeader,
  CardTitle,
  Checkbox,
  CopyField,
  DataTable,
  Dialog,
  DialogActions,
  EmptyState,
  FormDialogActions,
  Input,
  Label,
  Select,
  SkeletonRows,
  Td,
} from '@vouch/ui';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import type { TApiKey } from './api-types';
import { errorMessage } from './errors';
import { formatDate, formatDateTime, formatRelative } from './format';
import { ConfirmDialog } from './confirm-dialog';
import { QueryError } from './query-error';
import { PERMISSION_INFO } from './roles';

const EXPIRY_OPTIONS = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: 0, label: 'Never' },
] as const;

const OVERLAP_OPTIONS = [
  { hours: 0, label: 'No overlap — the old key stops now' },
  { hours: 1, label: '1 hour' },
  { hours: 24, label: '24 hours' },
  { hours: 72, label: '72 hours' },
] as const;

type TKeyStatus = 'active' | 'rotating' | 'expired' | 'revoked';

function statusOf(key: TApiKey, now: Date): TKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && key.expiresAt <= now) return 'expired';
  if (key.replacedById) return 'rotating';
  return 'active';
}

const STATUS_BADGE: Record<TKeyStatus, { tone: 'green' | 'amber' | 'neutral' | 'red'; label: string }> = {
  active: { tone: 'green', label: 'Active' },
  rotating: { tone: 'amber', label: 'Rotated' },
  expired: { tone: 'neutral', label: 'Expired' },
  revoked: { tone: 'red', label: 'Revoked' },
};


export function ApiKeysCard({ grantableScopes }: { grantableScopes: TPermission[] }) {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<TApiKey | null>(null);
  const [revoking, setRevoking] = useState<TApiKey | null>(null);
  const now = new Date();

  return (
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <CardTitle>API keys</CardTitle>
          <p className="mt-0.5 text-sm text-slate-500">
            For scripts and integrations: send <code className="font-mono text-xs">Authorization: Bearer vk_…</code>. A key can do only what its scopes
            allow, and is subject to the IP allowlist.
          </p>
        </div>
        <Button onClick={() => setCreating(true)}>Create API key</Button>
      </CardHeader>
      {keys.isPending ? (
        <SkeletonRows label="Loading API keys" rows={2} className="px-5 py-4" rowClassName="h-5" />
      ) : keys.isError ? (
        <div className="px-5 py-4">
          <QueryError what="API keys" error={keys.error} onRetry={() => void keys.refetch()} />
        </div>
      ) : keys.data.length === 0 ? (
        <EmptyState className="m-5" title="No API keys" description="Create a key for each integration, with only the scopes it needs." />
      ) : (
        <DataTable caption="API keys" inset="lg" columns={['Name', 'Scopes', 'Last used', 'Expires', 'Status', { label: 'Actions', srOnly: true }]}>
          {keys.data.map((key) => {
            const status = statusOf(key, now);
            const usable = status === 'active' || status === 'rotating';
            return (
              <tr key={key.id}>
                <Td>
                  <p className="font-medium text-slate-900">{key.name}</p>
                  <p className="font-mono text-xs whitespace-nowrap text-slate-500">vk_{key.prefix}_…</p>
                  <p className="text-xs whitespace-nowrap text-slate-500">Created {formatDate(key.createdAt)}</p>
                </Td>
                <Td>
                  <div className="flex max-w-xs flex-wrap gap-1">
                    {key.scopes.map((scope) => (
                      <Badge key={scope} tone="neutral" className="font-mono">
                        {scope}
                      </Badge>
                    ))}
                  </div>
                </Td>
                <Td className="whitespace-nowrap text-slate-600">
                  {key.lastUsedAt ? (
                    <time dateTime={key.lastUsedAt.toISOString()} title={formatDateTime(key.lastUsedAt)}>
                      {formatRelative(key.lastUsedAt, now)}
                    </time>
                  ) : (
                    'Never'
                  )}
                </Td>
                <Td className="whitespace-nowrap text-slate-600">
                  {key.expiresAt ? (
                    <time dateTime={key.expiresAt.toISOString()} title={formatDateTime(key.expiresAt)}>
                      {key.expiresAt > now ? formatRelative(key.expiresAt, now) : formatDate(key.expiresAt)}
                    </time>
                  ) : (
                    'Never'
                  )}
                </Td>
                <Td>
                  <Badge tone={STATUS_BADGE[status].tone}>{STATUS_BADGE[status].label}</Badge>
                  {status === 'rotating' && key.expiresAt ? <p className="mt-1 text-xs text-slate-500">Works until {formatDateTime(key.expiresAt)}</p> : null}
                </Td>
                <Td className="text-right whitespace-nowrap">
                  {usable ? (
                    <div className="flex justify-end gap-2">
                      {status === 'active' ? (
                        <Button variant="secondary" size="sm" onClick={() => setRotating(key)}>
                          Rotate<span className="sr-only"> {key.name}</span>
                        </Button>
                      ) : null}
                      <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setRevoking(key)}>
                        Revoke<span className="sr-only"> {key.name}</span>
                      </Button>
                    </div>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="Create API key">
        <CreateKeyFlow grantableScopes={grantableScopes} onClose={() => setCreating(false)} />
      </Dialog>
      <Dialog open={rotating !== null} onClose={() => setRotating(null)} title="Rotate API key" description={rotating ? `A new key replaces “${rotating.name}”, with the same scopes.` : undefined}>
        {rotating ? <RotateKeyFlow apiKey={rotating} onClose={() => setRotating(null)} /> : null}
      </Dialog>
      <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}

function useInvalidateKeys() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
}

function ShownOnceKey({ value, onClose }: { value: string; onClose: () => void }) {
  return (
    <div className="space-y-4">
      <Alert tone="warning" title="Copy this key now — it is shown once">
        Vouch keeps only a hash of it. Store it in your secret manager; if it is lost, rotate the key.
      </Alert>
      <CopyField label="API key" value={value} />
      <DialogActions>
        <Button onClick={onClose}>Done</Button>
      </DialogActions>
    </div>
  );
}

function CreateKeyFlow({ grantableScopes, onClose }: { grantableScopes: TPermission[]; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateKeys();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TPermission[]>([]);
  const [expiresInDays, setExpiresInDays] = useState<number>(90);
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; scopes?: string }>({});
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: () => invalidate() }));

  if (create.data) return <ShownOnceKey value={create.data.key} onClose={onClose} />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = {
      name: name.trim() ? undefined : 'Name the key after what uses it, e.g. “Zendesk sync”.',
      scopes: scopes.length > 0 ? undefined : 'Choose at least one scope.',
    };
    setFieldErrors(errors);
    if (errors.name || errors.scopes) return;
    create.mutate({ name: name.trim(), scopes, expiresInDays: expiresInDays || null });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="space-y-1.5">
        <Label htmlFor="key-name">Name</Label>
        <Input
          id="key-name"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          invalid={Boolean(fieldErrors.name)}
          aria-describedby={fieldErrors.name ? 'key-name-error' : undefined}
          autoFocus
        />
        {fieldErrors.name ? (
          <p id="key-name-error" className="text-sm text-red-700">
            {fieldErrors.name}
          </p>
        ) : null}
      </div>
      <fieldset aria-describedby={fieldErrors.scopes ? 'key-scopes-error' : 'key-scopes-hint'}>
        <legend className="text-sm font-medium text-slate-800">Scopes</legend>
        <p id="key-scopes-hint" className="text-sm text-slate-500">
          Only permissions you hold yourself can be given to a key.
        </p>
        <div className="mt-3 grid max-h-64 gap-3 overflow-y-auto pr-1 sm:grid-cols-2">
          {grantableScopes.map((scope) => (
            <Checkbox
              key={scope}
              id={`key-scope-${scope}`}
              checked={scopes.includes(scope)}
              onChange={(event) => setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
              label={<span className="font-mono text-xs">{scope}</span>}
              description={PERMISSION_INFO[scope]}
            />
          ))}
        </div>
        {fieldErrors.scopes ? (
          <p id="key-scopes-error" className="mt-2 text-sm text-red-700">
            {fieldErrors.scopes}
          </p>
        ) : null}
      </fieldset>
      <div className="space-y-1.5">
        <Label htmlFor="key-expiry">Expires after</Label>
        <Select id="key-expiry" value={expiresInDays} onChange={(event) => setExpiresInDays(Number(event.target.value))}>
          {EXPIRY_OPTIONS.map((option) => (
            <option key={option.days} value={option.days}>
              {option.label}
            </option>
          ))}
        </Select>
      </div>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <FormDialogActions onCancel={onClose} pending={create.isPending} pendingLabel="Creating…" submitLabel="Create key" />
    </form>
  );
}

function RotateKeyFlow({ apiKey, onClose }: { apiKey: TApiKey; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateKeys();
  const [overlapHours, setOverlapHours] = useState<number>(24);
  const rotate = useMutation(trpc.apiKeys.rotate.mutationOptions({ onSuccess: () => invalidate() }));

  if (rotate.data) return <ShownOnceKey value={rotate.data.newKey.key} onClose={onClose} />;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        rotate.mutate({ id: apiKey.id, overlapHours });
      }}
      className="space-y-5"
    >
      <div className="space-y-1.5">
        <Label htmlFor="rotate-overlap">Keep the old key working for</Label>
        <Select id="rotate-overlap" value={overlapHours} onChange={(event) => setOverlapHours(Number(event.target.value))} aria-describedby="rotate-overlap-hint">
          {OVERLAP_OPTIONS.map((option) => (
            <option key={option.hours} value={option.hours}>
              {option.label}
            </option>
          ))}
        </Select>
        <p id="rotate-overlap-hint" className="text-sm text-slate-500">
          An overlap lets you deploy the new key before the old one stops working.
        </p>
      </div>
      {rotate.isError ? <Alert tone="error">{errorMessage(rotate.error)}</Alert> : null}
      <FormDialogActions onCancel={onClose} pending={rotate.isPending} pendingLabel="Rotating…" submitLabel="Rotate key" />
    </form>
  );
}

function RevokeKeyDialog({ apiKey, onClose }: { apiKey: TApiKey | null; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateKeys();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open={apiKey !== null}
      title="Revoke API key?"
      description={apiKey ? `“${apiKey.name}” (vk_${apiKey.prefix}_…) stops working at once. This cannot be undone.` : undefined}
      confirmLabel="Revoke key"
      pendingLabel="Revoking…"
      mutation={revoke}
      onConfirm={() => apiKey && revoke.mutate({ id: apiKey.id })}
      onClose={onClose}
    />
  );
}
