import type { TenantTx } from '@vouch/db';
import { z } from 'zod';
import type { TActor } from '../actor';
import { storeSourceVersion, type TUploadedVersion } from './upload-source';

const MAX_TEXT_CHARS = 200_000;

/** An article written or pasted in the console: a title and Markdown (or plain) text. */
export const ZAddArticleInput = z.object({
  /** Set to add a new version of an existing article source. */
  sourceId: z.uuid().nullish(),
  title: z.string().trim().min(1, 'Give the article a title.').max(200, 'The title is longer than 200 characters.'),
  body: z
    .string()
    .trim()
    .min(20, 'The article needs at least 20 characters of text.')
    .max(MAX_TEXT_CHARS, `The article is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters.`),
});

export const ZFaqPair = z.object({
  question: z.string().trim().min(3, 'Each question needs at least 3 characters.').max(1000, 'A question is longer than 1,000 characters.'),
  answer: z.string().trim().min(1, 'Each question needs an answer.').max(10_000, 'An answer is longer than 10,000 characters.'),
});

/** Question/answer pairs entered in the console. */
export const ZAddFaqInput = z.object({
  sourceId: z.uuid().nullish(),
  name: z.string().trim().min(1, 'Give the FAQ a name.').max(200, 'The name is longer than 200 characters.'),
  pairs: z.array(ZFaqPair).min(1, 'Add at least one question and answer.').max(500, 'An FAQ holds at most 500 pairs.'),
});

function fileStem(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 80) || 'untitled'
  );
}

/**
 * A pasted article becomes a version like any upload: sealed, then redacted, scanned, chunked
 * and embedded by the ingestion job, and reviewed by someone else. The caller enqueues it.
 */
export async function addArticleSource(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZAddArticleInput>): Promise<TUploadedVersion> {
  const input = ZAddArticleInput.parse(rawInput);
  const markdown = /^#\s/m.test(input.body.split('\n', 1)[0] ?? '') ? input.body : `# ${input.title}\n\n${input.body}`;
  return storeSourceVersion(tx, tenantId, actor, {
    sourceId: input.sourceId,
    name: input.title,
    fileName: `${fileStem(input.title)}.md`,
    contentBase64: Buffer.from(markdown, 'utf8').toString('base64'),
    mimeType: 'text/markdown',
    sourceType: 'article',
  });
}

/** FAQ pairs become an FAQ version (the same format as an uploaded .faq.json). */
export async function addFaqSource(tx: TenantTx, tenantId: string, actor: TActor, rawInput: z.input<typeof ZAddFaqInput>): Promise<TUploadedVersion> {
  const input = ZAddFaqInput.parse(rawInput);
  return storeSourceVersion(tx, tenantId, actor, {
    sourceId: input.sourceId,
    name: input.name,
    fileName: `${fileStem(input.name)}.faq.json`,
    contentBase64: Buffer.from(JSON.stringify(input.pairs), 'utf8').toString('base64'),
    mimeType: 'application/vnd.vouch.faq+json',
    sourceType: 'faq',
  });
}
