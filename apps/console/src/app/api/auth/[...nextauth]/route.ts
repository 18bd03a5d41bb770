import NextAuth from 'next-auth';
import { authOptions } from '~/server/auth';

export const dynamic = 'force-dynamic';

// Options are built per request (lazily, once) so a build without secrets still succeeds.
function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
