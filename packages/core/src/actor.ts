import type { TPermission, TRole } from '@vouch/auth';

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
  | {
      type: 'api_key';
      apiKeyId: string;
      tenantId: string;
      scopes: TPermission[];
      ip?: string | null;
      userAgent?: string | null;
    }
  | { type: 'system'; name: string; ip?: string | null; userAgent?: string | null };

export function actorId(actor: TActor): string {
  switch (actor.type) {
    case 'user':
      return actor.userId;
    case 'api_key':
      return `api_key:${actor.apiKeyId}`;
    case 'system':
      return `system:${actor.name}`;
  }
}
