import type { TRole } from '@vouch/auth';

/** Who is acting: carried into every audit event. */
export type TActor =
  | {
      type: 'user';
      userId: string;
      tenantId: string;
      roles: TRole[];
      ip?: string | null;
      userAgent?: string | null;
    }
  | { type: 'system'; name: string; ip?: string | null; userAgent?: string | null };

export function actorId(actor: TActor): string {
  return actor.type === 'user' ? actor.userId : `system:${actor.name}`;
}
