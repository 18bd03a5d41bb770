import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { PEER_IP_HEADER } from '@vouch/auth';
import { audit } from '@vouch/core';
import { withTenant } from '@vouch/db';
import { getSession } from '~/server/auth';

export const dynamic = 'force-dynamic';

const STATUS: Record<audit.TExportLinkRefusal, number> = { invalid: 403, not_yours: 403, ip: 403, expired: 410, missing: 404 };
const TYPES: Record<string, string> = {
  'events.jsonl': 'application/x-ndjson; charset=utf-8',
  'events.csv': 'text/csv; charset=utf-8',
  'manifest.json': 'application/json; charset=utf-8',
};

function refuse(status: number, error: string): Response {
  return Response.json({ ok: false, error }, { status, headers: { 'cache-control': 'no-store' } });
}

/**
 * One file of an audit export, for the user the signed link was issued to, until it expires.
 * The decision (signature, expiry, requester, membership and permission, IP allowlist) and the
 * `audit.export-download` event are in core; this handler only streams the file.
 */
export async function GET(req: Request, { params }: { params: Promise<{ exportId: string; file: string }> }): Promise<Response> {
  const session = await getSession();
  if (!session || session.mfa?.enrolRequired) return refuse(401, 'Sign in to download this export.');
  const { exportId, file } = await params;
  const query = new URL(req.url).searchParams;
  try {
    const link = audit.parseExportLink({ exportId, file, t: query.get('t'), u: query.get('u'), exp: query.get('exp'), sig: query.get('sig') });
    const allowed = await withTenant(
      link.tenantId,
      (tx) =>
        audit.authorizeExportDownload(tx, link, {
          userId: session.user.id,
          peerIp: req.headers.get(PEER_IP_HEADER),
          forwardedFor: req.headers.get('x-forwarded-for'),
          userAgent: req.headers.get('user-agent'),
        }),
      { userId: session.user.id },
    );
    const body = Readable.toWeb(createReadStream(allowed.path)) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        'content-type': TYPES[allowed.file] ?? 'application/octet-stream',
        'content-length': String(allowed.bytes),
        'content-disposition': `attachment; filename="audit-${link.exportId}-${allowed.file}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof audit.ExportLinkError) return refuse(STATUS[error.reason], error.message);
    console.error('[audit-export] download failed');
    return refuse(500, 'The download failed; try again.');
  }
}
