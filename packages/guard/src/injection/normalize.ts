/**
 * Builds the *scan copy* of a message: the text that rules and the classifier read.
 *
 * Attackers hide instructions from keyword filters with Unicode tricks, leetspeak, spacing,
 * encodings and markup that a model still reads. The scan copy undoes those tricks so that one set
 * of rules sees "ignore all previous instructions" however it was written. It is lossy on purpose
 * (lower-cased, accents stripped, leetspeak folded) and is never shown to a model or a customer.
 */

export type TDecodedSegmentKind =
  | 'base64'
  | 'hex'
  | 'rot13'
  | 'html-comment'
  | 'markdown-comment'
  | 'hidden-html'
  | 'unicode-tags'
  | 'concatenation';

export type TDecodedSegment = {
  kind: TDecodedSegmentKind;
  /** The decoded or exposed content, itself normalised like the main scan copy. */
  text: string;
};

export type TNormalizedScan = {
  /** Normalised scan copy of the whole message (lower-case, de-obfuscated). */
  text: string;
  /** Content that was hidden (comments, hidden HTML) or encoded (base64, hex, rot13) in the message. */
  decodedSegments: TDecodedSegment[];
};

// Zero-width characters, soft hyphen, word joiners, BOM and bidi controls: invisible to a reader,
// but they split keywords apart for a naive matcher.
// Variation selectors and the combining grapheme joiner are listed outside the class: they combine.
const INVISIBLE_CHARACTERS = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u034F|\u17B4|\u17B5|\p{Variation_Selector}/gu;

// Vouch's own redaction placeholders ([EMAIL_1], [CREDIT_CARD ****1111], [PHONE:0123456789abcdef]):
// messages are scored after redaction, and bracketed upper-case tokens otherwise read like the mode
// markers attackers use ("[SYSTEM]"). Each becomes the neutral word "value", which hides nothing (a
// placeholder carries no content of its own); type words would not do: "refund to card credit card"
// reads like a request to pay someone else's card.
const REDACTION_PLACEHOLDER = /\[(?:[A-Z][A-Z0-9_]{0,38}[A-Z0-9])(?:_\d{1,6}|:[0-9a-f]{16}| \*{4}\d{4})\]/g;

// Unicode "tag" characters (U+E0000–U+E007F) mirror ASCII invisibly: "ASCII smuggling".
const UNICODE_TAG_RUN = /(?:\uDB40[\uDC00-\uDC7F])+/g;

/** Cyrillic and Greek letters that render like Latin ones (after lower-casing). */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ɡ: 'g', ո: 'n', ս: 'u', ԝ: 'w', ɑ: 'a', ı: 'i',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  γ: 'y', ω: 'w', ϲ: 'c', ℓ: 'l',
};
const LATIN_LETTER = /[a-z]/;

const LEET_MAP: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** Produces the scan copy and every hidden or encoded segment worth scanning on its own. */
export function normalizeForScan(text: string): TNormalizedScan {
  const decodedSegments: TDecodedSegment[] = [];
  let working = text.normalize('NFKC').replace(REDACTION_PLACEHOLDER, ' value ');

  working = working.replace(UNICODE_TAG_RUN, (run) => {
    decodedSegments.push({ kind: 'unicode-tags', text: decodeUnicodeTags(run) });
    return ' ';
  });
  working = working.replace(INVISIBLE_CHARACTERS, '');

  const exposed = exposeHiddenMarkup(working);
  working = exposed.text;
  decodedSegments.push(...exposed.segments);
  const encoded = decodeEncodedSegments(working);
  decodedSegments.push(...encoded);
  // Split payloads may themselves arrive encoded, so assemble inside decoded text too.
  for (const source of [working, ...encoded.map((segment) => segment.text)]) decodedSegments.push(...resolveStringConcatenations(source));

  const scanText = foldForScan(working);
  const rot13 = decodeRot13IfMeaningful(scanText);
  if (rot13) decodedSegments.push({ kind: 'rot13', text: rot13 });

  return {
    text: scanText,
    decodedSegments: decodedSegments
      .map((segment) => ({ kind: segment.kind, text: foldForScan(segment.text) }))
      .filter((segment) => segment.text.length > 0),
  };
}

/** The character-level folding shared by the main text and decoded segments. */
function foldForScan(text: string): string {
  let folded = text.normalize('NFKC').replace(INVISIBLE_CHARACTERS, '').toLowerCase();
  folded = foldHomoglyphs(folded);
  // Strip accents so that "précédentes" and "precedentes" match one rule.
  folded = folded.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  folded = folded.replace(/[’‘`´]/g, "'").replace(/[“”«»„]/g, '"');
  folded = folded.replace(/\S+/g, foldLeetToken);
  folded = joinSpacedLetters(folded);
  folded = joinSeparatedFragments(folded);
  return folded.replace(/[ \t\f\v\u00A0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

/**
 * Folds look-alike letters, but only in words that mix scripts or consist solely of look-alikes:
 * a genuine Russian or Greek sentence keeps its letters, "іgnоrе" (Cyrillic і, о, е) becomes "ignore".
 */
function foldHomoglyphs(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const letters = [...word];
    const hasLatin = letters.some((letter) => LATIN_LETTER.test(letter));
    const allConfusable = letters.every((letter) => letter in HOMOGLYPHS || LATIN_LETTER.test(letter));
    const hasConfusable = letters.some((letter) => letter in HOMOGLYPHS);
    if (!hasConfusable || !(hasLatin || allConfusable)) return word;
    return letters.map((letter) => HOMOGLYPHS[letter] ?? letter).join('');
  });
}

/**
 * Leetspeak only inside tokens that mix letters with leet symbols ("1gn0r3", "$y$tem"); numbers,
 * prices, order ids, e-mail addresses and URLs stay as they are so other rules can still read them.
 */
function foldLeetToken(token: string): string {
  if (!/[a-z]/.test(token) || !/[013457@$]/.test(token)) return token;
  if (/\d{3,}/.test(token) || /^https?:|www\.|[\w.+-]+@[\w-]+\.[\w.]+/.test(token)) return token;
  if (/^@\w+$/.test(token)) return token; // @mentions
  const letters = token.replace(/[^a-z]/g, '').length;
  const leet = token.replace(/[^013457@$]/g, '').length;
  if (letters < 1 || token.length < 3 || leet > letters + 3) return token;
  return token.replace(/11/g, 'll').replace(/[013457@$]/g, (symbol) => LEET_MAP[symbol] ?? symbol);
}

/** "i g n o r e  a l l" → "ignore all": single letters with single spaces form a word. */
function joinSpacedLetters(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])\p{L}(?: \p{L}){2,}(?![\p{L}\p{N}])/gu, (run) => run.replace(/ /g, ''));
}

/**
 * "i.g.n.o.r.e", "i-g-n-o-r-e", "ig-no-re", "in_struc_tions" → one word. Multi-letter fragments are
 * only joined across "-", "_" and "*", so domain names ("evil.example.com") stay readable.
 */
function joinSeparatedFragments(text: string): string {
  const singleLetters = text.replace(/(?<![\p{L}\p{N}])\p{L}(?:[._\-*|/+~]\p{L}){3,}(?![\p{L}\p{N}])/gu, (run) =>
    run.replace(/[._\-*|/+~]/g, ''),
  );
  const fragments = singleLetters.replace(
    /(?<![\p{L}\p{N}./@-])\p{L}{1,5}(?:[_\-*]\p{L}{1,5}){2,}(?![\p{L}\p{N}@-])/gu,
    (run) => run.replace(/[_\-*]/g, ''),
  );
  // Two short fragments ("del-ete", "use-rs", "rev-ele"): real compounds this short ("log-in",
  // "set-up") lose nothing for scanning when joined.
  return fragments.replace(/(?<![\p{L}\p{N}./@-])(\p{L}{2,3})-(\p{L}{1,3})(?![\p{L}\p{N}@-])/gu, '$1$2');
}

/** Returns the text with markup removed but hidden content kept, and that hidden content as segments. */
function exposeHiddenMarkup(text: string): { text: string; segments: TDecodedSegment[] } {
  const segments: TDecodedSegment[] = [];
  let exposed = text.replace(/<!--([\s\S]*?)(?:-->|$)/g, (_match, content: string) => {
    segments.push({ kind: 'html-comment', text: content });
    return ` ${content} `;
  });
  // Markdown reference-style comments: [//]: # (hidden), [comment]: <> (hidden), [x]: # "hidden".
  exposed = exposed.replace(/^\s*\[[^\]\n]*\]:\s*(?:#|<>)\s*(?:\(([^)\n]*)\)|"([^"\n]*)"|'([^'\n]*)')/gm, (...groups) => {
    const content = String(groups[1] ?? groups[2] ?? groups[3] ?? '');
    segments.push({ kind: 'markdown-comment', text: content });
    return ` ${content} `;
  });
  exposed = exposed.replace(
    /<(span|div|p|font|small)\b[^>]*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0|\bhidden\b)[^>]*>([\s\S]*?)<\/\1>/gi,
    (_match, _tag: string, content: string) => {
      segments.push({ kind: 'hidden-html', text: content });
      return ` ${content} `;
    },
  );
  // Inline formatting tags split words ("<b>ig</b>nore"); other tags stay visible to the rules.
  exposed = exposed.replace(/<\/?(?:b|i|em|strong|u|s|span|font|mark|small)\b[^>]{0,200}>/gi, '');
  return { text: exposed, segments };
}

function decodeUnicodeTags(run: string): string {
  let decoded = '';
  for (const character of run) {
    const codePoint = character.codePointAt(0) ?? 0;
    const ascii = codePoint - 0xe0000;
    if (ascii >= 0x20 && ascii < 0x7f) decoded += String.fromCharCode(ascii);
  }
  return decoded;
}

/** base64 and hex runs that decode to mostly printable text; binary blobs and hashes are ignored. */
function decodeEncodedSegments(text: string): TDecodedSegment[] {
  const segments: TDecodedSegment[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    const candidate = match[0];
    // A hex string is also valid base64; let the hex decoder take it.
    if (/^[0-9a-fA-F]+$/.test(candidate)) continue;
    const decoded = decodeBase64(candidate);
    if (decoded && looksLikeText(decoded)) segments.push({ kind: 'base64', text: decoded });
  }
  for (const match of text.matchAll(/(?:(?:\\x|0x)?[0-9a-fA-F]{2}[\s:,]?){8,}/g)) {
    const digits = match[0].replace(/\\x|0x|[\s:,]/g, '');
    if (digits.length % 2 !== 0) continue;
    const decoded = decodeHex(digits);
    if (decoded && looksLikeText(decoded)) segments.push({ kind: 'hex', text: decoded });
  }
  return segments;
}

function decodeBase64(candidate: string): string | null {
  const standard = candidate.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (standard.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of standard) {
    const value = BASE64_ALPHABET.indexOf(character);
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return decodeUtf8(bytes);
}
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeHex(digits: string): string | null {
  const bytes: number[] = [];
  for (let index = 0; index < digits.length; index += 2) bytes.push(Number.parseInt(digits.slice(index, index + 2), 16));
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: number[]): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** "Mostly printable text": letters and spaces dominate, no control bytes, at least two words. */
function looksLikeText(decoded: string): boolean {
  if (decoded.length < 6) return false;
  const characters = [...decoded];
  const printable = characters.filter((character) => /[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]/u.test(character)).length;
  const letters = characters.filter((character) => /\p{L}/u.test(character)).length;
  return printable / characters.length >= 0.95 && letters / characters.length >= 0.6 && /\p{L}{2,}\s+\p{L}{2,}/u.test(decoded);
}

// Words that make a rot13 decode worth scanning; every text rot13-decodes to *something*.
const ROT13_SIGNAL = /\b(ignore|instructions|previous|disregard|system|prompt|reveal|password|passwd|override|jailbreak|forget|rules|command|execute|run|secret|admin|refund|you|your|now|without|restrictions|instructions?|ignora|ignoriere|instrucciones|istruzioni|instrucoes|anweisungen|regeln|reglas|regole|regras|sistema|systeme|sans|sin|senza|sem|ohne|mot de passe|contrasena|senha|clientes|clienti|kunden|eres|sei|bist|tes|tus|tuo|seu|sua|deine)\b/;
/** An explicit "rot13" marker (folded to "rotie" by the leetspeak pass) makes any decode worth scanning. */
const ROT13_MARKER = /\brot-?(?:13|ie)\b/;

/**
 * Function words of the six languages: running text in any of them is full of these, rot13 text has
 * none, so a decode that suddenly reads like a language is worth scanning, whatever it says.
 */
const FUNCTION_WORDS = /\b(the|and|of|to|a|in|is|it|for|with|my|me|your|you|this|that|on|der|die|das|und|ist|nicht|mit|ein|eine|zu|den|le|la|les|et|de|des|du|un|une|est|pour|que|qui|avec|tu|el|los|las|y|en|es|por|con|para|una|il|lo|gli|di|che|per|non|da|o|os|as|do|da|um|uma|com|nao|voce)\b/g;

function decodeRot13IfMeaningful(scanText: string): string | null {
  const decoded = scanText.replace(/[a-z]/g, (letter) => String.fromCharCode(((letter.charCodeAt(0) - 97 + 13) % 26) + 97));
  const decodedSignals = decoded.match(new RegExp(ROT13_SIGNAL.source, 'g'))?.length ?? 0;
  const originalSignals = scanText.match(new RegExp(ROT13_SIGNAL.source, 'g'))?.length ?? 0;
  if (ROT13_MARKER.test(scanText)) return decoded;
  if (decodedSignals >= 2 && decodedSignals > originalSignals) return decoded;
  const decodedFunctionWords = decoded.match(FUNCTION_WORDS)?.length ?? 0;
  const originalFunctionWords = scanText.match(FUNCTION_WORDS)?.length ?? 0;
  return decodedFunctionWords >= 3 && decodedFunctionWords >= 2 * originalFunctionWords + 2 ? decoded : null;
}

/**
 * Payload splitting ("a = 'ign'  b = 'ore all'  now do a+b"): resolves short string assignments
 * and the concatenations of them, so the assembled sentence can be scanned like any other text.
 */
function resolveStringConcatenations(text: string): TDecodedSegment[] {
  const variables = new Map<string, string>();
  for (const match of text.matchAll(/\b([A-Za-z]\w{0,11})\s*(?:=|:=|is)\s*(["'`])([^"'`\n]{1,80})\2/g)) {
    const [, name, , value] = match;
    if (name && value !== undefined) variables.set(name.toLowerCase(), value);
  }
  if (variables.size < 2) return [];
  const segments: TDecodedSegment[] = [];
  for (const match of text.matchAll(/\b[A-Za-z]\w{0,11}(?:\s*\+\s*[A-Za-z]\w{0,11})+/g)) {
    const parts = match[0].split('+').map((part) => variables.get(part.trim().toLowerCase()));
    if (parts.length >= 2 && parts.every((part) => part !== undefined)) segments.push({ kind: 'concatenation', text: parts.join('') });
  }
  return segments;
}
