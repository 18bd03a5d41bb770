'use client';

import { useEffect, useRef, useSyncExternalStore } from 'react';

/** What the inbox feed delivers: ids and kinds only (see @vouch/core realtime). */
export interface TLiveEvent {
  kind: string;
  tenantId: string;
  conversationId?: string | null;
  handoffId?: string | null;
  messageId?: string | null;
  role?: string | null;
  userId?: string | null;
  at: string;
}

/** live: pushed by SSE; reconnecting/offline: the pages poll instead until the feed is back. */
export type TLiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

const URL_PATH = '/api/inbox/events';
const MAX_BACKOFF_MS = 30_000;
/** The server pings every 15 s; a stream silent for longer than this is treated as dead. */
const STALE_MS = 40_000;

// One EventSource per tab, shared by every component that listens (nav badge, list, conversation).
const listeners = new Set<(event: TLiveEvent) => void>();
const statusListeners = new Set<() => void>();
let status: TLiveStatus = 'connecting';
let source: EventSource | null = null;
let users = 0;
let attempt = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let staleTimer: ReturnType<typeof setTimeout> | undefined;

function setStatus(next: TLiveStatus) {
  if (status === next) return;
  status = next;
  for (const notify of statusListeners) notify();
}

function dispatch(event: TLiveEvent) {
  for (const listener of [...listeners]) listener(event);
}

function armStaleTimer() {
  clearTimeout(staleTimer);
  staleTimer = setTimeout(() => fail(), STALE_MS);
}

/** Closes the feed and comes back with exponential backoff and jitter (1 s, 2 s, 4 s … 30 s). */
function fail() {
  source?.close();
  source = null;
  clearTimeout(staleTimer);
  if (users === 0) return;
  setStatus(attempt >= 3 ? 'offline' : 'reconnecting');
  const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
  attempt += 1;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(connect, delay);
}

function connect() {
  if (users === 0 || source || typeof EventSource === 'undefined') return;
  const es = new EventSource(URL_PATH);
  source = es;
  armStaleTimer();
  es.addEventListener('ready', () => {
    attempt = 0;
    armStaleTimer();
    setStatus('live');
    // Whatever happened while the feed was down is fetched once now.
    dispatch({ kind: 'resync', tenantId: '', at: new Date().toISOString() });
  });
  es.addEventListener('ping', () => armStaleTimer());
  es.addEventListener('inbox', (message) => {
    armStaleTimer();
    try {
      dispatch(JSON.parse((message as MessageEvent<string>).data) as TLiveEvent);
    } catch {
      // not ours; ignore
    }
  });
  es.addEventListener('unavailable', () => fail());
  // Both a dropped connection and an HTTP error end up here; our own backoff decides when to retry.
  es.onerror = () => {
    if (source === es) fail();
  };
}

function retain(): () => void {
  users += 1;
  if (users === 1) {
    attempt = 0;
    setStatus('connecting');
    connect();
  }
  return () => {
    users -= 1;
    if (users > 0) return;
    clearTimeout(retryTimer);
    clearTimeout(staleTimer);
    source?.close();
    source = null;
  };
}

/**
 * Listens to the inbox feed while the component is mounted; returns the feed's status so the
 * caller can fall back to polling when it is not live.
 */
export function useInboxLive(onEvent?: (event: TLiveEvent) => void): TLiveStatus {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => {
    const listener = (event: TLiveEvent) => handler.current?.(event);
    listeners.add(listener);
    const release = retain();
    return () => {
      listeners.delete(listener);
      release();
    };
  }, []);
  return useSyncExternalStore(
    (notify) => {
      statusListeners.add(notify);
      return () => statusListeners.delete(notify);
    },
    () => status,
    () => 'connecting' as const,
  );
}

/** How often a page re-reads: rarely while pushed, every 2 s while the feed is down. */
export function refetchIntervalFor(live: TLiveStatus, pollMs: number): number {
  return live === 'live' ? 30_000 : pollMs;
}
