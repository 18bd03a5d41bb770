import { createPublicKey, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, csvRow, type TAuditExportLine } from './audit-export-format';
import { getAuditPublicKey, signWithAuditKey } from './audit-signing-key';

const line: TAuditExportLine = {
  seq: '1',
  id: 'id-1',
  tenantId: 't',
  occurredAt: '2026-01-01T00:00:00.000Z',
  actorType: 'user',
  actorId: '=HYPERLINK("http://evil")',
  action: 'member.add',
  targetType: null,
  targetId: '+1',
  ip: null,
  userAgent: 'a "quoted", agent\nnext',
  data: { a: 1 },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
};

describe('events.csv', () => {
  it('quotes per RFC 4180 and disarms spreadsheet formulas', () => {
    expect(csvHeader()).toBe('seq,id,occurredAt,actorType,actorId,action,targetType,targetId,ip,userAgent,data,prevHash,hash\r\n');
    const row = csvRow(line);
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(row).toContain(",'+1,");
    expect(row).toContain('"a ""quoted"", agent\nnext"');
    expect(row).toContain('"{""a"":1}"');
    expect(row.endsWith('\r\n')).toBe(true);
  });
});

describe('tenant audit signing key', () => {
  beforeAll(() => {
    process.env.VOUCH_ENCRYPTION_KEY ??= Buffer.alloc(32, 3).toString('base64');
  });

  it('is deterministic per tenant, different across tenants, and verifies its own signatures', () => {
    const a = getAuditPublicKey('tenant-a');
    expect(getAuditPublicKey('tenant-a')).toEqual(a);
    expect(getAuditPublicKey('tenant-b').raw).not.toBe(a.raw);
    expect(Buffer.from(a.raw, 'base64')).toHaveLength(32);
    const signature = Buffer.from(signWithAuditKey('tenant-a', 'manifest'), 'base64');
    expect(verify(null, Buffer.from('manifest'), createPublicKey(a.pem), signature)).toBe(true);
    expect(verify(null, Buffer.from('manifest'), createPublicKey(getAuditPublicKey('tenant-b').pem), signature)).toBe(false);
  });
});
