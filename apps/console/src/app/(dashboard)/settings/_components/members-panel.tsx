'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRole } from '@vouch/auth';
import { Alert, Badge, Button, Card, CardHeader, CardTitle, DataTable, Dialog, EmptyState, FormDialogActions, Skeleton, Td } from '@vouch/ui';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '~/trpc/react';
import type { TInvitation, TMember } from './api-types';
import { errorMessage } from './errors';
import { formatDate, formatDateTime, formatRelative } from './format';
import { InviteDialog } from './invite-dialog';
import { ConfirmDialog } from './confirm-dialog';
import { QueryError } from './query-error';
import { RolePicker } from './role-picker';
import { ROLE_ORDER, roleLabel } from './roles';

export interface TMembersPanelProps {
  me: { userId: string; roles: TRole[] };
  canManage: boolean;
  tenantName: string;
}

/**
 * Mirrors core's role-rights rule so the buttons match what the server will allow: owners
 * manage anyone; admins manage non-owners other than themselves. The server decides regardless.
 */
function mayManage(me: TMembersPanelProps['me'], member: TMember): boolean {
  if (me.roles.includes('owner')) return true;
  if (!me.roles.includes('admin')) return false;
  return member.userId !== me.userId && !member.roles.includes('owner');
}

function assignableRoles(me: TMembersPanelProps['me']): TRole[] {
  return me.roles.includes('owner') ? ROLE_ORDER : ROLE_ORDER.filter((r) => r !== 'owner');
}

export function MembersPanel({ me, canManage, tenantName }: TMembersPanelProps) {
  const [inviting, setInviting] = useState(false);
  return (
    <div className="space-y-8">
      <MembersCard me={me} canManage={canManage} tenantName={tenantName} onInvite={() => setInviting(true)} />
      <InvitationsCard canManage={canManage} />
      {canManage ? <InviteDialog open={inviting} onClose={() => setInviting(false)} tenantName={tenantName} assignable={assignableRoles(me)} /> : null}
    </div>
  );
}

function TableSkeleton({ columns, label }: { columns: number; label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-3 px-5 py-4">
      {[0, 1, 2].map((row) => (
        <div key={row} className="flex gap-4">
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className="h-5 flex-1" />
          ))}
        </div>
      ))}
    </div>
  );
}


function MembersCard({ me, canManage, tenantName, onInvite }: TMembersPanelProps & { onInvite: () => void }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions());
  const [editing, setEditing] = useState<TMember | null>(null);
  const [removing, setRemoving] = useState<TMember | null>(null);

  return (
    <Card>
      <CardHeader className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <CardTitle>Members</CardTitle>
          <p className="mt-0.5 text-sm text-slate-500">
            {members.data ? `${members.data.length} ${members.data.length === 1 ? 'person has' : 'people have'} access to ${tenantName}.` : `People with access to ${tenantName}.`}
          </p>
        </div>
        {canManage ? <Button onClick={onInvite}>Invite member</Button> : null}
      </CardHeader>
      {members.isPending ? (
        <TableSkeleton columns={4} label="Loading members" />
      ) : members.isError ? (
        <div className="px-5 py-4">
          <QueryError what="Members" error={members.error} onRetry={() => void members.refetch()} />
        </div>
      ) : members.data.length === 0 ? (
        <EmptyState className="m-5" title="No members" description="Nobody has access to this workspace yet. Invite someone to get started." />
      ) : (
        <DataTable caption={<>Members of {tenantName}</>} inset="lg" columns={['Member', 'Roles', 'MFA', 'Joined', canManage && { label: 'Actions', srOnly: true }]}>
          {members.data.map((member) => {
            const manageable = canManage && mayManage(me, member);
            return (
              <tr key={member.userId}>
                <Td>
                  <p className="font-medium text-slate-900">
                    {member.name ?? member.email}
                    {member.userId === me.userId ? <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span> : null}
                  </p>
                  {member.name ? <p className="text-slate-500">{member.email}</p> : null}
                </Td>
                <Td>
                  <ul className="flex flex-wrap gap-1.5" aria-label="Roles">
                    {member.roles.map((role) => (
                      <li key={role}>
                        <Badge tone="indigo">{roleLabel(role)}</Badge>
                      </li>
                    ))}
                  </ul>
                </Td>
                <Td>
                  <Badge tone={member.mfaEnabled ? 'green' : 'amber'}>{member.mfaEnabled ? 'MFA on' : 'MFA off'}</Badge>
                </Td>
                <Td className="whitespace-nowrap text-slate-600">
                  <time dateTime={member.joinedAt.toISOString()}>{formatDate(member.joinedAt)}</time>
                </Td>
                {canManage ? (
                  <Td className="text-right whitespace-nowrap">
                    {manageable ? (
                      <div className="flex justify-end gap-2">
                        <Button variant="secondary" size="sm" onClick={() => setEditing(member)}>
                          Edit roles<span className="sr-only"> of {member.email}</span>
                        </Button>
                        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setRemoving(member)}>
                          Remove<span className="sr-only"> {member.email}</span>
                        </Button>
                      </div>
                    ) : (
                      <span className="text-xs text-slate-400">{member.userId === me.userId ? 'Ask an owner' : 'Owners only'}</span>
                    )}
                  </Td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      )}
      <EditRolesDialog member={editing} onClose={() => setEditing(null)} assignable={assignableRoles(me)} />
      <RemoveMemberDialog member={removing} onClose={() => setRemoving(null)} tenantName={tenantName} />
    </Card>
  );
}

function EditRolesDialog({ member, onClose, assignable }: { member: TMember | null; onClose: () => void; assignable: readonly TRole[] }) {
  return (
    <Dialog open={member !== null} onClose={onClose} title="Edit roles" description={member ? `Roles of ${member.name ?? member.email} in this workspace.` : undefined}>
      {member ? <EditRolesForm member={member} onClose={onClose} assignable={assignable} /> : null}
    </Dialog>
  );
}

function EditRolesForm({ member, onClose, assignable }: { member: TMember; onClose: () => void; assignable: readonly TRole[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<TRole[]>(member.roles);
  const [roleError, setRoleError] = useState<string | null>(null);
  const update = useMutation(
    trpc.members.updateRoles.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
        onClose();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (roles.length === 0) {
      setRoleError('Choose at least one role. To take all access away, remove the member instead.');
      return;
    }
    setRoleError(null);
    update.mutate({ userId: member.userId, roles });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <RolePicker idPrefix="edit" legend="Roles" value={roles} onChange={setRoles} assignable={assignable} error={roleError} />
      {update.isError ? (
        <Alert tone="error" className="mt-4">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <FormDialogActions onCancel={onClose} pending={update.isPending} pendingLabel="Saving…" submitLabel="Save roles" />
    </form>
  );
}

function RemoveMemberDialog({ member, onClose, tenantName }: { member: TMember | null; onClose: () => void; tenantName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open={member !== null}
      title="Remove member?"
      description={
        member
          ? `${member.name ?? member.email} loses access to ${tenantName} at once. Their past actions stay in the audit trail; they can be invited again later.`
          : undefined
      }
      confirmLabel="Remove member"
      pendingLabel="Removing…"
      mutation={remove}
      onConfirm={() => member && remove.mutate({ userId: member.userId })}
      onClose={onClose}
    />
  );
}

type TInvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

function statusOf(invitation: TInvitation, now: Date): TInvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  if (invitation.expiresAt <= now) return 'expired';
  return 'pending';
}

const STATUS_BADGE: Record<TInvitationStatus, { tone: 'indigo' | 'neutral' | 'green' | 'red'; label: string }> = {
  pending: { tone: 'indigo', label: 'Pending' },
  expired: { tone: 'neutral', label: 'Expired' },
  accepted: { tone: 'green', label: 'Accepted' },
  revoked: { tone: 'red', label: 'Revoked' },
};

function InvitationsCard({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const invitations = useQuery(trpc.invitations.list.queryOptions());
  const [revoking, setRevoking] = useState<TInvitation | null>(null);
  const now = new Date();

  return (
    <Card>
      <CardHeader>
        <CardTitle>Invitations</CardTitle>
        <p className="mt-0.5 text-sm text-slate-500">Each link works once. Links are never shown again after they are created.</p>
      </CardHeader>
      {invitations.isPending ? (
        <TableSkeleton columns={4} label="Loading invitations" />
      ) : invitations.isError ? (
        <div className="px-5 py-4">
          <QueryError what="Invitations" error={invitations.error} onRetry={() => void invitations.refetch()} />
        </div>
      ) : invitations.data.length === 0 ? (
        <EmptyState
          className="m-5"
          title="No invitations yet"
          description={canManage ? 'Invite someone with “Invite member”; their invitation will be tracked here.' : 'Invitations sent by owners and admins appear here.'}
        />
      ) : (
        <DataTable caption="Invitations" inset="lg" columns={['Email', 'Roles', 'Status', 'Expires', canManage && { label: 'Actions', srOnly: true }]}>
          {invitations.data.map((invitation) => {
            const status = statusOf(invitation, now);
            return (
              <tr key={invitation.id}>
                <Td className="font-medium text-slate-900">{invitation.email}</Td>
                <Td>
                  <div className="flex flex-wrap gap-1.5">
                    {invitation.roles.map((role) => (
                      <Badge key={role} tone="neutral">
                        {roleLabel(role)}
                      </Badge>
                    ))}
                  </div>
                </Td>
                <Td>
                  <Badge tone={STATUS_BADGE[status].tone}>{STATUS_BADGE[status].label}</Badge>
                </Td>
                <Td className="whitespace-nowrap text-slate-600">
                  {status === 'pending' ? (
                    <time dateTime={invitation.expiresAt.toISOString()} title={formatDateTime(invitation.expiresAt)}>
                      {formatRelative(invitation.expiresAt, now)}
                    </time>
                  ) : (
                    '—'
                  )}
                </Td>
                {canManage ? (
                  <Td className="text-right">
                    {status === 'pending' ? (
                      <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800" onClick={() => setRevoking(invitation)}>
                        Revoke<span className="sr-only"> invitation for {invitation.email}</span>
                      </Button>
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
      )}
      <RevokeInvitationDialog invitation={revoking} onClose={() => setRevoking(null)} />
    </Card>
  );
}

function RevokeInvitationDialog({ invitation, onClose }: { invitation: TInvitation | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() });
        onClose();
      },
    }),
  );
  return (
    <ConfirmDialog
      open={invitation !== null}
      title="Revoke invitation?"
      description={invitation ? `The link sent to ${invitation.email} stops working at once.` : undefined}
      confirmLabel="Revoke invitation"
      pendingLabel="Revoking…"
      mutation={revoke}
      onConfirm={() => invitation && revoke.mutate({ id: invitation.id })}
      onClose={onClose}
    />
  );
}
