import NextAuth from 'next-auth';
import { tenantSlugOfSsoProvider } from '@vouch/auth';
import { env } from '~/env';
import { authOptions, ssoAuthOptions } from '~/server/auth';

export const dynamic = 'force-dynamic';

type TContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (lazily, once) so a build without secrets still succeeds. The
// start and the callback of an SSO sign-in (`sso-<slug>`) get options with that tenant's
// OIDC provider; every other route uses the shared ones.
async function handler(req: Request, ctx: TContext) {
  const [action, providerId] = (await ctx.params).nextauth ?? [];
  const slug = action === 'signin' || action === 'callback' ? tenantSlugOfSsoProvider(providerId) : null;
  if (slug) {
    const options = await ssoAuthOptions(slug, req);
    if (!options) {
      const target = new URL('/sign-in', env().NEXTAUTH_URL);
      target.search = new URLSearchParams({ error: 'SSO_NOT_CONFIGURED', workspace: slug }).toString();
      return Response.redirect(target, 303);
    }
    return NextAuth(req as never, ctx as never, options) as Promise<Response>;
  }
  return NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
