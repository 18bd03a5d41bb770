import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@vouch/api';
import { createServerContext } from '~/trpc/context';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createServerContext(),
    onError({ path, error }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path ?? '?'} failed`);
    },
  });
}

export { handler as GET, handler as POST };
