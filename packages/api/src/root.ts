import { auditRouter } from './routers/audit';
import { sessionRouter } from './routers/session';
import { systemRouter } from './routers/system';
import { tenantRouter } from './routers/tenant';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  session: sessionRouter,
  tenant: tenantRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
