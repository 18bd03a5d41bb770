const SEGMENTER = new Intl.Segmenter('en', { granularity: 'sentence' });
const HEADING = /^\s{0,3}#{1,6}\s/;
const LIST_MARK = /^\s*(?:[-*+]|\d+[.)])\s+/;

/**
 * Splits passage text into sentences: Markdown headings are dropped (they label, they do not
 * state), list items and lines count as sentence boundaries, and each line is split with
 * `Intl.Segmenter`. Whitespace is collapsed; the wording is otherwise untouched.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    // Soft-wrapped prose lines belong together; list items and headings stand alone.
    const units: string[] = [];
    for (const line of lines) {
      if (HEADING.test(line)) continue;
      if (LIST_MARK.test(line) || units.length === 0) units.push(line.replace(LIST_MARK, ''));
      else units[units.length - 1] += ` ${line}`;
    }
    for (const unit of units) {
      for (const { segment } of SEGMENTER.segment(unit.replace(/\s+/g, ' ').trim())) {
        const sentence = segment.trim();
        if (sentence.length > 0) sentences.push(sentence);
      }
    }
  }
  return sentences;
}
