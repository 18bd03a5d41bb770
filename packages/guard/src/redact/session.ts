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
  private readonly placeholders: Map<string, string>;

  private constructor(
    private readonly salt: string,
    counters: Iterable<[string, number]> = [],
    placeholders: Iterable<[string, string]> = [],
  ) {
    this.counters = new Map(counters);
    this.placeholders = new Map(placeholders);
  }

  static create(salt: string = randomBytes(16).toString('hex')): RedactionSession {
    return new RedactionSession(salt);
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
    const digest = createHmac('sha256', this.salt).update(`${type}\u0000${normalizeForIdentity(type, value)}`).digest('hex').slice(0, 32);
    const existing = this.placeholders.get(digest);
    if (existing) return existing;
    const next = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, next);
    const placeholder = `[${type}_${next}]`;
    this.placeholders.set(digest, placeholder);
    return placeholder;
  }

  toJSON(): TRedactionSessionJson {
    return {
      version: 1,
      salt: this.salt,
      counters: Object.fromEntries(this.counters),
      placeholders: Object.fromEntries(this.placeholders),
    };
  }
}

export function createRedactionSession(salt?: string): RedactionSession {
  return RedactionSession.create(salt);
}

const SEPARATOR_INSENSITIVE = new Set(['PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'PASSPORT', 'NATIONAL_ID']);

/** "+49 30 123" and "+4930123" are the same phone; "Anna@X.com" and "anna@x.com" the same mailbox. */
export function normalizeForIdentity(type: string, value: string): string {
  const folded = value.normalize('NFKC').toLowerCase();
  if (SEPARATOR_INSENSITIVE.has(type)) return folded.replace(/[^\p{L}\p{N}+]/gu, '');
  return folded.replace(/\s+/g, ' ').trim();
}
