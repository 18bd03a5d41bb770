import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

export interface TChunk {
  ordinal: number;
  content: string;
  /** The heading path the chunk sits under, "Billing › Refunds", for citations and ranking. */
  heading: string | null;
  tokenCount: number;
}

export interface TChunkOptions {
  chunkSize?: number;
  chunkOverlap?: number;
}

interface TSection {
  headingPath: string[];
  body: string;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Splits Markdown at its headings, remembering the heading path of each section. */
function splitSections(markdown: string): TSection[] {
  const sections: TSection[] = [];
  const path: string[] = [];
  let body: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = body.join('\n').trim();
    if (text) sections.push({ headingPath: [...path], body: text });
    body = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading) {
      flush();
      const level = heading[1]!.length;
      path.splice(level - 1);
      while (path.length < level - 1) path.push('');
      path[level - 1] = heading[2]!.trim();
    } else {
      body.push(line);
    }
  }
  flush();
  return sections;
}

/** Rough token estimate (about four characters per token in English); budgets only. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Structure-aware chunking: sections never straddle a heading, long sections are split by
 * langchain's recursive splitter on paragraph, line and sentence boundaries, and each chunk
 * keeps its heading path. Deterministic, so re-ingesting a version yields the same chunks.
 */
export async function chunkMarkdown(markdown: string, options: TChunkOptions = {}): Promise<TChunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: options.chunkSize ?? 900,
    chunkOverlap: options.chunkOverlap ?? 120,
    separators: ['\n\n', '\n', '. ', '? ', '! ', '; ', ', ', ' ', ''],
  });
  const chunks: TChunk[] = [];
  for (const section of splitSections(markdown)) {
    const heading = section.headingPath.filter(Boolean).join(' › ') || null;
    for (const piece of await splitter.splitText(section.body)) {
      const content = piece.trim();
      if (!content) continue;
      chunks.push({ ordinal: chunks.length, content, heading, tokenCount: estimateTokens(content) });
    }
  }
  return chunks;
}
