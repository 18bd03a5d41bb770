import { mayHaveVocabulary, registerVocabulary, VOCAB } from '../prefilter';
import { type TDetection } from '../types';
import { findDigitRuns, type TRecognizer } from './recognizer';

/**
 * German addresses whose street has no street word, only a preposition: "Am Stadtpark 2, 01067 Dresden", "Im
 * Winkel 3a, 50667 Köln", "An der Alster 12, 20099 Hamburg". Without the word a capitalised phrase and a number
 * are everywhere, so the postcode and town must follow: five digits, then a capitalised word.
 */
const PREPOSITION = String.raw`(?:Am|Im|Zum|Zur|An[ \t]+der|An[ \t]+den|Auf[ \t]+der|Auf[ \t]+dem|In[ \t]+der|Unter[ \t]+den|Hinter[ \t]+der|Vor[ \t]+dem)`;
const NAME = String.raw`\p{Lu}[\p{Ll}ß]+(?:[ \t-]\p{Lu}[\p{Ll}ß]+)?`;
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${PREPOSITION}[ \t]+${NAME}[ \t]+\d{1,4}[ \t]?[a-z]?,?[ \t]+\d{5}[ \t]+\p{Lu}[\p{L}-]+(?![\p{L}])`,
  'gu',
);

/** The prepositions' tokens (lower-cased; "an der" by its article), as vocabulary of their own bit. */
registerVocabulary(VOCAB.STREET_PREPOSITION, ['am', 'im', 'zum', 'zur', 'der', 'den', 'dem']);

export const streetPrepositionRecognizer: TRecognizer = {
  type: 'STREET_ADDRESS',
  // A preposition token and the postcode's five-digit run.
  mayMatch: (f) => f.strictRunMax >= 5 && mayHaveVocabulary(f, VOCAB.STREET_PREPOSITION),
  detect: detectAddresses,
};

/** How far before its postcode an address can start, and after the postcode's start it can end. */
const BEFORE_POSTCODE = 80;
const AFTER_POSTCODE = 48;

/**
 * The regex runs only in slices around five-digit runs (the shared, cached digit runs), one character wider on
 * the left for the look-behind: an address holds its postcode, and a global scan of a long transcript cost
 * ~1.5 ms a MB.
 */
function detectAddresses(text: string): TDetection[] {
  const found: TDetection[] = [];
  const { starts, lengths } = findDigitRuns(text);
  let scannedTo = 0;
  for (let k = 0; k < starts.length; k++) {
    if (lengths[k] !== 5) continue;
    const from = Math.max(scannedTo, starts[k]! - BEFORE_POSTCODE);
    const to = Math.min(text.length, starts[k]! + AFTER_POSTCODE);
    if (from >= to) continue;
    const sliceFrom = Math.max(0, from - 1);
    const slice = text.slice(sliceFrom, to);
    ADDRESS.lastIndex = from - sliceFrom;
    for (let m = ADDRESS.exec(slice); m; m = ADDRESS.exec(slice)) {
      found.push({ type: 'STREET_ADDRESS', start: sliceFrom + m.index, end: sliceFrom + m.index + m[0].length, score: 0.75 });
      scannedTo = sliceFrom + m.index + m[0].length;
    }
  }
  return found;
}
