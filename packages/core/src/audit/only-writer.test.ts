import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const auditDir = path.join(repoRoot, 'packages/core/src/audit');

async function* sourceFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', 'generated', 'dist'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !full.includes('/testing/')) yield full;
  }
}

describe('audit writes', () => {
  it('go only through core.audit.record (and the tombstone path beside it)', async () => {
    const writers: string[] = [];
    for (const root of ['apps', 'packages']) {
      for await (const file of sourceFiles(path.join(repoRoot, root))) {
        if (file.startsWith(auditDir)) continue;
        const text = await readFile(file, 'utf8');
        if (/auditEvent\.(create|createMany|update|upsert|delete)|INSERT\s+INTO\s+audit_events|audit_tombstone_due|auditCheckpoint\.create/i.test(text)) {
          writers.push(path.relative(repoRoot, file));
        }
      }
    }
    expect(writers).toEqual([]);
  });
});
