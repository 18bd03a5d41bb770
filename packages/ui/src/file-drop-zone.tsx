'use client';

import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { buttonClasses } from './button';
import { cn } from './cn';

export interface TFileDropZoneProps {
  /** Receives every chosen or dropped file; validation is the caller's job. */
  onFiles: (files: File[]) => void;
  /** The file input's accept attribute, e.g. ".md,.pdf". A hint to the picker only. */
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  /** The button's text, e.g. "Choose files". */
  buttonLabel?: string;
  /** A line under the button: supported types, size limit. */
  hint?: ReactNode;
  className?: string;
}

/**
 * A drag-and-drop target with a real file input behind a visible button, so the keyboard and
 * screen readers use the picker while a mouse may also drop files onto the area.
 */
export function FileDropZone({ onFiles, accept, multiple = false, disabled = false, buttonLabel = 'Choose files', hint, className }: TFileDropZoneProps) {
  const inputId = useId();
  const hintId = useId();
  // A counter, not a flag: dragenter/dragleave fire for every child the pointer crosses.
  const [depth, setDepth] = useState(0);
  const dragging = depth > 0 && !disabled;

  function hasFiles(event: DragEvent) {
    return Array.from(event.dataTransfer.types).includes('Files');
  }

  return (
    <div
      onDragEnter={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDepth((d) => d + 1);
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDragLeave={() => setDepth((d) => Math.max(0, d - 1))}
      onDrop={(event) => {
        event.preventDefault();
        setDepth(0);
        if (disabled) return;
        const files = Array.from(event.dataTransfer.files);
        if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
      }}
      className={cn(
        'flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors',
        dragging ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-slate-50',
        disabled && 'opacity-60',
        className,
      )}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.5} className="mb-3 size-8 text-slate-400">
        <path strokeLinecap="round" strokeLinejoin="round" d="M3 16.5v2.25A2.25 2.25 0 0 0 5.25 21h13.5A2.25 2.25 0 0 0 21 18.75V16.5m-13.5-9L12 3m0 0 4.5 4.5M12 3v13.5" />
      </svg>
      <p className="text-sm text-slate-600">{dragging ? 'Drop to add' : multiple ? 'Drag files here, or' : 'Drag a file here, or'}</p>
      <label
        htmlFor={inputId}
        className={cn(
          buttonClasses('secondary', 'sm', 'mt-2 cursor-pointer'),
          'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600',
          disabled && 'cursor-not-allowed',
        )}
      >
        {buttonLabel}
        <input
          id={inputId}
          type="file"
          className="sr-only"
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            // Cleared so choosing the same file again still fires a change.
            event.currentTarget.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </label>
      {hint ? (
        <p id={hintId} className="mt-3 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
