'use client';

import { useMutation } from '@tanstack/react-query';
import { Button, Card, Switch } from '@vouch/ui';
import { useEffect, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { notificationsSupported, setSoundEnabled, soundEnabled } from './notifications';

const PRESENCE_KEY = 'vouch-inbox-presence';
/** Well inside the server's 45 s lease, so one lost heartbeat does not take the agent offline. */
const HEARTBEAT_MS = 15_000;

/**
 * The agent's own switches: presence (online agents get new handoffs round-robin; the lease
 * lapses by itself when this page closes), browser notifications and the chime.
 */
export function AgentControls() {
  const trpc = useTRPC();
  const [online, setOnline] = useState<boolean | null>(null);
  const [sound, setSound] = useState(true);
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>('default');
  const presence = useMutation(trpc.inbox.presence.mutationOptions());
  const { mutate } = presence;

  useEffect(() => {
    setOnline(window.localStorage.getItem(PRESENCE_KEY) !== 'away');
    setSound(soundEnabled());
    setPermission(notificationsSupported() ? Notification.permission : 'unsupported');
  }, []);

  useEffect(() => {
    if (online === null) return;
    window.localStorage.setItem(PRESENCE_KEY, online ? 'online' : 'away');
    mutate({ status: online ? 'online' : 'away' });
    if (!online) return;
    const timer = setInterval(() => mutate({ status: 'online' }), HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [online, mutate]);

  return (
    <Card className="flex flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 text-sm">
      <div className="flex items-center gap-2">
        <Switch checked={online === true} onCheckedChange={setOnline} aria-labelledby="presence-label" data-testid="presence-switch" />
        <span id="presence-label" className="text-slate-700">
          {online ? 'Online: new handoffs come to you in turn' : 'Away: no new handoffs are routed to you'}
        </span>
      </div>
      {presence.isError ? <span className="text-red-700">Presence could not be saved; retrying.</span> : null}
      <div className="flex items-center gap-2">
        <Switch
          checked={sound}
          onCheckedChange={(on) => {
            setSound(on);
            setSoundEnabled(on);
          }}
          aria-labelledby="sound-label"
        />
        <span id="sound-label" className="text-slate-700">
          Sound for new handoffs
        </span>
      </div>
      {permission === 'default' ? (
        <Button size="sm" variant="secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Enable browser notifications
        </Button>
      ) : permission === 'denied' ? (
        <span className="text-slate-500">Browser notifications are blocked for this site.</span>
      ) : permission === 'granted' ? (
        <span className="text-slate-500">Browser notifications are on.</span>
      ) : null}
    </Card>
  );
}
