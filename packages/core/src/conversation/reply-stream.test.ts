import { describe, expect, it } from 'vitest';
import { ReplyStream, type TReplyStreamEvent } from './reply-stream';

function run(pieces: string[]) {
  const events: TReplyStreamEvent[] = [];
  const stream = new ReplyStream((e) => events.push(e));
  for (const piece of pieces) stream.push(piece);
  const stored = stream.finish();
  const streamed = events.filter((e) => e.type === 'delta').map((e) => (e as { text: string }).text);
  return { stored, streamed, events };
}

describe('ReplyStream', () => {
  it('emits sentences as they come once they are clear of the hold-back, and stores exactly what it emitted', () => {
    const long = 'Standard shipping takes 3 to 5 business days within the EU and 7 to 10 business days elsewhere.';
    const { stored, streamed } = run([long, 'Express shipping takes 1 to 2 business days within the EU.', 'Tracking numbers arrive by email.']);
    expect(streamed.length).toBeGreaterThan(1);
    expect(streamed.join('')).toBe(stored);
    expect(stored).toBe(`${long} Express shipping takes 1 to 2 business days within the EU. Tracking numbers arrive by email.`);
  });

  it('never lets half of an entity out: a card number split across pieces is redacted whole', () => {
    const { stored, streamed } = run(['Your card 4111 1111', '1111 1111 is on file, and so is anna.k@example.com for receipts.']);
    const all = streamed.join('');
    expect(all).toBe(stored);
    // The placeholder keeps the last four digits by design; the rest never leaves.
    expect(all).not.toMatch(/4111|anna\.k@example\.com/);
    for (const piece of streamed) expect(piece).not.toMatch(/\d{4} \d{4}/);
  });

  it('a reset takes back what was streamed; the stored reply is what came after it', () => {
    const events: TReplyStreamEvent[] = [];
    const stream = new ReplyStream((e) => events.push(e));
    stream.push('A sentence that turned out to be unusable because the whole reply leaked the canary, so it goes.');
    stream.reset();
    stream.push('I could not answer that.');
    const stored = stream.finish();
    expect(stored).toBe('I could not answer that.');
    const afterReset = events.slice(events.findIndex((e) => e.type === 'reset') + 1);
    expect(afterReset.map((e) => (e as { text: string }).text).join('')).toBe(stored);
  });
});
