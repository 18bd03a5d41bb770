import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@vouch/api';

type TOutputs = inferRouterOutputs<AppRouter>;

export type TAuditEvent = TOutputs['audit']['list']['events'][number];
export type TChainVerification = TOutputs['audit']['verifyChain'];
export type TAuditFilters = Omit<inferRouterInputs<AppRouter>['audit']['list'], 'cursor' | 'limit'>;
