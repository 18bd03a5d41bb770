import { describe, expect, it } from 'vitest';
import { chunkMarkdown } from './chunk-markdown';

const article = `# Billing

Intro about billing.

## Refunds

Refunds take 5 business days.

### Card refunds

Card refunds go back to the original card.

## Invoices

\`\`\`
# not a heading inside code
\`\`\`
Invoices are emailed monthly.
`;

describe('chunkMarkdown', () => {
  it('keeps each chunk under its heading path and never crosses a heading', async () => {
    const chunks = await chunkMarkdown(article);
    expect(chunks.map((c) => [c.heading, c.content.split('\n')[0]])).toEqual([
      ['Billing', 'Intro about billing.'],
      ['Billing › Refunds', 'Refunds take 5 business days.'],
      ['Billing › Refunds › Card refunds', 'Card refunds go back to the original card.'],
      ['Billing › Invoices', '```'],
    ]);
    expect(chunks[3]!.content).toContain('# not a heading inside code');
    expect(chunks.map((c) => c.ordinal)).toEqual([0, 1, 2, 3]);
  });

  it('splits long sections within the size limit and loses no words', async () => {
    const sentences = Array.from({ length: 80 }, (_, i) => `Sentence number ${i} explains a detail of the return process.`);
    const chunks = await chunkMarkdown(`# Returns\n\n${sentences.join(' ')}`, { chunkSize: 300, chunkOverlap: 40 });
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => c.content.length <= 300)).toBe(true);
    const joined = chunks.map((c) => c.content).join(' ');
    for (const sentence of sentences) expect(joined).toContain(sentence.split(' ').slice(0, 3).join(' '));
  });

  it('is deterministic and handles text without headings', async () => {
    expect(await chunkMarkdown('Just a plain answer.')).toEqual([{ ordinal: 0, content: 'Just a plain answer.', heading: null, tokenCount: 5 }]);
    expect(await chunkMarkdown(article)).toEqual(await chunkMarkdown(article));
    expect(await chunkMarkdown('   \n\n ')).toEqual([]);
  });
});
