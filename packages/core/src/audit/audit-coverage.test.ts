import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The event kinds issue 9 lists (agent config edits and PII reveals are owned by their areas). */
const REQUIRED = [
  'auth.sign-in', 'auth.sign-in-failed', 'member.add', 'member.remove', 'member.roles-change', 'member.invite',
  'auth.mfa-enrol', 'auth.mfa-disable', 'sso.configure', 'apikey.create', 'apikey.rotate', 'apikey.revoke',
  'tenant.security-policy-update', 'security.ip-refused', 'knowledge.approve', 'knowledge.reject', 'knowledge.quarantine',
  'audit.export', 'audit.export-request', 'audit.export-download', 'audit.webhook-update',
  'retention.policy-update', 'retention.run', 'privacy.export', 'privacy.erase',
];

async function* sources(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (['node_modules', '.next', 'generated', 'dist'].includes(entry.name) || entry.name.startsWith('.next')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) yield full;
  }
}

describe('audit coverage', () => {
  it('records every event kind the compliance issue lists, somewhere outside tests', async () => {
    const found = new Set<string>();
    for (const root of ['packages', 'apps']) {
      for await (const file of sources(path.join(repoRoot, root))) {
        for (const match of (await readFile(file, 'utf8')).matchAll(/'([a-z_]+\.[a-z_.-]+)'/g)) found.add(match[1]!);
      }
    }
    expect(REQUIRED.filter((action) => !found.has(action))).toEqual([]);
  });
});
