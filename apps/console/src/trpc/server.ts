import 'server-only';
import { appRouter, createCallerFactory } from '@vouch/api';
import { createServerContext } from './context';

const createCaller = createCallerFactory(appRouter);

/** Calls procedures from server components with the request's own session and tenant. */
export async function serverApi() {
  return createCaller(await createServerContext());
}
