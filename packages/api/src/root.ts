import { apiKeysRouter } from './routers/api-keys';
import { accountRouter } from './routers/account';
import { agentsRouter } from './routers/agents';
import { auditRouter } from './routers/audit';
import { complianceRouter } from './routers/compliance';
import { conversationsRouter } from './routers/conversations';
import { inboxRouter } from './routers/inbox';
import { knowledgeRouter } from './routers/knowledge';
import { invitationsRouter, membersRouter } from './routers/members';
import { securityRouter } from './routers/security';
import { sessionRouter } from './routers/session';
import { ssoRouter } from './routers/sso';
import { systemRouter } from './routers/system';
import { tenantRouter } from './routers/tenant';
import { widgetRouter } from './routers/widget';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  session: sessionRouter,
  account: accountRouter,
  tenant: tenantRouter,
  audit: auditRouter,
  compliance: complianceRouter,
  security: securityRouter,
  sso: ssoRouter,
  apiKeys: apiKeysRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  knowledge: knowledgeRouter,
  agents: agentsRouter,
  inbox: inboxRouter,
  conversations: conversationsRouter,
  widget: widgetRouter,
});

export type AppRouter = typeof appRouter;
