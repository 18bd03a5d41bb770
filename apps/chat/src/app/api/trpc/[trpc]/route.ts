import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@vouch/api';
import { env } from '~/env';
import { createChatContext } from '~/trpc/context';

export const dynamic = 'force-dynamic';

/**
 * The same API as the console, mounted for the chat panel. Only the widget procedures can
 * succeed here (no session or API key is ever read), and the chat origin is made explicit
 * before any of them checks it.
 */
function handler(req: Request) {
  env();
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createChatContext(req),
    onError({ path, error }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path ?? '?'} failed`);
    },
  });
}

export { handler as POST };
