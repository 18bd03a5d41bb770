import { createHmac, randomBytes } from 'node:crypto';

export type TRedactionSessionJson = {
  version: 1;
  salt: string;
  counters: Record<string, number>;
  /** keyed digest of (type, normalised value) → placeholder; the values themselves are never stored. */
  placeholders: Record<string, string>;
};

const MAX_SESSION_ENTRIES = 50_000;

/**
 * Keeps placeholders stable within one conversation: the same email is `[EMAIL_1]` in every message.
 * Serialises to JSON without the original values (only salted digests), so it can sit in a queue
 * payload or a database row without becoming a PII store itself.
 */
export class RedactionSession {
  private readonly counters: Map<string, number>;
  /** keyed digest → placeholder: what was loaded from JSON plus what `toJSON` has digested so far. */
  private readonly placeholders: Map<string, string>;
  /**
   * identity key → placeholder for values seen by this instance. In memory only (never serialised):
   * it lets a fresh session skip the HMAC per entity and the random salt until `toJSON` needs them,
   * which was a quarter of the time of a short `redact()` call.
   */
  private readonly seen = new Map<string, string>();
  private readonly undigested: string[] = [];

  private constructor(
    private salt: string | null,
    counters: Iterable<[string, number]> = [],
    placeholders: Iterable<[string, string]> = [],
  ) {
    this.counters = new Map(counters);
    this.placeholders = new Map(placeholders);
  }

  static create(salt?: string): RedactionSession {
    return new RedactionSession(salt ?? null);
  }

  static fromJSON(json: unknown): RedactionSession {
    if (!json || typeof json !== 'object') throw new TypeError('RedactionSession.fromJSON: expected an object');
    const { version, salt, counters, placeholders } = json as Partial<TRedactionSessionJson>;
    if (version !== 1 || typeof salt !== 'string' || salt.length < 16) {
      throw new TypeError('RedactionSession.fromJSON: unsupported version or missing salt');
    }
    const counterEntries = Object.entries(counters ?? {});
    const placeholderEntries = Object.entries(placeholders ?? {});
    if (placeholderEntries.length > MAX_SESSION_ENTRIES) throw new TypeError('RedactionSession.fromJSON: too many entries');
    if (!counterEntries.every(([, n]) => Number.isSafeInteger(n) && n >= 0)) {
      throw new TypeError('RedactionSession.fromJSON: counters must be non-negative integers');
    }
    if (!placeholderEntries.every(([, p]) => typeof p === 'string' && /^\[[A-Z][A-Z0-9_]*_\d+\]$/.test(p))) {
      throw new TypeError('RedactionSession.fromJSON: malformed placeholder');
    }
    return new RedactionSession(salt, counterEntries, placeholderEntries);
  }

  /** Returns the conversation's placeholder for this value, minting `[TYPE_n]` the first time. */
  getPlaceholder(type: string, value: string): string {
    const key = `${type}\u0000${normalizeForIdentity(type, value)}`;
    const known = this.seen.get(key);
    if (known) return known;
    // Only a session restored from JSON can know the value by its digest alone.
    const restored = this.placeholders.size > 0 ? this.placeholders.get(this.digest(key)) : undefined;
    if (restored) {
      this.seen.set(key, restored);
      return restored;
    }
    const next = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, next);
    const placeholder = `[${type}_${next}]`;
    this.seen.set(key, placeholder);
    this.undigested.push(key);
    return placeholder;
  }

  private digest(key: string): string {
    this.salt ??= randomBytes(16).toString('hex');
    return createHmac('sha256', this.salt).update(key).digest('hex').slice(0, 32);
  }

  toJSON(): TRedactionSessionJson {
    for (const key of this.undigested.splice(0)) this.placeholders.set(this.digest(key), this.seen.get(key)!);
    this.salt ??= randomBytes(16).toString('hex');
    return {
      version: 1,
      salt: this.salt,
      counters: Object.fromEntries(this.counters),
      placeholders: Object.fromEntries(this.placeholders),
    };
  }
}

/** What the operators need of a session: the conversation's placeholder for a value. */
export type TPlaceholderSession = { getPlaceholder(type: string, value: string): string };

/**
 * The placeholders of one `redact` call made without a session: the same numbering as a fresh
 * `RedactionSession` (tested), for a session nobody can keep or serialise. Values are compared as written
 * first and normalised only when a type already has a value that differs, so most messages (at most one value
 * a type) normalise nothing, and it allocates no maps (a fresh session's three maps, identity keys and
 * digest queue were most of the cost of replacing an entity in a short message).
 */
export class MessageSession implements TPlaceholderSession {
  private readonly types: string[] = [];
  private readonly values: string[] = [];
  private readonly identities: (string | undefined)[] = [];
  private readonly placeholders: string[] = [];

  getPlaceholder(type: string, value: string): string {
    let count = 0;
    for (let k = 0; k < this.types.length; k++) {
      if (this.types[k] !== type) continue;
      count++;
      if (this.values[k] === value) return this.placeholders[k]!;
    }
    if (count > 0) {
      const identity = normalizeForIdentity(type, value);
      for (let k = 0; k < this.types.length; k++) {
        if (this.types[k] !== type) continue;
        const known = (this.identities[k] ??= normalizeForIdentity(type, this.values[k]!));
        if (known === identity) return this.placeholders[k]!;
      }
    }
    const placeholder = `[${type}_${count + 1}]`;
    this.types.push(type);
    this.values.push(value);
    this.identities.push(undefined);
    this.placeholders.push(placeholder);
    return placeholder;
  }
}

export function createRedactionSession(salt?: string): RedactionSession {
  return RedactionSession.create(salt);
}

const SEPARATOR_INSENSITIVE = new Set(['PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'PASSPORT', 'NATIONAL_ID']);

/** "+49 30 123" and "+4930123" are the same phone; "Anna@X.com" and "anna@x.com" the same mailbox. */
/** Whether any code unit is above U+007F (ASCII text is already in NFKC). */
function hasNonAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return true;
  return false;
}

export function normalizeForIdentity(type: string, value: string): string {
  if (!hasNonAscii(value)) return normalizeAsciiForIdentity(SEPARATOR_INSENSITIVE.has(type), value);
  const folded = value.normalize('NFKC').toLowerCase();
  if (SEPARATOR_INSENSITIVE.has(type)) return folded.replace(/[^\p{L}\p{N}+]/gu, '');
  return folded.replace(/\s+/g, ' ').trim();
}

/**
 * `normalizeForIdentity` for ASCII values (nearly all of them), without the unicode regexes: it ran for every
 * entity of every message and showed in profiles of short messages. Hand-written for speed; the result is
 * exactly the general path's (ASCII is already in NFKC; `\s` in ASCII is [\t\n\v\f\r ]).
 */
function normalizeAsciiForIdentity(separatorInsensitive: boolean, value: string): string {
  let out = '';
  if (separatorInsensitive) {
    // Letters, digits and '+', lower-cased.
    let from = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 43) continue;
      if (c >= 65 && c <= 90) continue;
      out += value.slice(from, i);
      from = i + 1;
    }
    return (from === 0 ? value : out + value.slice(from)).toLowerCase();
  }
  // White-space runs become one space, then the ends are trimmed.
  let i = 0;
  let end = value.length;
  while (i < end && isAsciiSpace(value.charCodeAt(i))) i++;
  while (end > i && isAsciiSpace(value.charCodeAt(end - 1))) end--;
  let from = i;
  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    if (!isAsciiSpace(c)) continue;
    if (c === 32 && !isAsciiSpace(value.charCodeAt(i + 1))) continue;
    let j = i + 1;
    while (j < end && isAsciiSpace(value.charCodeAt(j))) j++;
    out += value.slice(from, i) + ' ';
    from = j;
    i = j - 1;
  }
  return (from === 0 && end === value.length ? value : out + value.slice(from, end)).toLowerCase();
}

const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
