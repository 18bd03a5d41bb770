import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TenantTx } from '@vouch/db';
import { EXPORT_FILES, type TAuditExportManifest } from './audit-export-format';
import { exportAuditEvents, type TAuditExportOptions, type TAuditExportRange } from './export-audit-events';

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  stream.end();
  await once(stream, 'close');
}

/**
 * Writes events.jsonl and events.csv into `dir` and, only once both are complete, the signed
 * manifest.json. Files are created exclusively ('wx'): an export never overwrites another, and
 * a folder without manifest.json is an unfinished export that verify-export refuses.
 */
export async function writeAuditExport(
  tx: TenantTx,
  tenantId: string,
  dir: string,
  range: TAuditExportRange,
  options: TAuditExportOptions = {},
): Promise<TAuditExportManifest> {
  await mkdir(dir, { recursive: true });
  const jsonl = createWriteStream(path.join(dir, EXPORT_FILES.jsonl), { flags: 'wx' });
  const csv = createWriteStream(path.join(dir, EXPORT_FILES.csv), { flags: 'wx' });
  const opened = Promise.all([once(jsonl, 'open'), once(csv, 'open')]);
  try {
    await opened;
    const manifest = await exportAuditEvents(tx, tenantId, range, { writeJsonl: (c) => write(jsonl, c), writeCsv: (c) => write(csv, c) }, options);
    await Promise.all([close(jsonl), close(csv)]);
    await writeFile(path.join(dir, EXPORT_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' });
    return manifest;
  } finally {
    jsonl.destroy();
    csv.destroy();
  }
}
