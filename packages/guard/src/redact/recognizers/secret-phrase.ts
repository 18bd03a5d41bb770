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

function detectPhrases(text: string): TDetection[] {
  const found: TDetection[] = [];
  PHRASE.lastIndex = 0;
  for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) {
    const value = m.groups!.value!.replace(TRAILING, '');
    if (value.length < 6 || !LETTER.test(value) || !DIGIT.test(value) || value.includes('@') || value.includes('://')) continue;
    const start = m.index + m[0].length - m.groups!.value!.length;
    found.push({ type: 'SECRET', start, end: start + value.length, score: 0.8 });
  }
  return found;
}

export const secretPhraseRecognizer: TRecognizer = {
  type: 'SECRET',
  mayMatch: (f) => f.digitCount >= 1 && mayHaveVocabulary(f, VOCAB.SECRET_LABEL),
  detect: detectPhrases,
};
