import ipaddr from 'ipaddr.js';

export type TCidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses "10.0.0.0/8", "2001:db8::/32" or a bare address (as /32 or /128). Throws on junk. */
export function parseCidr(value: string): TCidr {
  const text = value.trim();
  if (text.includes('/')) return ipaddr.parseCIDR(text);
  const address = ipaddr.parse(text);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

function normalize(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    const parsed = ipaddr.parse(address.trim().replace(/^\[|\]$/g, ''));
    // ::ffff:1.2.3.4 is how Node reports IPv4 peers on dual-stack sockets.
    return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
      ? (parsed as ipaddr.IPv6).toIPv4Address()
      : parsed;
  } catch {
    return null;
  }
}

// Lists (trusted proxies, tenant allowlists) are checked on every request with the same few
// entries: each entry is parsed once. Bounded, cleared whole when full; junk is never cached.
const parsedCidrs = new Map<string, TCidr>();
const PARSED_CIDRS_MAX = 1000;

function cachedCidr(cidr: string): TCidr {
  let parsed = parsedCidrs.get(cidr);
  if (!parsed) {
    parsed = parseCidr(cidr);
    if (parsedCidrs.size >= PARSED_CIDRS_MAX) parsedCidrs.clear();
    parsedCidrs.set(cidr, parsed);
  }
  return parsed;
}

export function isIpInList(ip: string, cidrs: readonly string[]): boolean {
  const address = normalize(ip);
  if (!address) return false;
  return cidrs.some((cidr) => {
    const [range, bits] = cachedCidr(cidr);
    return range.kind() === address.kind() && address.match(range, bits);
  });
}

/**
 * The client's address. The socket peer is the only fact; X-Forwarded-For entries are believed
 * only while the hop that added them is a configured trusted proxy, walking from the right.
 */
export function resolveClientIp(input: {
  peerIp: string | null;
  forwardedFor: string | null;
  trustedProxies: readonly string[];
}): string | null {
  const peer = input.peerIp ? normalize(input.peerIp)?.toString() ?? null : null;
  if (!peer) return null;
  if (!input.forwardedFor || input.trustedProxies.length === 0) return peer;
  let client = peer;
  const hops = input.forwardedFor.split(',').map((h) => h.trim()).filter(Boolean);
  while (isIpInList(client, input.trustedProxies) && hops.length > 0) {
    const next = normalize(hops.pop() ?? '');
    if (!next) break;
    client = next.toString();
  }
  return client;
}

/** An empty allowlist allows every address. */
export function isIpAllowed(ip: string | null, allowlist: readonly string[]): boolean {
  if (allowlist.length === 0) return true;
  return ip !== null && isIpInList(ip, allowlist);
}

/**
 * Proxies trusted for the whole platform (sign-in happens before any tenant is known), from
 * VOUCH_TRUSTED_PROXIES: a comma-separated list of addresses or CIDR ranges, empty by default.
 */
let checkedProxies: { value: string; list: readonly string[] } | undefined;

export function platformTrustedProxies(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const value = env.VOUCH_TRUSTED_PROXIES ?? '';
  // Read on every request: validated once per value of the variable.
  if (checkedProxies?.value === value) return checkedProxies.list;
  const list = value.split(',').map((v) => v.trim()).filter(Boolean);
  for (const cidr of list) {
    try {
      cachedCidr(cidr);
    } catch {
      throw new Error(`Environment variable VOUCH_TRUSTED_PROXIES has an invalid entry "${cidr}" (see .env.example).`);
    }
  }
  checkedProxies = { value, list: Object.freeze(list) };
  return checkedProxies.list;
}

/** The header scripts/serve-next.ts sets from the socket, overwriting anything a client sent. */
export const PEER_IP_HEADER = 'x-vouch-peer-ip';
