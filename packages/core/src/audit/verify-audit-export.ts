import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import {
  AUDIT_EXPORT_FORMAT,
  contentOfLine,
  EXPORT_FILES,
  type TAuditExportLine,
  type TAuditExportManifest,
} from './audit-export-format';
import { canonicalJson, chainHash } from './canonical';

/**
 * Offline verification of an audit export folder: no database, no master key, only the
 * files and (optionally) the public key the auditor obtained from the console.
 * Kept free of @vouch/db imports on purpose; the CLI loads it through "@vouch/core/audit-export".
 */
export type TExportBreakReason =
  | 'manifest_invalid'
  | 'public_key_mismatch'
  | 'signature_invalid'
  | 'line_invalid'
  | 'tenant_mismatch'
  | 'seq_mismatch'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'count_mismatch'
  | 'chain_end_mismatch'
  | 'jsonl_sha256_mismatch'
  | 'csv_sha256_mismatch';

export type TExportVerification =
  | { ok: true; tenantId: string; count: number; firstSeq: string | null; lastSeq: string | null; lastHash: string | null; publicKey: string }
  | { ok: false; line: number | null; reason: TExportBreakReason; detail: string };

function fail(reason: TExportBreakReason, detail: string, line: number | null = null): TExportVerification {
  return { ok: false, line, reason, detail };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const HEX64 = /^[0-9a-f]{64}$/;
// An audit event is small (data is a bounded JSON object); a huge line is not an event.
const MAX_LINE_CHARS = 16 * 1024 * 1024;

export async function verifyAuditExport(dir: string, options: { publicKey?: string } = {}): Promise<TExportVerification> {
  let manifest: TAuditExportManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, EXPORT_FILES.manifest), 'utf8')) as TAuditExportManifest;
  } catch (error) {
    return fail('manifest_invalid', `cannot read ${EXPORT_FILES.manifest}: ${(error as Error).message}`);
  }
  if (manifest?.format !== AUDIT_EXPORT_FORMAT || !manifest.signature?.value || !manifest.publicKey?.raw || !manifest.files?.jsonl) {
    return fail('manifest_invalid', `not a ${AUDIT_EXPORT_FORMAT} manifest`);
  }

  // 1. The manifest is signed by the key it names, and that key is the one the auditor expects.
  let key;
  try {
    key = createPublicKey(manifest.publicKey.pem);
  } catch {
    return fail('manifest_invalid', 'the manifest public key is not a PEM Ed25519 key');
  }
  const raw = key.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
  if (raw !== manifest.publicKey.raw) return fail('manifest_invalid', 'the PEM and raw public keys differ');
  if (options.publicKey !== undefined) {
    const expected = options.publicKey.includes('BEGIN PUBLIC KEY')
      ? createPublicKey(options.publicKey).export({ format: 'der', type: 'spki' }).subarray(12).toString('base64')
      : options.publicKey.trim();
    if (expected !== raw) return fail('public_key_mismatch', 'the export is signed by a different key than the one given');
  }
  const { signature, ...unsigned } = manifest;
  const signed = verifySignature(null, Buffer.from(canonicalJson(unsigned)), key, Buffer.from(signature.value, 'base64'));
  if (!signed) return fail('signature_invalid', 'the manifest signature does not verify (the manifest was altered or re-signed)');

  // The file names are fixed by the format; a manifest cannot point the verifier elsewhere.
  if (manifest.files.jsonl.name !== EXPORT_FILES.jsonl || manifest.files.csv?.name !== EXPORT_FILES.csv) {
    return fail('manifest_invalid', `the manifest must name ${EXPORT_FILES.jsonl} and ${EXPORT_FILES.csv}`);
  }

  // 2. The chain, line by line, streaming so a million events take no more memory than ten.
  const jsonlPath = path.join(dir, manifest.files.jsonl.name);
  const fileHash = createHash('sha256');
  let expectedPrev = manifest.chain.firstPrevHash;
  let expectedSeq = manifest.range.firstSeq === null ? null : BigInt(manifest.range.firstSeq);
  let lineNo = 0;
  let pending = '';
  const decoder = new StringDecoder('utf8');
  const checkLine = (text: string): TExportVerification | null => {
    lineNo += 1;
    let line: TAuditExportLine;
    try {
      line = JSON.parse(text) as TAuditExportLine;
    } catch {
      return fail('line_invalid', 'not valid JSON', lineNo);
    }
    if (typeof line !== 'object' || line === null || typeof line.seq !== 'string' || !/^\d+$/.test(line.seq) || typeof line.hash !== 'string' || !HEX64.test(line.prevHash)) {
      return fail('line_invalid', 'missing seq, prevHash or hash', lineNo);
    }
    if (line.tenantId !== manifest.tenantId) return fail('tenant_mismatch', `event of tenant ${String(line.tenantId)}`, lineNo);
    if (expectedSeq === null || BigInt(line.seq) !== expectedSeq) {
      return fail('seq_mismatch', `expected seq ${expectedSeq ?? '(none: the manifest lists no events)'}, found ${line.seq}`, lineNo);
    }
    if (line.prevHash !== expectedPrev) {
      return fail('prev_hash_mismatch', lineNo === 1 ? 'prevHash is not the chain start named in the manifest' : "prevHash is not the previous line's hash", lineNo);
    }
    if (chainHash(line.prevHash, contentOfLine(line)) !== line.hash) {
      return fail('hash_mismatch', "the event content does not match its hash", lineNo);
    }
    expectedPrev = line.hash;
    expectedSeq += 1n;
    return null;
  };
  try {
    // The decoder keeps a multi-byte character split across two chunks whole.
    const stream = createReadStream(jsonlPath);
    for await (const chunk of stream) {
      fileHash.update(chunk as Buffer);
      pending += decoder.write(chunk as Buffer);
      let start = 0;
      let newline = pending.indexOf('\n');
      while (newline !== -1) {
        const broken = checkLine(pending.slice(start, newline));
        if (broken) return broken;
        start = newline + 1;
        newline = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
      if (pending.length > MAX_LINE_CHARS) return fail('line_invalid', 'line too long', lineNo + 1);
    }
    pending += decoder.end();
  } catch (error) {
    return fail('manifest_invalid', `cannot read ${manifest.files.jsonl.name}: ${(error as Error).message}`);
  }
  if (pending.length > 0) {
    const broken = checkLine(pending);
    if (broken) return broken;
  }

  // 3. Nothing cut from the end, and the bytes are exactly the ones signed.
  if (lineNo !== manifest.count) {
    return fail('count_mismatch', `the manifest lists ${manifest.count} events, the file has ${lineNo}`, lineNo + 1);
  }
  if (expectedPrev !== manifest.chain.lastHash && manifest.count > 0) {
    return fail('chain_end_mismatch', 'the last hash differs from the manifest', lineNo);
  }
  if (fileHash.digest('hex') !== manifest.files.jsonl.sha256) {
    return fail('jsonl_sha256_mismatch', `${manifest.files.jsonl.name} differs from the signed SHA-256`);
  }
  if ((await sha256File(path.join(dir, manifest.files.csv.name)).catch(() => null)) !== manifest.files.csv.sha256) {
    return fail('csv_sha256_mismatch', `${manifest.files.csv.name} differs from the signed SHA-256 (or is missing)`);
  }
  return {
    ok: true,
    tenantId: manifest.tenantId,
    count: manifest.count,
    firstSeq: manifest.range.firstSeq,
    lastSeq: manifest.range.lastSeq,
    lastHash: manifest.chain.lastHash,
    publicKey: raw,
  };
}
