import { describe, expect, it } from 'vitest';
import { rejectFile } from './upload-files';

describe('rejectFile', () => {
  it('accepts every supported type under the limit', () => {
    for (const name of ['a.md', 'b.MARKDOWN', 'c.txt', 'd.html', 'e.htm', 'f.pdf', 'g.docx', 'h.faq.json']) {
      expect(rejectFile({ name, size: 10 })).toBeNull();
    }
  });

  it('refuses unsupported, empty and oversized files with a reason', () => {
    expect(rejectFile({ name: 'archive.zip', size: 10 })).toMatch(/Unsupported file type/);
    expect(rejectFile({ name: 'faq.json', size: 10 })).toMatch(/\.faq\.json/);
    expect(rejectFile({ name: 'empty.md', size: 0 })).toBe('The file is empty.');
    expect(rejectFile({ name: 'big.pdf', size: 11 * 1024 * 1024 })).toBe('The file is 11.0 MB; the limit is 10 MB.');
  });
});
