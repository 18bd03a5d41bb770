import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, mimeTypeOf, normalizeText, parseDocument } from './parse-document';
import { buildPdf } from './testing-pdf';

describe('parseDocument', () => {
  it('reads a PDF page by page', async () => {
    const parsed = await parseDocument(buildPdf([['Shipping times', 'Orders ship in 2 days.'], ['Returns are free.']]), 'application/pdf');
    expect(parsed.pageCount).toBe(2);
    expect(parsed.markdown).toContain('Orders ship in 2 days.');
    expect(parsed.markdown).toContain('Returns are free.');
  });

  it('refuses a malformed PDF with a clear message', async () => {
    await expect(parseDocument(Buffer.from('%PDF-1.4 this is not a pdf'), 'application/pdf')).rejects.toThrow(/malformed or encrypted/);
  });

  it('turns HTML headings into Markdown headings and FAQ pairs into sections', async () => {
    const html = await parseDocument(Buffer.from('<h1>Contact</h1><p>Write to us.</p><script>alert(1)</script>'), 'text/html');
    expect(html.markdown).toMatch(/^# Contact/m);
    const faq = await parseDocument(Buffer.from(JSON.stringify([{ question: 'Can I pay later?', answer: 'Yes, within 14 days.' }])), 'application/vnd.vouch.faq+json');
    expect(faq.markdown).toBe('## Can I pay later?\n\nYes, within 14 days.');
    await expect(parseDocument(Buffer.from('{"q":1}'), 'application/vnd.vouch.faq+json')).rejects.toThrow(/question", "answer/);
  });

  it('refuses files over the size limit and unsupported types', async () => {
    await expect(parseDocument(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 65), 'text/plain')).rejects.toThrow(/limit is 10 MB/);
    expect(() => mimeTypeOf('photo.png')).toThrow(/Unsupported file type/);
    expect(mimeTypeOf('Billing.FAQ.json')).toBe('application/vnd.vouch.faq+json');
    expect(() => mimeTypeOf('data.json')).toThrow(/Unsupported/);
  });

  it('normalises: NFKC, no zero-width or bidi controls, tidy blank lines', () => {
    expect(normalizeText('Ｆｕｌｌ\u200Bwidth\u202E text\r\n\n\n\nnext')).toBe('Fullwidth text\n\nnext');
  });
});
