import { DEFAULT_INJECTION_THRESHOLD, scoreTextInContext } from './score';
import { type TDocumentFinding, type TDocumentScanResult, type TInjectionOptions } from './types';

/** Long paragraphs are cut so one injected sentence is not diluted by a page of normal text. */
const MAX_CHUNK_LENGTH = 1200;

type TChunk = { start: number; end: number; text: string };

/**
 * Scans a document (knowledge article, e-mail, web page, ticket attachment) paragraph by
 * paragraph for instructions aimed at an AI, so ingestion can quarantine it before retrieval
 * puts it in front of a model. Imperatives addressed to human readers ("Click Settings, then
 * ignore the warning") are normal in help content and are not flagged.
 */
export function scanDocumentForInjection(text: string, options: Pick<TInjectionOptions, 'threshold'> = {}): TDocumentScanResult {
  const threshold = options.threshold ?? DEFAULT_INJECTION_THRESHOLD;
  const findings: TDocumentFinding[] = [];
  let documentScore = 0;

  for (const chunk of splitIntoChunks(text)) {
    const { score, reasons } = scoreTextInContext(chunk.text, 'document');
    documentScore = Math.max(documentScore, score);
    if (score < threshold) continue;
    const seenFamilies = new Set<string>();
    for (const reason of reasons) {
      if (seenFamilies.has(reason.family) || reason.weight < 0.2) continue;
      seenFamilies.add(reason.family);
      findings.push({ start: chunk.start, end: chunk.end, family: reason.family, score, evidence: reason.evidence });
    }
  }
  return { flagged: findings.length > 0, score: documentScore, findings };
}

/** Paragraphs (blank-line separated) with their offsets; HTML comments are never split apart. */
function splitIntoChunks(text: string): TChunk[] {
  const paragraphs: TChunk[] = [];
  const separator = /\n[ \t]*\n+/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    const end = match.index;
    const candidate = text.slice(start, end);
    if (hasUnclosedComment(candidate)) continue; // keep extending until the comment closes
    paragraphs.push({ start, end, text: candidate });
    start = end + match[0].length;
  }
  if (start < text.length) paragraphs.push({ start, end: text.length, text: text.slice(start) });
  return paragraphs.flatMap(splitLongParagraph).filter((chunk) => chunk.text.trim().length > 0);
}

function hasUnclosedComment(candidate: string): boolean {
  return candidate.lastIndexOf('<!--') > candidate.lastIndexOf('-->');
}

/** Cuts at line or sentence ends near the limit, keeping offsets exact. */
function splitLongParagraph(paragraph: TChunk): TChunk[] {
  if (paragraph.text.length <= MAX_CHUNK_LENGTH) return [paragraph];
  const chunks: TChunk[] = [];
  let offset = 0;
  while (offset < paragraph.text.length) {
    let end = Math.min(offset + MAX_CHUNK_LENGTH, paragraph.text.length);
    if (end < paragraph.text.length) {
      const window = paragraph.text.slice(offset, end);
      const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
      if (cut > MAX_CHUNK_LENGTH / 2) end = offset + cut + 1;
    }
    chunks.push({ start: paragraph.start + offset, end: paragraph.start + end, text: paragraph.text.slice(offset, end) });
    offset = end;
  }
  return chunks;
}
