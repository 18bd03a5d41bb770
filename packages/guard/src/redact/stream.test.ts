import { describe, expect, it } from 'vitest';
import { redact } from './redact';
import { createRedactionSession } from './session';
import { createStreamRedactor } from './stream';

const SAMPLES = [
  'Hi Maria,\nyour card 4111 1111 1111 1111 was charged. Email anna.schmidt@example.com or call +49 151 23456789.\n\nThanks,\nAnna Schmidt',
  'IBAN DE89 3704 0044 0532 0130 00 for order #123456789; SSN 123-45-6789; born on 12 March 1985.',
  'my card is four one one one one one one one one one one one one one one one thanks, and the key is sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'Key:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nabcdefghijklmnop\n-----END PRIVATE KEY-----\nShip to 12 rue de la Paix, 75002 Paris.',
];

function streamInChunks(text: string, cuts: number[], holdBack?: number): string {
  const redactor = createStreamRedactor({ session: createRedactionSession('0123456789abcdef'), holdBack });
  let out = '';
  let previous = 0;
  for (const cut of [...cuts, text.length]) {
    out += redactor.push(text.slice(previous, cut));
    previous = cut;
  }
  return out + redactor.flush();
}

describe('createStreamRedactor', () => {
  it.each(SAMPLES.map((s, i) => [i, s] as const))('sample %i: every single split point gives redact(full).text', (_i, text) => {
    const expected = redact(text, { session: createRedactionSession('0123456789abcdef') }).text;
    for (let cut = 0; cut <= text.length; cut++) {
      expect(streamInChunks(text, [cut]), `split at ${cut}`).toBe(expected);
    }
  });

  it.each(SAMPLES.map((s, i) => [i, s] as const))('sample %i: character-by-character with a small hold-back', (_i, text) => {
    const expected = redact(text, { session: createRedactionSession('0123456789abcdef') }).text;
    const cuts = Array.from({ length: text.length }, (_, i) => i + 1);
    expect(streamInChunks(text, cuts, 48)).toBe(expected);
  });

  it('emits text before the end once it is safely behind the hold-back window', () => {
    const redactor = createStreamRedactor({ holdBack: 32 });
    const first = redactor.push('Hello there, thanks for waiting. Your email anna@example.com is confirmed and the rest follows here.');
    expect(first.length).toBeGreaterThan(0);
    expect(first).not.toContain('anna@');
    const rest = redactor.flush();
    expect(first + rest).toContain('[EMAIL_1]');
  });

  it('never emits part of a card number that is still arriving', () => {
    const redactor = createStreamRedactor({ holdBack: 8 });
    let out = '';
    for (const chunk of ['Your card 4111 ', '1111 ', '1111 ', '1111 ', 'is fine. ', 'More text follows here to push the window.']) {
      out += redactor.push(chunk);
      expect(out).not.toMatch(/4111 1111/);
    }
    out += redactor.flush();
    expect(out).toContain('[CREDIT_CARD ****1111]');
  });

  it('reports entities with offsets into the whole stream', () => {
    const redactor = createStreamRedactor({ holdBack: 16 });
    const text = 'Please write to anna@example.com. '.repeat(4);
    for (const ch of text) redactor.push(ch);
    redactor.flush();
    expect(redactor.entities).toHaveLength(4);
    for (const e of redactor.entities) expect(text.slice(e.start, e.end)).toBe('anna@example.com');
  });
});
