const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(address: string): boolean {
  if (!address.includes(':') || !/^[0-9a-fA-F:.]+$/.test(address)) return false;
  // The URL parser implements the full IPv6 grammar (compression, embedded IPv4).
  try {
    new URL(`http://[${address}]/`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a line is an IPv4/IPv6 address or CIDR range. A convenience check for instant
 * feedback; the server validates again and is the one that decides.
 */
export function isCidr(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  if (extra !== undefined) return false;
  const v4 = IPV4.test(address);
  if (!v4 && !isIpv6(address)) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (v4 ? 32 : 128);
}

/** One entry per non-empty line, trimmed, duplicates dropped; with the lines that are not valid. */
export function parseCidrLines(text: string): { entries: string[]; invalid: { line: number; value: string }[] } {
  const entries: string[] = [];
  const invalid: { line: number; value: string }[] = [];
  text.split('\n').forEach((raw, index) => {
    const value = raw.trim();
    if (!value) return;
    if (!isCidr(value)) invalid.push({ line: index + 1, value });
    else if (!entries.includes(value)) entries.push(value);
  });
  return { entries, invalid };
}
