'use client';

import { Alert, Button, Label, Textarea } from '@vouch/ui';
import { useState, type FormEvent, type ReactNode } from 'react';
import { parseCidrLines } from './cidr';
import { errorMessage } from './errors';

export interface TCidrListEditorProps {
  id: string;
  label: string;
  /** How the save button and the confirmation name the list, e.g. "IP allowlist". */
  noun: string;
  description: ReactNode;
  /** The saved list. */
  value: string[];
  readOnly: boolean;
  saving: boolean;
  saveError: unknown;
  onSave: (entries: string[]) => Promise<unknown>;
}

/** One address or CIDR range per line, checked as you type; the server's refusal is shown as is. */
export function CidrListEditor({ id, label, noun, description, value, readOnly, saving, saveError, onSave }: TCidrListEditorProps) {
  const [text, setText] = useState(() => value.join('\n'));
  const [saved, setSaved] = useState(false);
  const { entries, invalid } = parseCidrLines(text);
  const dirty = entries.join('\n') !== value.join('\n') || invalid.length > 0;
  const errorsId = `${id}-errors`;
  const descriptionId = `${id}-description`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (invalid.length > 0) return;
    try {
      await onSave(entries);
      setText(entries.join('\n'));
      setSaved(true);
    } catch {
      // Shown below from saveError.
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-2">
      <Label htmlFor={id}>{label}</Label>
      <p id={descriptionId} className="text-sm text-slate-600">
        {description}
      </p>
      <Textarea
        id={id}
        rows={4}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        placeholder={readOnly ? 'Empty' : 'One per line, e.g. 203.0.113.0/24 or 2001:db8::/32'}
        invalid={invalid.length > 0}
        aria-describedby={[descriptionId, invalid.length > 0 ? errorsId : null].filter(Boolean).join(' ')}
        onChange={(event) => {
          setText(event.target.value);
          setSaved(false);
        }}
        className="font-mono"
      />
      {invalid.length > 0 ? (
        <ul id={errorsId} className="space-y-0.5 text-sm text-red-700">
          {invalid.map((entry) => (
            <li key={entry.line}>
              Line {entry.line}: “{entry.value}” is not an IPv4 or IPv6 address or CIDR range.
            </li>
          ))}
        </ul>
      ) : null}
      {saveError ? <Alert tone="error">{errorMessage(saveError)}</Alert> : null}
      {saved && !saveError ? <Alert tone="success">{noun.charAt(0).toUpperCase() + noun.slice(1)} saved.</Alert> : null}
      {readOnly ? null : (
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" disabled={saving || !dirty} aria-busy={saving}>
            {saving ? 'Saving…' : `Save ${noun}`}
          </Button>
        </div>
      )}
    </form>
  );
}
