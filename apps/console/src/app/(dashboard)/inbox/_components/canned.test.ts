import { describe, expect, it } from 'vitest';
import { expandShortcut, shortcutAt } from './canned';

describe('canned response shortcuts', () => {
  it('finds a /shortcut at the cursor, at the start or after a space only', () => {
    expect(shortcutAt('/ref', 4)).toEqual({ shortcut: 'ref', start: 0, end: 4 });
    expect(shortcutAt('Hi! /Refund', 11)).toEqual({ shortcut: 'refund', start: 4, end: 11 });
    expect(shortcutAt('see https://x.test/refund', 25)).toBeNull();
    expect(shortcutAt('/refund then more', 17)).toBeNull();
  });

  it('replaces only the typed shortcut and puts the cursor after the body', () => {
    const text = 'Hello /refund and bye';
    const typed = shortcutAt(text, 13)!;
    expect(expandShortcut(text, typed, 'Refunds take 5 days.')).toEqual({ text: 'Hello Refunds take 5 days. and bye', cursor: 26 });
  });
});
