'use client';

import { useId, useRef, useState } from 'react';
import { Button } from './button';
import { cn } from './cn';

export interface TCopyFieldProps {
  /** The visible label, e.g. "Invitation link". */
  label: string;
  value: string;
  className?: string;
}

/**
 * A read-only value with a copy button, for secrets shown once (invitation links, API keys).
 * When the clipboard is unavailable the text is selected so the user can copy it by hand.
 */
export function CopyField({ label, value, className }: TCopyFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      inputRef.current?.select();
      setState('failed');
    }
  }

  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1.5 flex gap-2">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          className={cn(
            'block h-10 w-full min-w-0 rounded-md border-0 bg-slate-50 px-3 font-mono text-xs text-slate-900 ring-1 ring-inset ring-slate-300',
            'focus:outline-none focus:ring-2 focus:ring-inset focus:ring-indigo-600',
          )}
        />
        <Button variant="secondary" onClick={() => void copy()} className="shrink-0">
          {state === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p aria-live="polite" className="mt-1 min-h-4 text-xs text-slate-500">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'Copying was blocked; the text is selected — press Ctrl+C (⌘C).' : ''}
      </p>
    </div>
  );
}
