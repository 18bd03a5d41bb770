'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TRole } from '@vouch/auth';
import { Alert, Button, CopyField, Dialog, DialogActions, FormDialogActions, Input, Label, Select } from '@vouch/ui';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from './errors';
import { formatDateTime } from './format';
import { RolePicker } from './role-picker';
import { roleLabel } from './roles';

const EXPIRY_OPTIONS = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 720, label: '30 days' },
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface TInviteDialogProps {
  open: boolean;
  onClose: () => void;
  tenantName: string;
  assignable: readonly TRole[];
}

export function InviteDialog({ open, onClose, tenantName, assignable }: TInviteDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title={`Invite someone to ${tenantName}`}>
      <InviteFlow onClose={onClose} assignable={assignable} />
    </Dialog>
  );
}

/** The form, then the link. Unmounted on close, so the link cannot be shown a second time. */
function InviteFlow({ onClose, assignable }: { onClose: () => void; assignable: readonly TRole[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<TRole[]>([]);
  const [expiresInHours, setExpiresInHours] = useState<number>(72);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; roles?: string }>({});
  const create = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = {
      email: EMAIL.test(email.trim()) ? undefined : 'Enter an email address like name@example.com.',
      roles: roles.length > 0 ? undefined : 'Choose at least one role.',
    };
    setFieldErrors(errors);
    if (errors.email || errors.roles) return;
    create.mutate({ email: email.trim(), roles, expiresInHours });
  }

  if (create.data) {
    const link = `${window.location.origin}/invite/${create.data.token}`;
    const { invitation } = create.data;
    return (
      <div className="space-y-4">
        <Alert tone="warning" title="Copy this link now — it is shown once">
          Vouch stores only a fingerprint of it. Send it to {invitation.email} over a channel you trust; anyone holding it can join as{' '}
          {invitation.roles.map(roleLabel).join(', ')} until {formatDateTime(invitation.expiresAt)} or until it is used.
        </Alert>
        <CopyField label="Invitation link" value={link} />
        <DialogActions>
          <Button onClick={onClose}>Done</Button>
        </DialogActions>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="space-y-1.5">
        <Label htmlFor="invite-email">Email</Label>
        <Input
          id="invite-email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          invalid={Boolean(fieldErrors.email)}
          aria-describedby={fieldErrors.email ? 'invite-email-error' : undefined}
          autoFocus
        />
        {fieldErrors.email ? (
          <p id="invite-email-error" className="text-sm text-red-700">
            {fieldErrors.email}
          </p>
        ) : null}
      </div>
      <RolePicker idPrefix="invite" legend="Roles" value={roles} onChange={setRoles} assignable={assignable} error={fieldErrors.roles} />
      <div className="space-y-1.5">
        <Label htmlFor="invite-expiry">Link expires after</Label>
        <Select id="invite-expiry" value={expiresInHours} onChange={(event) => setExpiresInHours(Number(event.target.value))}>
          {EXPIRY_OPTIONS.map((option) => (
            <option key={option.hours} value={option.hours}>
              {option.label}
            </option>
          ))}
        </Select>
      </div>
      {create.isError ? <Alert tone="error">{errorMessage(create.error)}</Alert> : null}
      <FormDialogActions onCancel={onClose} pending={create.isPending} pendingLabel="Creating link…" submitLabel="Create invitation link" />
    </form>
  );
}
