export type TLinkRemoval = { host: string };

/** TLDs we treat as domains in bare text. File extensions that are also ccTLDs (.md, .py, .sh, .rs) are left out. */
const BARE_TLDS =
  'com|net|org|io|ai|co|app|dev|info|biz|xyz|online|site|shop|store|tech|me|ly|gg|tv|cc|link|click|top|live|news|' +
  'de|uk|fr|es|it|pt|nl|be|ch|at|us|ca|au|ru|cn|jp|in|br|pl|se|no|dk|fi|ie|eu|cz|gr|ro|hu|tk|ml|ga|cf|gq|su|zip|mov';

const MARKDOWN_LINK = /(!?)\[([^\]\n]{0,500})\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)/g;
const URL_WITH_SCHEME = /\b(?:https?|ftp|wss?):\/\/[^\s<>"'`)\]]+/gi;
const DANGEROUS_SCHEME = /\b(?:javascript|data|vbscript|file):[^\s<>"'`)\]]+/gi;
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![\p{L}\p{N}@._/-])(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${BARE_TLDS})(?::\d{2,5})?(?:/[^\s<>"'\u0060)\]]*)?(?![\p{L}\p{N}-])`,
  'giu',
);

export function isAllowedHost(host: string, allowedDomains: readonly string[]): boolean {
  const normalized = host.toLowerCase().replace(/\.$/, '');
  return allowedDomains.some((domain) => {
    const d = domain.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
    return normalized === d || normalized.endsWith(`.${d}`);
  });
}

/** The host a link really points to, as a browser would resolve it (userinfo, IDN and escapes handled by URL). */
export function readHost(link: string): string | null {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `https://${link}`);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ftp:' || url.protocol === 'ws:' || url.protocol === 'wss:'
      ? url.hostname
      : null;
  } catch {
    return null;
  }
}

/**
 * Removes links to hosts outside the tenant's allow list. Markdown images are the classic exfiltration
 * channel (the client fetches the URL, query string and all), so they go too; link text survives.
 */
export function removeDisallowedLinks(text: string, allowedDomains: readonly string[]): { text: string; removed: TLinkRemoval[] } {
  const removed: TLinkRemoval[] = [];
  const isAllowed = (link: string): boolean => {
    const host = readHost(link);
    if (host && isAllowedHost(host, allowedDomains)) return true;
    removed.push({ host: host ?? link.split(':')[0] ?? 'unknown' });
    return false;
  };

  let result = text.replace(MARKDOWN_LINK, (whole, bang: string, label: string, target: string) => {
    if (isAllowed(target)) return whole;
    return bang ? '' : label;
  });
  result = result.replace(DANGEROUS_SCHEME, (whole) => (isAllowed(whole) ? whole : '[link removed]'));
  result = result.replace(URL_WITH_SCHEME, (whole) => {
    const url = whole.replace(/[.,;:!?]+$/, '');
    return isAllowed(url) ? whole : `[link removed]${whole.slice(url.length)}`;
  });
  result = result.replace(BARE_DOMAIN, (whole) => (whole.startsWith('[link') || isAllowed(whole.replace(/[.,;:!?]+$/, '')) ? whole : '[link removed]'));
  return { text: result, removed };
}
