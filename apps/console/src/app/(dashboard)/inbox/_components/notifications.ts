'use client';

const SOUND_KEY = 'vouch-inbox-sound';

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export function soundEnabled(): boolean {
  return typeof window !== 'undefined' && window.localStorage.getItem(SOUND_KEY) !== 'off';
}

export function setSoundEnabled(on: boolean): void {
  window.localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
}

/** A short two-note chime made with Web Audio, so no sound file has to be served. */
function chime(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.15, ctx.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.5);
    [880, 1320].forEach((frequency, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = frequency;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.12);
      osc.stop(ctx.currentTime + 0.5);
    });
    setTimeout(() => void ctx.close(), 800);
  } catch {
    // Autoplay rules may refuse sound before the user interacted with the page; that is fine.
  }
}

/**
 * Tells the agent something needs them: a system notification when allowed (tagged, so several
 * tabs show one) and a chime when sound is on. Texts name no customer data: events carry none.
 */
export function notifyAgent(title: string, body: string, href = '/inbox'): void {
  if (soundEnabled()) chime();
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(title, { body, tag: `vouch-inbox:${title}` });
    notification.onclick = () => {
      window.focus();
      window.location.assign(href);
      notification.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the chime and counts remain.
  }
}
