import { describe, expect, it } from 'vitest';
import { decideGrounding } from './decide-grounding';
import { HELP_CENTER } from './testing/help-center';

const thresholds = { groundingThreshold: 0.35, minQuestionCoverage: 0.6 };

describe('decideGrounding', () => {
  it.each([
    ['How do I reset my password?', 'password'],
    ['How long do refunds take?', 'refunds'],
    ['How long does express shipping take?', 'shipping'],
    ['When do I get a tracking number?', 'shipping'],
  ])('grounds "%s" on %s', (question, chunkId) => {
    const decision = decideGrounding(HELP_CENTER, question, thresholds);
    expect(decision).toMatchObject({ grounded: true, reason: 'grounded', bestChunkId: chunkId });
    expect(decision.strength).toBeGreaterThanOrEqual(thresholds.groundingThreshold);
  });

  it.each(['What is the capital of France?', 'Can I pay with bitcoin?', 'What are your opening hours?', 'Do you offer a warranty on laptops?'])(
    'is honest about "%s", which the sources do not cover',
    (question) => {
      const decision = decideGrounding(HELP_CENTER, question, thresholds);
      expect(decision.grounded).toBe(false);
      expect(['weak_evidence', 'topic_not_covered']).toContain(decision.reason);
    },
  );

  it.each([
    ['Can I reset my PIN?', 'password article, but PINs are not in it'],
    ['Do you ship to Mars?', 'shipping article, but not to Mars'],
    ['Do you sell gift cards?', 'nothing on gift cards'],
  ])('refuses the near miss "%s" (%s)', (question) => {
    expect(decideGrounding(HELP_CENTER, question, thresholds).grounded).toBe(false);
  });

  it('says no_evidence when retrieval found nothing', () => {
    expect(decideGrounding([], 'How do I reset my password?', thresholds)).toMatchObject({ grounded: false, reason: 'no_evidence', strength: 0 });
  });

  it('follows the threshold in the agent config', () => {
    const strict = decideGrounding(HELP_CENTER, 'How long do refunds take?', { groundingThreshold: 0.95, minQuestionCoverage: 0.6 });
    expect(strict).toMatchObject({ grounded: false, reason: 'weak_evidence' });
  });

  it('reports its signals per chunk', () => {
    const decision = decideGrounding(HELP_CENTER, 'reset password', thresholds);
    expect(decision.chunks.map((c) => c.chunkId)).toEqual(['refunds', 'password', 'shipping']);
    expect(decision.chunks[1]).toMatchObject({ coverage: 1, topicCoverage: 1 });
  });
});
