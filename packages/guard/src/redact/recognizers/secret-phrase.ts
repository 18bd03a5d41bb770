import { mayHaveVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { alternation, type TRecognizer } from './recognizer';

/**
 * Passwords written in a sentence rather than after ':' or '=' (which `secret.ts` reads): "my password is
 * Summer2026!!", "Passwort lautet Kx9#mP2!vQ7z", "la contraseña es …", "a senha é …", and "Palavra-passe: …",
 * whose label `secret.ts` does not know. The value must mix letters and digits (so "the password is incorrect"
 * or "password was reset" are no secrets). The labels' last words are SECRET_LABEL vocabulary (registered by
 * `secret.ts`: "password", "passwort", "passe", "contraseña", "senha" …), which is the gate.
 */
const LABELS = alternation(['password', 'passwort', 'kennwort', 'passcode', 'mot de passe', 'contraseña', 'palavra-passe', 'senha', 'clave']);
const COPULAS = alternation(['is', 'was', 'ist', 'lautet', 'war', 'est', 'était', 'es', 'era', 'è', 'é', 'now', 'jetzt']);
const PHRASE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${LABELS})(?:(?:[ \t]+(?:${COPULAS}))+[ \t]*:?|[ \t]*:)[ \t]+["'“«„]?(?<value>[^\s"'”»“]{6,64})`,
  'gu',
);
const LETTER = /\p{L}/u;
const DIGIT = /\d/;
const TRAILING = /[.,;:)\]]+$/;

/** A literal part of every label; the label starts at most LABEL_LEAD characters before it ("palavra-passe"). */
const LABEL_HINT = /pass|kennwort|contrase|senha|clave/gi;
const LABEL_LEAD = 9;
/** Label, copulas and a value fit in this many characters after the hint. */
const PHRASE_REACH = 200;

/**
 * The phrase regex runs only around label hints, each time on a slice (from one character before the earliest
 * label start, for the look-behind, to PHRASE_REACH after the hint): a global scan of a long transcript cost
 * 5–15 ms a MB, and a regex started at a hint would run on to the next match.
 */
function detectPhrases(text: string): TDetection[] {
  const found: TDetection[] = [];
  let scannedTo = 0;
  LABEL_HINT.lastIndex = 0;
  for (let h = LABEL_HINT.exec(text); h; h = LABEL_HINT.exec(text)) {
    const from = Math.max(scannedTo, h.index - LABEL_LEAD);
    const sliceFrom = Math.max(0, from - 1);
    const slice = text.slice(sliceFrom, h.index + PHRASE_REACH);
    PHRASE.lastIndex = from - sliceFrom;
    const m = PHRASE.exec(slice);
    if (!m || sliceFrom + m.index > h.index) continue;
    scannedTo = sliceFrom + m.index + m[0].length;
    if (LABEL_HINT.lastIndex < scannedTo) LABEL_HINT.lastIndex = scannedTo;
    const value = m.groups!.value!.replace(TRAILING, '');
    if (value.length < 6 || !LETTER.test(value) || !DIGIT.test(value) || value.includes('@') || value.includes('://')) continue;
    const start = scannedTo - m.groups!.value!.length;
    found.push({ type: 'SECRET', start, end: start + value.length, score: 0.8 });
  }
  return found;
}

export const secretPhraseRecognizer: TRecognizer = {
  type: 'SECRET',
  mayMatch: (f) => f.digitCount >= 1 && mayHaveVocabulary(f, VOCAB.SECRET_LABEL),
  detect: detectPhrases,
};
