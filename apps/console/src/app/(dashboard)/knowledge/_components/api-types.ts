import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@vouch/api';

type TOutputs = inferRouterOutputs<AppRouter>;

export type TSource = TOutputs['knowledge']['list'][number];
export type TSourceDetail = TOutputs['knowledge']['get'];
export type TVersion = TSourceDetail['versions'][number];
export type TSearchHit = TOutputs['knowledge']['search'][number];
export type TCrawlJob = TOutputs['knowledge']['crawls'][number];
export type TIndexSettings = TOutputs['knowledge']['settings'];
