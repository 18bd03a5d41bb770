import { checkHealth } from '@vouch/core';
import { env } from '~/env';

export const dynamic = 'force-dynamic';

/** Liveness and dependencies for load balancers and the e2e web server check. */
export async function GET() {
  env();
  const health = await checkHealth();
  return Response.json(
    { service: 'console', ...health },
    { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
