import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@vouch/api';

type TOutputs = inferRouterOutputs<AppRouter>['agents'];

export type TAgentSummary = TOutputs['list'][number];
export type TAgentDetail = TOutputs['get'];
export type TAgentConfig = TAgentDetail['stagingConfig'];
export type TConfigChange = TOutputs['diff']['changes'][number];
export type TEvalCase = TOutputs['cases'][number];
export type TEvalRun = TOutputs['runs'][number];
export type TEvalRunDetail = TOutputs['run'];
export type TPromotion = TOutputs['promotions'][number];
export type TPlaygroundReply = TOutputs['playground'];
