import { describe, expect, it } from 'vitest';
import { medianWaitMinutes } from './expected-wait';

describe('medianWaitMinutes()', () => {
  it('is unknown without claimed handoffs', () => {
    expect(medianWaitMinutes([])).toBeNull();
  });

  it('takes the middle wait (the upper one of an even count), in order of length, not of arrival', () => {
    expect(medianWaitMinutes([9 * 60_000, 1 * 60_000, 5 * 60_000])).toBe(5);
    expect(medianWaitMinutes([4 * 60_000, 2 * 60_000, 8 * 60_000, 6 * 60_000])).toBe(6);
  });

  it('says at least one minute and rounds to whole minutes', () => {
    expect(medianWaitMinutes([5_000])).toBe(1);
    expect(medianWaitMinutes([150_000])).toBe(3);
  });
});
