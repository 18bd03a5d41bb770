import { describe, expect, it } from 'vitest';
import { formatWaiting, slaTone } from './labels';

describe('inbox SLA colours', () => {
  it('turns amber after 2 minutes and red after 5, only while the customer waits', () => {
    expect(slaTone(119, true)).toBe('green');
    expect(slaTone(121, true)).toBe('amber');
    expect(slaTone(301, true)).toBe('red');
    expect(slaTone(900, false)).toBe('neutral');
  });
  it('formats waiting time', () => {
    expect(formatWaiting(42)).toBe('42s');
    expect(formatWaiting(125)).toBe('2m 05s');
    expect(formatWaiting(3725)).toBe('1h 02m');
  });
});
