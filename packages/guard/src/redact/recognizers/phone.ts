import { scoreWithContext } from '../context';
import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { type TRecognizer } from './recognizer';

const CANDIDATE =
  /(?<![\p{L}\p{N}_+\-/.,#@:$€£(])(?:\+[ \u00A0]?|\(\+?|00)?\d[\d \-.()/\u00A0]{5,28}\d(?![\p{L}\p{N}_\-/@]|[ .\-/\u00A0]?\d|[.,]\d)/gu;

const CONTEXT = {
  positive: [
    'phone', 'tel', 'telephone', 'call', 'mobile', 'cell', 'number', 'reach', 'ring', 'whatsapp', 'sms', 'text', 'fax',
    'contact', 'handy', 'telefon', 'telefonnummer', 'rufnummer', 'anrufen', 'erreichbar', 'mobil', 'mobilnummer',
    'téléphone', 'tél', 'portable', 'appeler', 'appelez', 'numéro', 'teléfono', 'móvil', 'celular', 'llamar', 'llámame',
    'número', 'telefono', 'cellulare', 'chiamare', 'chiamami', 'numero', 'telemóvel', 'ligar', 'contacto', 'contatto',
  ],
  negative: true,
};

registerVocabulary(VOCAB.PHONE, CONTEXT.positive);

const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}$/;
const DECIMAL_LIKE = /^\d+[.,]\d+$/;
const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * International (+ / 00) numbers, North-American layouts and national numbers with a trunk 0.
 * Bare digit strings need context ("call me on…") because order and ticket numbers look the same.
 */
export const phoneRecognizer: TRecognizer = {
  type: 'PHONE',
  readsSpokenDigits: true,
  // Shapes scoring 0.5 or more alone have a '+', a separator or a trunk 0; bare digit strings need a context word.
  mayMatch: (f, threshold) =>
    f.looseRunMax >= 7 &&
    (threshold <= 0.45 || f.hasPlus || f.looseShapedRunMax >= 7 || mayHaveVocabulary(f, VOCAB.PHONE)),
  detect(text) {
    const found: TDetection[] = [];
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
      const raw = m[0];
      const base = scorePhoneShape(raw);
      if (base === 0) continue;
      const score = scoreWithContext(text, m.index, base, CONTEXT);
      found.push({ type: 'PHONE', start: m.index, end: m.index + raw.length, score });
    }
    return found;
  },
};

/** 0 when the shape can't be a phone number; otherwise a base score by how phone-like the layout is. */
export function scorePhoneShape(raw: string): number {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return 0;
  if (/[ \-./\u00A0]{2}|[()][()]|\(\s/.test(raw.replace(/\) /g, ')').replace(/ \(/g, '('))) return 0;
  const opens = (raw.match(/\(/g) ?? []).length;
  const closes = (raw.match(/\)/g) ?? []).length;
  if (opens !== closes || opens > 1) return 0;
  if (DATE_LIKE.test(raw) || DECIMAL_LIKE.test(raw) || DOTTED_QUAD.test(raw)) return 0;

  const hasSeparators = /[ \-./()\u00A0]/.test(raw);
  if (raw.startsWith('+') || raw.startsWith('(+')) return digits.length >= 8 ? 0.75 : 0;
  if (raw.startsWith('00') && digits.length >= 10) return hasSeparators ? 0.6 : 0.45;
  if (/^\(\d{3}\)[ \u00A0]?\d{3}[-. \u00A0]\d{4}$/.test(raw)) return 0.7;
  if (/^[2-9]\d{2}([-. ])\d{3}\1\d{4}$/.test(raw)) return 0.6;
  if (/^\(?0\d/.test(raw) && digits.length >= 9 && digits.length <= 12) return hasSeparators ? 0.55 : 0.4;
  return hasSeparators ? 0.3 : 0.2;
}
