import { describe, expect, it } from 'vitest';
import { MessageSession, normalizeForIdentity, RedactionSession } from './session';

/** The general (regex) path, as it was before the ASCII fast path: the reference the fast path must equal. */
function referenceNormalize(type: string, value: string): string {
  const folded = value.normalize('NFKC').toLowerCase();
  if (['PHONE', 'CREDIT_CARD', 'IBAN', 'US_SSN', 'PASSPORT', 'NATIONAL_ID'].includes(type)) return folded.replace(/[^\p{L}\p{N}+]/gu, '');
  return folded.replace(/\s+/g, ' ').trim();
}

describe('normalizeForIdentity', () => {
  it('equals the regex reference on random ASCII values for every kind of type', () => {
    // Every ASCII code unit, weighted toward white space, separators and letters.
    const pool = [...Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)), ' ', ' ', '  ', '\t', '\n', '\r\n', '-', '+', '.', 'A', 'z', '7'];
    let seed = 42;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let round = 0; round < 5000; round++) {
      let value = '';
      const length = random(24);
      for (let k = 0; k < length; k++) value += pool[random(pool.length)];
      for (const type of ['EMAIL', 'PERSON', 'PHONE', 'CREDIT_CARD', 'CUSTOM_X']) {
        expect(normalizeForIdentity(type, value), JSON.stringify([type, value])).toBe(referenceNormalize(type, value));
      }
    }
  });

  it('folds what the placeholders treat as one value', () => {
    expect(normalizeForIdentity('PHONE', '+49 (30) 123-45')).toBe('+493012345');
    expect(normalizeForIdentity('EMAIL', '  Anna.Smith@Example.COM ')).toBe('anna.smith@example.com');
    expect(normalizeForIdentity('PERSON', 'Anna \t\n Smith')).toBe('anna smith');
    expect(normalizeForIdentity('PERSON', 'Ｊｏｈｎ  Müller')).toBe('john müller');
  });

  it('numbers placeholders in a message session exactly as a fresh conversation session does', () => {
    const types = ['EMAIL', 'PHONE', 'PERSON', 'CUSTOM_X'];
    const values = ['anna@x.com', 'ANNA@X.COM', ' anna@x.com', 'bob@x.com', '+49 30 123', '+4930123', '+49-30-123', '030 123', 'Anna Smith', 'anna  smith', 'ANNA SMITH',
      'Anna\tSmith', 'Ｊｏｈｎ', 'john', 'x', 'X', ''];
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let round = 0; round < 3000; round++) {
      const message = new MessageSession();
      const conversation = RedactionSession.create();
      const length = 1 + random(8);
      for (let k = 0; k < length; k++) {
        const type = types[random(types.length)]!;
        const value = values[random(values.length)]!;
        expect(message.getPlaceholder(type, value), JSON.stringify([round, k, type, value])).toBe(conversation.getPlaceholder(type, value));
      }
    }
  });
});
