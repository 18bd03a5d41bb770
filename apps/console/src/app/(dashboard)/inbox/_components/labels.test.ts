import { describe, expect, it } from 'vitest';
import { formatWaiting, slaTone } from './labels';

describe('inbox labels', () => {
  it('colours waiting time by the default SLA: green, amber from 2 minutes, red from 5', () => {
    expect(slaTone(30, true)).toBe('green');
    expect(slaTone(119, true)).toBe('green');
    expect(slaTone(120, true)).toBe('amber');
    expect(slaTone(299, true)).toBe('amber');
    expect(slaTone(300, true)).toBe('red');
    expect(slaTone(900, false)).toBe('neutral');
  });

  it('uses the tenant thresholds when given', () => {
    const sla = { slaWarnSeconds: 30, slaBreachSeconds: 60 };
    expect(slaTone(29, true, sla)).toBe('green');
    expect(slaTone(30, true, sla)).toBe('amber');
    expect(slaTone(61, true, sla)).toBe('red');
  });

  it('formats waiting time compactly', () => {
    expect(formatWaiting(42)).toBe('42s');
    expect(formatWaiting(125)).toBe('2m 05s');
    expect(formatWaiting(3 * 3600 + 7 * 60)).toBe('3h 07m');
  });
});
