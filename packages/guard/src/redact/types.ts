import { type RedactionSession } from './session';

/** Entity types Vouch recognises out of the box. Tenants add their own names via `customEntities`. */
export const BUILT_IN_ENTITY_TYPES = [
  'EMAIL',
  'PHONE',
  'CREDIT_CARD',
  'IBAN',
  'US_SSN',
  'IP_ADDRESS',
  'PERSON',
  'STREET_ADDRESS',
  'DATE_OF_BIRTH',
  'PASSPORT',
  'NATIONAL_ID',
  'SECRET',
] as const;

export type TBuiltInEntityType = (typeof BUILT_IN_ENTITY_TYPES)[number];
/** A built-in type or a tenant-defined name matching /^[A-Z][A-Z0-9_]{1,39}$/. */
export type TEntityType = TBuiltInEntityType | (string & {});

export type TOperator = 'placeholder' | 'mask' | 'hash' | 'vault';

export type TEntity = {
  type: TEntityType;
  /** UTF-16 index into the input string. */
  start: number;
  /** Exclusive UTF-16 index into the input string. */
  end: number;
  score: number;
  /** The original text, only with `includeText: true`; never present for CREDIT_CARD. */
  text?: string;
  replacement: string;
};

export type TCustomEntity = {
  name: string;
  /** A JavaScript regular expression source; the 'g' flag is added internally. */
  pattern: string;
  /** Extra flags besides 'g' (only 'i', 'm', 's' and 'u' are accepted). */
  flags?: string;
  score?: number;
};

export type TVaultEntry = {
  placeholder: string;
  type: TEntityType;
  /** base64 */
  ciphertext: string;
  /** base64, 12 bytes */
  iv: string;
  /** base64, 16-byte GCM authentication tag */
  tag: string;
};

export type TRedactOptions = {
  /** Minimum score for an entity to be reported (default 0.5). */
  threshold?: number;
  /** Restrict detection to these types (built-in and custom). Default: all. */
  entities?: readonly TEntityType[];
  customEntities?: readonly TCustomEntity[];
  /** Longest input (in UTF-16 units) that custom patterns run on; longer inputs are scanned in windows. */
  customPatternMaxInput?: number;
  operators?: Partial<Record<TEntityType, TOperator>>;
  /** Keeps placeholders consistent across the calls of one conversation. */
  session?: RedactionSession;
  /** HMAC key for the 'hash' operator. */
  hashKey?: Uint8Array | string;
  /** 32-byte AES-256-GCM key for the 'vault' operator (per tenant). */
  vaultKey?: Uint8Array;
  /** Put the original text on each entity (never for CREDIT_CARD). Off by default so entity lists can be logged. */
  includeText?: boolean;
};

export type TRedactResult = {
  text: string;
  entities: TEntity[];
  vaultEntries: TVaultEntry[];
};

/** A match before operators are applied; `score` already includes context adjustments. */
export type TDetection = {
  type: TEntityType;
  start: number;
  end: number;
  score: number;
  /** Canonical value when the source text spells it out ("four one one…" → "411…"); operators use it. */
  value?: string;
};
