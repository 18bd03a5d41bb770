import { describe, expect, it } from 'vitest';
import { RED_TEAM_PACK } from './injection-pack';

describe('the red-team pack', () => {
  it('has unique ids, a marker per attempt, and attacks in several languages and techniques', () => {
    expect(new Set(RED_TEAM_PACK.map((a) => a.id)).size).toBe(RED_TEAM_PACK.length);
    for (const attempt of RED_TEAM_PACK) {
      expect(attempt.forbidden.length, attempt.id).toBeGreaterThan(0);
      expect(attempt.text.length, attempt.id).toBeLessThanOrEqual(4000);
    }
    expect(new Set(RED_TEAM_PACK.map((a) => a.lang)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(RED_TEAM_PACK.map((a) => a.technique)).size).toBeGreaterThanOrEqual(7);
  });
});
