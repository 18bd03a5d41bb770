import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@vouch/api';

type TOutputs = inferRouterOutputs<AppRouter>;

export type THandoffItem = TOutputs['inbox']['list']['items'][number];
export type TAgentConversation = TOutputs['inbox']['conversation'];
export type TAgentMessage = TAgentConversation['messages'][number];
export type TToolActionItem = TOutputs['inbox']['toolActions'][number];
