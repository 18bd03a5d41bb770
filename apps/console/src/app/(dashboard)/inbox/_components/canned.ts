/** The "/shortcut" being typed at the cursor (at the start of the text or after whitespace), if any. */
export function shortcutAt(text: string, cursor: number): { shortcut: string; start: number; end: number } | null {
  const before = text.slice(0, cursor);
  const match = /(^|\s)\/([a-z0-9-]{0,32})$/i.exec(before);
  if (!match) return null;
  const start = cursor - match[2]!.length - 1;
  return { shortcut: match[2]!.toLowerCase(), start, end: cursor };
}

/** Replaces the typed "/shortcut" with the response's body; returns the new text and cursor. */
export function expandShortcut(text: string, typed: { start: number; end: number }, body: string): { text: string; cursor: number } {
  const next = text.slice(0, typed.start) + body + text.slice(typed.end);
  return { text: next, cursor: typed.start + body.length };
}
