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
  | { type: 'system'; name: string; ip?: string | null; userAgent?: string | null }
  | {
      /** A customer in the chat. Holds no rights; `visitorKey` is a keyed digest, never the raw id or IP. */
      type: 'visitor';
      visitorKey: string;
      tenantId: string;
      ip?: null;
      userAgent?: string | null;
    };

export function actorId(actor: TActor): string {
  switch (actor.type) {
    case 'user':
      return actor.userId;
    case 'api_key':
      return `api_key:${actor.apiKeyId}`;
    case 'system':
      return `system:${actor.name}`;
    case 'visitor':
      return `visitor:${actor.visitorKey}`;
  }
}
