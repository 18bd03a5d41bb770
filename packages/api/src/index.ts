export { appRouter, type AppRouter } from './root';
export { createTRPCContext, createCallerFactory, type TContext, type TContextInput } from './trpc';
export { describeStreamError, type TWidgetReplyView, type TWidgetStreamEvent } from './routers/widget';
