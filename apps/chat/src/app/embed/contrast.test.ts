import { describe, expect, it } from 'vitest';
import { contrastRatio, contrastText } from './contrast';

describe('contrastText', () => {
  it('picks white on dark themes and near-black on light ones, always at least WCAG AA for large text', () => {
    expect(contrastText('#4f46e5')).toBe('#ffffff'); // indigo
    expect(contrastText('#000000')).toBe('#ffffff');
    expect(contrastText('#f59e0b')).toBe('#0f172a'); // amber
    expect(contrastText('#ffff00')).toBe('#0f172a');
    for (const hex of ['#4f46e5', '#f59e0b', '#10b981', '#ef4444', '#0ea5e9', '#777777', '#ffffff', '#123456']) {
      expect(contrastRatio(hex, contrastText(hex))).toBeGreaterThanOrEqual(3);
    }
  });

  it('falls back to white for anything that is not #rrggbb', () => {
    expect(contrastText('red')).toBe('#ffffff');
    expect(contrastText('#fff')).toBe('#ffffff');
  });

  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 1);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });
});
