import { hasContextWordBefore } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { measureShannonEntropy } from '../validators';
import { type TDetection } from '../types';
import { alternation, execAtStarts, toSticky, type TRecognizer } from './recognizer';

/**
 * Credentials with a known shape score high on their own. Publishable keys (`pk_…`) are public by
 * design — the chat widget ships one — so they are deliberately not listed.
 */
const KNOWN_SECRETS: RegExp[] = [
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g,
  /(?<![\w-])sk-(?:proj-|ant-(?:api\d\d-)?|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
  /(?<![\w-])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g,
  /(?<![\w-])whsec_[A-Za-z0-9+/=]{24,}/g,
  /(?<![\w-])gh[pousr]_[A-Za-z0-9]{36,}/g,
  /(?<![\w-])github_pat_[A-Za-z0-9_]{22,}/g,
  /(?<![\w-])xox[abposr]-[A-Za-z0-9-]{10,}/g,
  /(?<![\w-])xapp-\d-[A-Za-z0-9-]{10,}/g,
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}(?![A-Za-z0-9])/g,
  /(?<![\w-])AIza[0-9A-Za-z_-]{35}/g,
  /(?<![\w-])glpat-[A-Za-z0-9_-]{20,}/g,
  /(?<![\w-])npm_[A-Za-z0-9]{36}/g,
  /(?<![\w-])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g,
  /(?<![\w-])hf_[A-Za-z0-9]{30,}/g,
  /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /(?<![\w-])(?:https?|postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis|amqp):\/\/[^\s:/@]+:[^\s@/]{3,}@/g,
];

/** The last word of each label below; a label can be glued to a copula ("passwordis:"), never to anything else. */
const LABEL_LAST_WORDS = ['password', 'passwd', 'pwd', 'passcode', 'passwort', 'kennwort', 'passe', 'contraseña', 'clave', 'senha', 'key', 'apikey', 'secret', 'token'];
const LABEL_COPULAS = ['', 'is', 'ist', 'est', 'es', 'è', 'é'];
/**
 * A labelled secret needs its label's last word as a token (or a letter segment after digits: "1password:"),
 * maybe glued to a copula, followed by spaces, a copula, spaces and ':' or '='. The scan reads these tokens, so
 * the gate asks no regex about messages without one (every "Name:" or "10:30" used to run the label hint).
 */
registerVocabulary(VOCAB.SECRET_LABEL, LABEL_LAST_WORDS.flatMap((word) => LABEL_COPULAS.map((copula) => word + copula)));

const PASSWORD_LABEL = alternation(['password', 'passwd', 'pwd', 'passcode', 'passwort', 'kennwort', 'mot de passe', 'contraseña', 'clave', 'senha', 'api key', 'apikey', 'api_key', 'secret', 'token', 'access token', 'client secret']);
const LABELLED_SECRET = new RegExp(String.raw`(?<![\p{L}])(?:${PASSWORD_LABEL})[ \t]*(?:is|ist|est|es|è|é)?[ \t]*[:=][ \t]*["'\u0060]?(?<value>[^\s"'\u0060]{6,200})`, 'gu');
const LABELLED_SECRET_AT = toSticky(LABELLED_SECRET);
/**
 * The first letters of every label. Labels are letters and need a non-letter before them, so a label can't
 * start inside another anchor's match: an anchor scan of a stretch holding the label lists its start.
 */
const LABEL_ANCHOR = /pass|pwd|kennwort|mot|contrase|clave|senha|api|secret|token|access|client/gi;
/** The word before ':'/'=' of a labelled secret ends with a label's last word, maybe glued to a copula. */
const LABEL_END = /(?:password|passwd|pwd|passcode|passwort|kennwort|passe|contraseña|clave|senha|key|secret|token)(?:is|ist|est|es|è|é)?$/;
const WHITE_SPACE = /\s/;
const COPULA = new Set(['is', 'ist', 'est', 'es', 'è', 'é']);
/** Labels and a copula span at most five words ("mot de passe est"). */
const LABEL_MAX_WORDS = 5;

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;
/** Characters of a label word read backwards: letters (any script, a superset for the caseless label classes). */
const isLabelWordChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !isLineBreakOrSpace(c));
const isLineBreakOrSpace = (c: number): boolean => c === 0x2028 || c === 0x2029 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);

/** The lower-cased word (label characters) ending at `end`, and where it starts. */
function readWordBefore(text: string, end: number): { word: string; start: number } {
  let start = end;
  while (start > 0 && end - start < 40 && isLabelWordChar(text.charCodeAt(start - 1))) start--;
  return { word: text.slice(start, end).toLowerCase(), start };
}

/**
 * Where a labelled secret can start. Its ':' or '=' is followed by an optional quote and six non-space
 * characters, and preceded by the label (maybe a copula) and spaces; only such separators are looked at,
 * and only the few words before them are searched for label anchors. A whole-text anchor scan was a
 * measured cost on long text, where every "Customer:" and "[10:32]" has a colon. Hand-written for speed.
 */
function findLabelStarts(text: string): number[] {
  const starts: number[] = [];
  let scannedTo = 0;
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  while (colon >= 0 || equals >= 0) {
    // The next ':' or '=', each searched for again only once passed.
    const at = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
    if (at === colon) colon = text.indexOf(':', at + 1);
    else equals = text.indexOf('=', at + 1);
    if (!hasLabelledValueAfter(text, at + 1)) continue;
    let end = at;
    while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
    const last = readWordBefore(text, end);
    let word = last.word;
    if (COPULA.has(word)) {
      let before = last.start;
      while (before > 0 && isSpaceOrTab(text.charCodeAt(before - 1))) before--;
      word = readWordBefore(text, before).word;
    }
    if (!LABEL_END.test(word)) continue;
    // The label starts within LABEL_MAX_WORDS words (split at spaces and tabs) before the separator.
    let from = end;
    for (let words = 0; words < LABEL_MAX_WORDS && from > 0; words++) {
      while (from > 0 && !isSpaceOrTab(text.charCodeAt(from - 1)) && text.charCodeAt(from - 1) !== 10 && text.charCodeAt(from - 1) !== 13) from--;
      if (words === LABEL_MAX_WORDS - 1) break;
      let k = from;
      while (k > 0 && isSpaceOrTab(text.charCodeAt(k - 1))) k--;
      if (k === from) break;
      from = k;
    }
    from = Math.max(from, scannedTo);
    if (from >= end) continue;
    const window = text.slice(from, end);
    LABEL_ANCHOR.lastIndex = 0;
    for (let m = LABEL_ANCHOR.exec(window); m; m = LABEL_ANCHOR.exec(window)) starts.push(from + m.index);
    scannedTo = end;
  }
  return starts;
}

/** `[ \t]*["'\u0060]?[^\s"'\u0060]{6}` at `position`: the value part of LABELLED_SECRET. */
function hasLabelledValueAfter(text: string, position: number): boolean {
  let i = position;
  while (i < text.length && isSpaceOrTab(text.charCodeAt(i))) i++;
  const q = text.charCodeAt(i);
  if (q === 34 || q === 39 || q === 96) i++;
  if (i + 6 > text.length) return false;
  for (let k = i; k < i + 6; k++) {
    const c = text.charCodeAt(k);
    if (c === 34 || c === 39 || c === 96 || c === 32 || (c >= 9 && c <= 13) || (c >= 0x7f && WHITE_SPACE.test(text[k]!))) return false;
  }
  return true;
}

/** One alternation instead of a dozen scans: the engine dispatches on the first character. */
const KNOWN_SECRET = new RegExp(KNOWN_SECRETS.map((r) => `(?:${r.source})`).join('|'), 'g');
/** Every known shape below 24 characters starts with one of these. */
const KNOWN_PREFIX = /sk-|[sr]k_|whsec_|gh[pousr]_|github_pat_|xox[abposr]-|xapp-|A(?:KIA|SIA|GPA|IDA|ROA|NPA)|AIza|glpat-|npm_|SG\.|hf_|eyJ/;
const LABEL_HINT = /pass|pwd|kennwort|mot de passe|contrase|clave|senha|api|secret|token/i;

/**
 * LABEL_HINT for the text the gate and `detect` both ask about, in a row: tested once (a case-insensitive
 * alternation costs ~0.2 µs a short message). A labelled secret needs ':' or '=', checked first.
 */
let labelHintText: string | null = null;
let labelHintResult = false;
function hasLabelHint(text: string): boolean {
  if (text !== labelHintText) {
    labelHintResult = (text.includes(':') || text.includes('=')) && LABEL_HINT.test(text);
    labelHintText = text;
  }
  return labelHintResult;
}

const TOKEN = /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=.-]{24,512}(?![A-Za-z0-9+/_=-])/g;
const TOKEN_AT = toSticky(TOKEN);
const KNOWN_SECRET_AT = toSticky(KNOWN_SECRET);

/** Token characters [A-Za-z0-9+/_=.-]; the look-behind class is the same without '.'. */
const TOKEN_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_=.-') TOKEN_CHAR[ch.charCodeAt(0)] = 1;
const isTokenChar = (c: number): boolean => c < 128 && TOKEN_CHAR[c] === 1;

type TTokenRuns = { tokenStarts: number[]; runAnchors: number[] };
let tokenRunsText: string | null = null;
let tokenRunsCache: TTokenRuns = { tokenStarts: [], runAnchors: [] };

/** Every known shape but URL credentials and key blocks lies inside one run of 15+ token characters. */
const KNOWN_RUN_MIN = 15;

/**
 * One pass over runs of token characters feeds both token scans. Random tokens start at a run of 24+ token
 * characters, at its start or right after a '.' inside it (the look-behind allows '.'), with 24 token
 * characters still ahead. Known shapes (`sk-…`, `AKIA…`, JWTs…) consist of token characters, so their
 * anchors are searched inside runs of 15+ only, instead of with a whole-text anchor scan (profiled on 1 MB).
 * Hand-written for speed.
 */
function findTokenRuns(text: string): TTokenRuns {
  if (text === tokenRunsText) return tokenRunsCache;
  const tokenStarts: number[] = [];
  const runAnchors: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isTokenChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    for (i++; i < length && isTokenChar(text.charCodeAt(i)); i++);
    const run = i - start;
    if (run < KNOWN_RUN_MIN) continue;
    if (run >= 24) {
      tokenStarts.push(start);
      for (let p = start + 1; p <= i - 24; p++) if (text.charCodeAt(p - 1) === 46) tokenStarts.push(p);
    }
    const slice = text.slice(start, i);
    KNOWN_ANCHOR.lastIndex = 0;
    for (let m = KNOWN_ANCHOR.exec(slice); m; m = KNOWN_ANCHOR.exec(slice)) runAnchors.push(start + m.index);
  }
  tokenRunsText = text;
  tokenRunsCache = { tokenStarts, runAnchors };
  return tokenRunsCache;
}

/**
 * Where a known secret can start. Every alternative but the private-key block needs a non-word character
 * before it, so it can't start inside another anchor's match; token-shaped ones are anchored inside long
 * token runs (above). URL credentials start with their scheme right before "://", and "-----BEGIN" (no
 * look-behind) is found separately, as it could follow a dash that ends another anchor ("sk-----BEGIN").
 */
const KNOWN_ANCHOR = /sk-|[sr]k_|whsec_|gh[pousr]_|github_pat_|xox[abposr]-|xapp-|A(?:KIA|SIA|GPA|IDA|ROA|NPA)|AIza|glpat-|npm_|SG\.|hf_|eyJ/g;
/** Lengths of the URL schemes with credentials: http amqp, https mysql redis, mongodb, postgres, postgresql, mongodb+srv. */
const SCHEME_LENGTHS = [11, 10, 8, 7, 5, 4];
function findKnownSecretStarts(text: string): number[] {
  const extra: number[] = [];
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 1)) {
    for (const n of SCHEME_LENGTHS) if (at - n >= 0) extra.push(at - n);
  }
  for (let at = text.indexOf('-----BEGIN'); at >= 0; at = text.indexOf('-----BEGIN', at + 1)) extra.push(at);
  const { runAnchors } = findTokenRuns(text);
  return extra.length === 0 ? runAnchors : [...new Set([...runAnchors, ...extra])].sort((a, b) => a - b);
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;
const SECRET_WORDS = ['token', 'key', 'secret', 'api', 'apikey', 'password', 'credential', 'credentials', 'bearer', 'auth', 'authorization', 'schlüssel', 'clé', 'clave', 'chiave', 'chave'];

/** Bits per character above which a mixed-class token reads as random rather than as an identifier. */
export const ENTROPY_THRESHOLD = 3.6;

export const secretRecognizer: TRecognizer = {
  type: 'SECRET',
  // Known shapes and random tokens are runs of 15+ key characters (a random token also has a long mixed
  // segment or is 32+ hex characters); the rest are labels, URLs with credentials and private-key blocks.
  mayMatch: (f, _threshold, text) =>
    (f.secretRunMax >= 24 && f.randomTokenSegment) ||
    (f.secretRunMax >= 15 && KNOWN_PREFIX.test(text)) || (f.hasColonOrEquals && mayHaveVocabulary(f, VOCAB.SECRET_LABEL) && hasLabelHint(text)) || (f.hasAt && text.includes('://')) || text.includes('-----BEGIN'),
  detect: (text) => detectSecrets(text, true),
  detectExhaustively: (text) => detectSecrets(text, false),
};

function detectSecrets(text: string, anchored: boolean): TDetection[] {
  // No per-call closures here: tsx (the bench's loader) wraps each in a defineProperty call (`__name`).
  const found: TDetection[] = [];
  if (anchored) for (const m of execAtStarts(KNOWN_SECRET_AT, text, findKnownSecretStarts(text))) pushKnown(found, m);
  else {
    KNOWN_SECRET.lastIndex = 0;
    for (let m = KNOWN_SECRET.exec(text); m; m = KNOWN_SECRET.exec(text)) pushKnown(found, m);
  }
  const labelled: RegExpExecArray[] = [];
  // A labelled secret's label holds one of LABEL_HINT's words, so the hint is only a shortcut: the anchored
  // path skips it (its candidate scan looks at the few words before each ':' or '=' and costs less than the
  // case-insensitive hint over the whole text); the reference path keeps it.
  if (anchored) labelled.push(...execAtStarts(LABELLED_SECRET_AT, text, findLabelStarts(text)));
  else if (!hasLabelHint(text)) return scanRandomTokens(text, found, anchored);
  else {
    LABELLED_SECRET.lastIndex = 0;
    for (let m = LABELLED_SECRET.exec(text); m; m = LABELLED_SECRET.exec(text)) labelled.push(m);
  }
  for (const m of labelled) {
    // The value group ends the pattern, so it ends where the match does: no 'd' flag (match indices made
    // every exec of this regex several times dearer; measured on short messages).
    const value = m.groups?.value;
    if (value) {
      const end = m.index + m[0].length;
      found.push({ type: 'SECRET', start: end - value.length, end, score: 0.8 });
    }
  }
  return scanRandomTokens(text, found, anchored);
}

function pushKnown(found: TDetection[], m: RegExpExecArray): void {
  found.push({ type: 'SECRET', start: m.index, end: m.index + m[0].length, score: 0.95 });
}

function pushRandomToken(text: string, found: TDetection[], m: RegExpExecArray): void {
  const score = scoreRandomToken(text, m.index, m[0]);
  if (score > 0) found.push({ type: 'SECRET', start: m.index, end: m.index + m[0].length, score });
}

function scanRandomTokens(text: string, found: TDetection[], anchored: boolean): TDetection[] {
  if (anchored) for (const m of execAtStarts(TOKEN_AT, text, findTokenRuns(text).tokenStarts)) pushRandomToken(text, found, m);
  else {
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) pushRandomToken(text, found, m);
  }
  return found;
}

/** Token shape bits read in one pass (were four regex tests per token; a key block has one token a line). */
const SHAPE_HEX = 1;
const SHAPE_DIGITS = 2;
/** `^[a-z]+(?:[-_.][a-z]+)*$` case-insensitively: letter runs joined by single '-', '_' or '.'. */
const SHAPE_WORDS = 4;
/** `hasLongMixedSegment`: a segment between [-_./+=] of 16+ characters mixing two of lower, upper, digit. */
const LONG_MIXED = 8;
/** `countCharacterClasses` of the whole token (0–3) sits in the bits from here. */
const CLASS_SHIFT = 4;

/**
 * Everything `scoreRandomToken` reads of a token's characters, in one pass: the shape bits, whether a long
 * segment mixes classes, and how many of lower, upper and digit the token has. These were three passes (and a
 * class count per long segment) for every token of 24+ characters; a private-key block is one token a line.
 * Hand-written for speed; tested against `readTokenTraitsReference` (the regexes and the separate counts).
 */
export function readTokenTraits(token: string): number {
  let hex = true;
  let digits = true;
  let words = true;
  // Words: a letter first, after each separator and last.
  let afterSeparator = true;
  // Class bits (lower 1, upper 2, digit 4) of the whole token and of the current [-_./+=] segment.
  let all = 0;
  let segment = 0;
  let segmentStart = 0;
  let mixed = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    const isLower = c >= 97 && c <= 122;
    const isUpper = c >= 65 && c <= 90;
    if (!isDigit) digits = false;
    if (!isDigit && !((c >= 65 && c <= 70) || (c >= 97 && c <= 102))) hex = false;
    if (isLower || isUpper) afterSeparator = false;
    else if ((c === 45 || c === 95 || c === 46) && !afterSeparator) afterSeparator = true;
    else words = false;
    if (isLower) segment |= 1;
    else if (isUpper) segment |= 2;
    else if (isDigit) segment |= 4;
    else if (c === 45 || c === 95 || c === 46 || c === 47 || c === 43 || c === 61) {
      if (i - segmentStart >= 16 && segment !== 1 && segment !== 2 && segment !== 4 && segment !== 0) mixed = true;
      all |= segment;
      segment = 0;
      segmentStart = i + 1;
    }
  }
  if (token.length - segmentStart >= 16 && segment !== 1 && segment !== 2 && segment !== 4 && segment !== 0) mixed = true;
  all |= segment;
  if (afterSeparator) words = false;
  const classes = (all & 1) + ((all >> 1) & 1) + ((all >> 2) & 1);
  return (hex ? SHAPE_HEX : 0) | (digits ? SHAPE_DIGITS : 0) | (words ? SHAPE_WORDS : 0) | (mixed ? LONG_MIXED : 0) | (classes << CLASS_SHIFT);
}

/** For tests: the definitions `readTokenTraits` must agree with (the shape regexes, the segment and class counts). */
export function readTokenTraitsReference(token: string): number {
  const shape = (HEX.test(token) ? SHAPE_HEX : 0) | (/^\d+$/.test(token) ? SHAPE_DIGITS : 0) | (/^[a-z]+(?:[-_.][a-z]+)*$/i.test(token) ? SHAPE_WORDS : 0);
  return shape | (hasLongMixedSegment(token) ? LONG_MIXED : 0) | (countCharacterClasses(token) << CLASS_SHIFT);
}

function scoreRandomToken(text: string, start: number, token: string): number {
  // Publishable keys are public; UUIDs are identifiers; paths and URL paths start with a slash.
  const first = token.charCodeAt(0);
  if (token.startsWith('pk_') || (token.length === 36 && UUID.test(token)) || first === 47 || first === 46 || first === 126) return 0;
  const traits = readTokenTraits(token);
  // Read lazily: the context window is the dearest check and most tokens are settled without it.
  // Git SHAs and content hashes are hex: not secrets unless the text says they are.
  if (traits & SHAPE_HEX) return token.length >= 32 && hasContextWordBefore(text, start, 4, SECRET_WORDS) ? 0.7 : 0;
  if (traits & (SHAPE_WORDS | SHAPE_DIGITS)) return 0;
  // File names and paths ("Screenshot_2024-03-12.png", "/docs/Setup2024") are built from word or
  // number segments; random credentials have a long segment that mixes classes.
  if (!(traits & LONG_MIXED)) return 0;
  const classes = traits >> CLASS_SHIFT;
  let near: boolean | undefined;
  if (classes < 3 && !(near = hasContextWordBefore(text, start, 4, SECRET_WORDS))) return 0;
  if (measureShannonEntropy(token) < ENTROPY_THRESHOLD) return 0;
  return (near ?? hasContextWordBefore(text, start, 4, SECRET_WORDS)) ? 0.85 : 0.6;
}

/** Whether a segment between [-_./+=] is 16+ characters long and mixes two of lower, upper, digit. */
function hasLongMixedSegment(token: string): boolean {
  let start = 0;
  for (let i = 0; i <= token.length; i++) {
    const c = i < token.length ? token.charCodeAt(i) : 45;
    if (c === 45 || c === 95 || c === 46 || c === 47 || c === 43 || c === 61) {
      if (i - start >= 16 && countCharacterClasses(token, start, i) >= 2) return true;
      start = i + 1;
    }
  }
  return false;
}

function countCharacterClasses(value: string, from = 0, to = value.length): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
  }
  return lower + upper + digit;
}
