import type { NextAuthOptions, Session } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authenticateWithPassword, listUserMemberships, type TSessionMembership } from './identity';

export interface TVouchSession extends Session {
  user: { id: string; email: string; name: string | null };
  memberships: TSessionMembership[];
}

const ZCredentials = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * next-auth configuration for the console. Sessions are JWTs carrying only the user id; the
 * memberships (tenants and roles) are re-read from the database for every session read, so a
 * removed member or a changed role takes effect at once.
 */
export function createAuthOptions(secret: string): NextAuthOptions {
  return {
    secret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(raw) {
          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const user = await authenticateWithPassword(parsed.data.email, parsed.data.password);
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        const userId = token.sub;
        if (!userId) return session;
        const vouchSession = session as TVouchSession;
        vouchSession.user = {
          id: userId,
          email: session.user?.email ?? '',
          name: session.user?.name ?? null,
        };
        vouchSession.memberships = await listUserMemberships(userId);
        return vouchSession;
      },
    },
  };
}
