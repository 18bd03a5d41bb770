export {
  REALTIME_EVENT_KINDS,
  ZRealtimeEvent,
  inboxChannel,
  conversationChannel,
  tenantOfChannel,
  isCustomerVisible,
  type TRealtimeEvent,
  type TRealtimeEventInput,
} from './events';
export { publishRealtimeEvent, broadcastRealtimeEvent } from './publish-realtime-event';
export { subscribeRealtime, realtimeListenerCount, closeRealtime } from './subscribe-realtime';
