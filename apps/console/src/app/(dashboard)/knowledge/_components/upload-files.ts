/**
 * What the upload form checks before sending. Mirrors the server's list in
 * packages/core/src/knowledge/parse-document.ts, which decides regardless; checking here saves
 * a 10 MB round trip to learn that a .zip is not welcome.
 */
export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm', '.pdf', '.docx', '.faq.json'] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPT = SUPPORTED_EXTENSIONS.join(',');
export const SUPPORTED_HINT = 'Markdown, plain text, HTML, PDF, DOCX or FAQ (.faq.json) · up to 10 MB each';

/** The reason a file cannot be uploaded, or null when it may be sent. */
export function rejectFile(file: Pick<File, 'name' | 'size'>): string | null {
  const lower = file.name.toLowerCase();
  if (!SUPPORTED_EXTENSIONS.some((ext) => lower.endsWith(ext))) {
    return lower.endsWith('.json')
      ? 'JSON files must be FAQs named *.faq.json (a list of {"question", "answer"}).'
      : 'Unsupported file type. Use Markdown, plain text, HTML, PDF, DOCX or .faq.json.';
  }
  if (file.size === 0) return 'The file is empty.';
  if (file.size > MAX_UPLOAD_BYTES) return `The file is ${formatBytes(file.size)}; the limit is 10 MB.`;
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The file's bytes as base64 (without the data: URL prefix), read in the browser. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
