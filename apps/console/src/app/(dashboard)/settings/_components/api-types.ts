import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@vouch/api';

type TOutputs = inferRouterOutputs<AppRouter>;

export type TMember = TOutputs['members']['list'][number];
export type TInvitation = TOutputs['invitations']['list'][number];
export type TSecurityPolicy = TOutputs['security']['policy'];
export type TApiKey = TOutputs['apiKeys']['list'][number];
