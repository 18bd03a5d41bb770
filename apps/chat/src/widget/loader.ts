/**
 * The Vouch chat loader, embedded by customers as
 *   <script src="https://chat.example/widget.js" data-agent="pk_live_…" async></script>
 *
 * It adds one launcher button (in a shadow root, so host CSS cannot restyle it and ours cannot
 * leak) and, on first open, an iframe of <chat origin>/embed?agent=<key>&host=<this page's origin>:
 * the conversation runs
 * on the chat origin and never shares the host page's DOM, cookies or scripts. Kept dependency-free
 * and a few KB; built by esbuild to public/widget.js.
 */

interface TVouchWindow extends Window {
  __vouchWidgetLoaded?: boolean;
}

// Keys are pk_live_/pk_test_ followed by base64url, so `-` occurs.
const AGENT_KEY = /^pk_[A-Za-z0-9_-]{1,100}$/;
const MESSAGE_CLOSE = 'vouch:close';
const MESSAGE_OPENED = 'vouch:opened';
const MESSAGE_THEME = 'vouch:theme';
const HEX = /^#[0-9a-fA-F]{6}$/;

/** White or near-black text on the tenant's colour, whichever has the higher WCAG contrast. */
function textOn(hex: string): string {
  const lum = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lum(1) + 0.7152 * lum(3) + 0.0722 * lum(5);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.0621 ? '#ffffff' : '#0f172a';
}

const CHAT_ICON =
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="26" height="26" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M21 12a8.5 8.5 0 0 1-12.3 7.6L3 21l1.4-5.7A8.5 8.5 0 1 1 21 12z"/></svg>';
const CLOSE_ICON =
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18"/></svg>';

const STYLES = `
:host { all: initial; }
.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483647;
  width: 56px; height: 56px; border-radius: 9999px; border: 0; cursor: pointer;
  display: flex; align-items: center; justify-content: center;
  background: #4f46e5; color: #fff; box-shadow: 0 10px 25px -5px rgba(15,23,42,.35);
  transition: transform .15s ease, background-color .15s ease;
}
.launcher:hover { background: #4338ca; transform: scale(1.04); }
.launcher:focus-visible { outline: 3px solid #a5b4fc; outline-offset: 3px; }
.panel {
  position: fixed; right: 20px; bottom: 88px; z-index: 2147483646;
  width: 380px; height: min(640px, calc(100vh - 120px)); max-height: calc(100vh - 120px);
  border: 0; border-radius: 16px; background: #fff; overflow: hidden;
  box-shadow: 0 24px 48px -12px rgba(15,23,42,.35), 0 0 0 1px rgba(15,23,42,.08);
}
.panel[hidden] { display: none; }
.panel iframe { width: 100%; height: 100%; border: 0; display: block; }
@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; max-height: none; border-radius: 0; }
  .open .launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) { .launcher { transition: none; } }
`;

/**
 * Identity verification: the host's server signs its user id (HMAC-SHA-256 under the tenant's
 * identity secret) and prints both on the script tag. They travel in the frame URL's fragment,
 * which browsers never send to a server or put in a Referer; the panel reads it and the chat
 * service checks the signature.
 */
function identityFragment(script: HTMLScriptElement): string {
  const userId = script.dataset.userId;
  const userHash = script.dataset.userHash;
  if (!userId || !userHash) return '';
  return `#uid=${encodeURIComponent(userId)}&uh=${encodeURIComponent(userHash)}`;
}

function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current;
  // Async scripts run after currentScript is gone in some loaders: fall back to our tag.
  return document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-agent]');
}

function mount(script: HTMLScriptElement | null): void {
  const w = window as TVouchWindow;
  if (w.__vouchWidgetLoaded) return;
  const agent = script?.dataset.agent ?? '';
  if (!script || !AGENT_KEY.test(agent)) {
    console.warn('[vouch] widget not started: the script tag needs data-agent="pk_…".');
    return;
  }
  w.__vouchWidgetLoaded = true;
  const origin = new URL(script.src, location.href).origin;

  const host = document.createElement('div');
  host.id = 'vouch-chat-widget';
  // Open mode so assistive tech and test tools can reach the button; isolation comes from scoping.
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  const style = document.createElement('style');
  style.textContent = STYLES;

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-haspopup', 'dialog');
  launcher.setAttribute('aria-expanded', 'false');

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Chat with support');

  let iframe: HTMLIFrameElement | null = null;
  let open = false;

  function render(): void {
    launcher.innerHTML = open ? CLOSE_ICON : CHAT_ICON;
    launcher.setAttribute('aria-label', open ? 'Close chat' : 'Open chat');
    launcher.setAttribute('aria-expanded', String(open));
    container.className = open ? 'open' : '';
    panel.hidden = !open;
  }

  function setOpen(next: boolean): void {
    if (next === open) return;
    open = next;
    if (open && !iframe) {
      iframe = document.createElement('iframe');
      // The panel's own requests come from the chat origin, so it is told which page framed it.
      // The server checks this against the key's allowed origins, and /embed's frame-ancestors
      // (the same list) makes the browser refuse the frame on any page that lies about it.
      iframe.src = `${origin}/embed?agent=${encodeURIComponent(agent)}&host=${encodeURIComponent(location.origin)}${identityFragment(script!)}`;
      iframe.title = 'Chat with support';
      iframe.setAttribute('allow', 'clipboard-write');
      iframe.addEventListener('load', () => iframe?.contentWindow?.postMessage({ type: MESSAGE_OPENED }, origin));
      panel.appendChild(iframe);
    }
    render();
    if (open) {
      iframe?.focus();
      iframe?.contentWindow?.postMessage({ type: MESSAGE_OPENED }, origin);
    } else {
      launcher.focus();
    }
  }

  launcher.addEventListener('click', () => setOpen(!open));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) setOpen(false);
  });
  // The panel asks to close (its close button, or Escape pressed inside the frame). Only
  // messages from our own frame on our own origin are honoured.
  window.addEventListener('message', (event) => {
    if (!iframe || event.source !== iframe.contentWindow || event.origin !== origin) return;
    const data = event.data as { type?: unknown; color?: unknown } | null;
    if (data && data.type === MESSAGE_CLOSE) setOpen(false);
    // The agent's theme colour, once the panel knows it: the launcher wears it too.
    if (data && data.type === MESSAGE_THEME && typeof data.color === 'string' && HEX.test(data.color)) {
      launcher.style.background = data.color;
      launcher.style.color = textOn(data.color);
    }
  });

  render();
  container.append(panel, launcher);
  root.append(style, container);
  document.body.appendChild(host);
}

// currentScript is only set while this file first runs: read it now, mount when there is a body.
const ownScript = findOwnScript();
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => mount(ownScript));
} else {
  mount(ownScript);
}
