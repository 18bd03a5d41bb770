import { describe, expect, it } from 'vitest';
import { verifyAnswer } from './verify-answer';
import { HELP_CENTER } from './testing/help-center';

describe('verifyAnswer', () => {
  it('keeps verbatim and lightly paraphrased sentences citing their own chunk', () => {
    const { kept, dropped } = verifyAnswer(
      [
        { text: 'You can reset your password from the sign-in page.', chunkId: 'password' },
        { text: 'The reset link stays valid for 30 minutes.', chunkId: 'password' },
        { text: 'Refunds go back to your original payment method within 5 business days.', chunkId: 'refunds' },
      ],
      HELP_CENTER,
    );
    expect(dropped).toEqual([]);
    expect(kept).toHaveLength(3);
  });

  it('drops a true sentence that cites the wrong chunk', () => {
    const { kept, dropped } = verifyAnswer([{ text: 'Express shipping takes 1 to 2 business days within the EU.', chunkId: 'refunds' }], HELP_CENTER);
    expect(kept).toEqual([]);
    expect(dropped[0]).toMatchObject({ index: 0, reason: 'number_not_in_source' });
    const wordsOnly = verifyAnswer([{ text: 'Support staff never ask for your password.', chunkId: 'shipping' }], HELP_CENTER);
    expect(wordsOnly.dropped[0]).toMatchObject({ reason: 'unsupported' });
  });

  it('drops invented facts, changed numbers, missing and unknown citations', () => {
    const { kept, dropped } = verifyAnswer(
      [
        { text: 'You can reset your password from the sign-in page.', chunkId: 'password' },
        { text: 'We also give every customer a free gift voucher for their trouble.', chunkId: 'password' },
        { text: 'You can return any unused item within 60 days of delivery.', chunkId: 'refunds' },
        { text: 'Refunds are quick.', chunkId: null },
        { text: 'Refunds go back to the original payment method.', chunkId: 'some-other-tenant-chunk' },
      ],
      HELP_CENTER,
    );
    expect(kept.map((k) => k.text)).toEqual(['You can reset your password from the sign-in page.']);
    expect(dropped.map((d) => [d.index, d.reason])).toEqual([
      [1, 'unsupported'],
      [2, 'number_not_in_source'],
      [3, 'no_citation'],
      [4, 'unknown_citation'],
    ]);
    expect(JSON.stringify(dropped)).not.toContain('voucher');
  });

  it('honours minSupportScore', () => {
    const sentence = [{ text: 'Reset links stay valid for 30 minutes after we email them.', chunkId: 'password' }];
    expect(verifyAnswer(sentence, HELP_CENTER, { minSupportScore: 0.3 }).kept).toHaveLength(1);
    expect(verifyAnswer(sentence, HELP_CENTER, { minSupportScore: 0.99 }).kept).toHaveLength(0);
  });
});
