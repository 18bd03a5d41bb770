import { NodeHtmlMarkdown } from 'node-html-markdown';
import { z } from 'zod';
import { AppError } from '../errors';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_PDF_PAGES = 300;

export const SUPPORTED_TYPES = {
  'text/markdown': ['.md', '.markdown'],
  'text/plain': ['.txt'],
  'text/html': ['.html', '.htm'],
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.vouch.faq+json': ['.faq.json'],
} as const;
export type TSupportedMimeType = keyof typeof SUPPORTED_TYPES;

/** The MIME type for a file name, or a clear refusal naming what is supported. */
export function mimeTypeOf(fileName: string): TSupportedMimeType {
  const lower = fileName.toLowerCase();
  // Longest extension first, so "x.faq.json" is an FAQ and not unsupported JSON.
  const entries = Object.entries(SUPPORTED_TYPES).flatMap(([mime, exts]) => exts.map((ext) => [mime, ext] as const));
  entries.sort((a, b) => b[1].length - a[1].length);
  const match = entries.find(([, ext]) => lower.endsWith(ext));
  if (!match) {
    throw new AppError('BAD_REQUEST', `Unsupported file type for "${fileName}". Supported: Markdown, plain text, HTML, PDF, DOCX and FAQ (.faq.json).`);
  }
  return match[0] as TSupportedMimeType;
}

const ZFaq = z.array(z.object({ question: z.string().min(1), answer: z.string().min(1) })).min(1);

export interface TParsedDocument {
  markdown: string;
  pageCount: number | null;
}

function faqToMarkdown(bytes: Buffer): string {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('BAD_REQUEST', 'The FAQ file is not valid JSON: expected [{"question", "answer"}, …].');
  }
  const parsed = ZFaq.safeParse(data);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'The FAQ file must be a list of {"question", "answer"} pairs.');
  return parsed.data.map((pair) => `## ${pair.question.trim()}\n\n${pair.answer.trim()}`).join('\n\n');
}

async function pdfToMarkdown(bytes: Buffer): Promise<TParsedDocument> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch {
    throw new AppError('BAD_REQUEST', 'The PDF is malformed or encrypted and cannot be read.');
  }
  if (pdf.numPages > MAX_PDF_PAGES) {
    throw new AppError('BAD_REQUEST', `The PDF has ${pdf.numPages} pages; the limit is ${MAX_PDF_PAGES}.`);
  }
  const { text } = await extractText(pdf, { mergePages: false });
  const pages = (Array.isArray(text) ? text : [text]).map((page) => page.trim()).filter(Boolean);
  return { markdown: pages.join('\n\n'), pageCount: pdf.numPages };
}

async function docxToMarkdown(bytes: Buffer): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return NodeHtmlMarkdown.translate(value);
  } catch {
    throw new AppError('BAD_REQUEST', 'The DOCX file is malformed and cannot be read.');
  }
}

/** Turns an upload into Markdown, the one form the rest of the pipeline works on. */
export async function parseDocument(bytes: Buffer, mimeType: TSupportedMimeType): Promise<TParsedDocument> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError('BAD_REQUEST', `The file is ${(bytes.byteLength / 1048576).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`);
  }
  switch (mimeType) {
    case 'text/markdown':
    case 'text/plain':
      return { markdown: bytes.toString('utf8'), pageCount: null };
    case 'text/html':
      return { markdown: NodeHtmlMarkdown.translate(bytes.toString('utf8')), pageCount: null };
    case 'application/vnd.vouch.faq+json':
      return { markdown: faqToMarkdown(bytes), pageCount: null };
    case 'application/pdf':
      return pdfToMarkdown(bytes);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return { markdown: await docxToMarkdown(bytes), pageCount: null };
  }
}

/** NFKC, no control or zero-width characters, tidy whitespace: the same text for every reader. */
export function normalizeText(markdown: string): string {
  return markdown
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
