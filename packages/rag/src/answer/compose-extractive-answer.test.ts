import { describe, expect, it } from 'vitest';
import { composeExtractiveAnswer } from './compose-extractive-answer';
import { HELP_CENTER } from './testing/help-center';

const allSourceText = HELP_CENTER.map((c) => c.content.replace(/\s+/g, ' ')).join(' ');

describe('composeExtractiveAnswer', () => {
  it('answers with verbatim sentences of the right chunk, each citing it', () => {
    const answer = composeExtractiveAnswer('How do I reset my password?', HELP_CENTER);
    expect(answer.sentences.length).toBeGreaterThan(0);
    expect(answer.sentences[0]).toMatchObject({ chunkId: 'password', text: 'You can reset your password from the sign-in page.' });
    for (const sentence of answer.sentences) expect(allSourceText).toContain(sentence.text);
    expect(answer.text).toBe(answer.sentences.map((s) => s.text).join(' '));
  });

  it('never invents text: every sentence exists in the chunk it cites', () => {
    for (const question of ['How long does shipping take?', 'When do I get my refund?', 'tracking number email', 'Can I get a refund after 40 days?']) {
      for (const s of composeExtractiveAnswer(question, HELP_CENTER).sentences) {
        const source = HELP_CENTER.find((c) => c.chunkId === s.chunkId)!;
        expect(source.content.replace(/\s+/g, ' ')).toContain(s.text);
      }
    }
  });

  it('keeps source order and respects maxSentences', () => {
    const answer = composeExtractiveAnswer('How long does standard and express shipping take?', HELP_CENTER, { maxSentences: 2 });
    expect(answer.sentences).toHaveLength(2);
    expect(answer.sentences.map((s) => s.text)).toEqual([
      'Standard shipping takes 3 to 5 business days within the EU and 7 to 10 business days elsewhere.',
      'Express shipping takes 1 to 2 business days within the EU.',
    ]);
  });

  it('returns nothing for a question unrelated to every chunk', () => {
    expect(composeExtractiveAnswer('What is the capital of France?', HELP_CENTER).sentences).toEqual([]);
    expect(composeExtractiveAnswer('anything', []).sentences).toEqual([]);
  });

  it('is deterministic', () => {
    expect(composeExtractiveAnswer('refund time', HELP_CENTER)).toEqual(composeExtractiveAnswer('refund time', HELP_CENTER));
  });
});
