export {
  REALTIME_EVENT_KINDS,
  ZRealtimeEvent,
  inboxChannel,
  conversationChannel,
  tenantOfChannel,
  isCustomerVisible,
  parseRealtimeEvent,
  type TRealtimeEvent,
  type TRealtimeEventInput,
} from './events';
export { publishRealtimeEvent, broadcastRealtimeEvent, broadcastRealtimeEvents, type TPipelinePublisher } from './publish-realtime-event';
export { subscribeRealtime, realtimeListenerCount, closeRealtime } from './subscribe-realtime';
