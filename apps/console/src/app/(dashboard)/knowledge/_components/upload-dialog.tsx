'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Dialog, DialogActions, FileDropZone } from '@vouch/ui';
import { useRef, useState } from 'react';
import { useTRPC } from '~/trpc/react';
import { errorMessage } from '../../settings/_components/errors';
import { ACCEPT, formatBytes, readAsBase64, rejectFile, SUPPORTED_HINT } from './upload-files';

export interface TUploadDialogProps {
  open: boolean;
  onClose: () => void;
  /** Set to upload a new version of this source; otherwise each file becomes a new source. */
  target?: { sourceId: string; name: string };
  /** Called once per file the server accepted. */
  onUploaded?: (uploaded: { sourceId: string; versionId: string; version: number; fileName: string }) => void;
}

export function UploadDialog({ open, onClose, target, onUploaded }: TUploadDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={target ? `Upload a new version of ${target.name}` : 'Upload knowledge'}
      description={
        target
          ? 'The version that is serving now keeps serving until a reviewer approves the new one.'
          : 'Each file becomes a source. Vouch redacts personal data, checks for instructions aimed at the AI and then asks a reviewer to approve it.'
      }
      className="max-w-xl"
    >
      <UploadForm target={target} onClose={onClose} onUploaded={onUploaded} />
    </Dialog>
  );
}

type TItemState = { phase: 'invalid'; message: string } | { phase: 'ready' } | { phase: 'uploading' } | { phase: 'done'; version: number } | { phase: 'failed'; message: string };

interface TItem {
  key: string;
  file: File;
  state: TItemState;
}

function UploadForm({ target, onClose, onUploaded }: Omit<TUploadDialogProps, 'open'>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const upload = useMutation(trpc.knowledge.upload.mutationOptions());
  const [items, setItems] = useState<TItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const nextKey = useRef(0);
  const multiple = !target;

  function addFiles(files: File[]) {
    setFormError(null);
    const added = files.map((file): TItem => {
      const problem = rejectFile(file);
      nextKey.current += 1;
      return { key: String(nextKey.current), file, state: problem ? { phase: 'invalid', message: problem } : { phase: 'ready' } };
    });
    setItems((current) => {
      if (!multiple) return added.slice(0, 1);
      // The same file chosen twice is kept once.
      const seen = new Set(current.map((i) => `${i.file.name}:${i.file.size}:${i.file.lastModified}`));
      return [...current, ...added.filter((i) => !seen.has(`${i.file.name}:${i.file.size}:${i.file.lastModified}`))];
    });
  }

  function setState(key: string, state: TItemState) {
    setItems((current) => current.map((i) => (i.key === key ? { ...i, state } : i)));
  }

  async function submit() {
    const sendable = items.filter((i) => i.state.phase === 'ready' || i.state.phase === 'failed');
    if (sendable.length === 0) {
      setFormError(items.length === 0 ? 'Choose at least one file to upload.' : 'None of these files can be uploaded; remove them or choose others.');
      return;
    }
    setBusy(true);
    let failures = 0;
    // One at a time: each is up to 10 MB of base64, and the order of new sources stays the user's.
    for (const item of sendable) {
      setState(item.key, { phase: 'uploading' });
      try {
        const contentBase64 = await readAsBase64(item.file);
        const result = await upload.mutateAsync({ fileName: item.file.name, contentBase64, sourceId: target?.sourceId ?? null });
        setState(item.key, { phase: 'done', version: result.version });
        onUploaded?.({ ...result, fileName: item.file.name });
      } catch (error) {
        failures += 1;
        setState(item.key, { phase: 'failed', message: error instanceof DOMException ? 'The file could not be read from your device.' : errorMessage(error) });
      }
    }
    await queryClient.invalidateQueries({ queryKey: trpc.knowledge.pathKey() });
    setBusy(false);
    if (failures === 0 && !items.some((i) => i.state.phase === 'invalid')) onClose();
  }

  const sendableCount = items.filter((i) => i.state.phase === 'ready' || i.state.phase === 'failed').length;
  const allDone = items.length > 0 && items.every((i) => i.state.phase === 'done' || i.state.phase === 'invalid');

  return (
    <div className="space-y-4">
      <FileDropZone
        onFiles={addFiles}
        accept={ACCEPT}
        multiple={multiple}
        disabled={busy}
        buttonLabel={multiple ? 'Choose files' : 'Choose a file'}
        hint={SUPPORTED_HINT}
      />
      {items.length > 0 ? (
        <ul aria-label="Files to upload" className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {items.map((item) => (
            <li key={item.key} className="flex items-start gap-3 px-3 py-2.5 text-sm">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-slate-900" title={item.file.name}>
                  {item.file.name}
                </p>
                <p className="text-xs text-slate-500">{formatBytes(item.file.size)}</p>
                {item.state.phase === 'invalid' || item.state.phase === 'failed' ? <p className="mt-1 text-sm text-red-700">{item.state.message}</p> : null}
              </div>
              <ItemStatus state={item.state} />
              {!busy && item.state.phase !== 'done' ? (
                <Button variant="ghost" size="sm" onClick={() => setItems((current) => current.filter((i) => i.key !== item.key))}>
                  Remove<span className="sr-only"> {item.file.name}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={busy}>
          {allDone ? 'Close' : 'Cancel'}
        </Button>
        {!allDone ? (
          <Button onClick={() => void submit()} disabled={busy} aria-busy={busy}>
            {busy ? 'Uploading…' : sendableCount > 1 ? `Upload ${sendableCount} files` : 'Upload'}
          </Button>
        ) : null}
      </DialogActions>
    </div>
  );
}

function ItemStatus({ state }: { state: TItemState }) {
  switch (state.phase) {
    case 'invalid':
      return <Badge tone="red">Not allowed</Badge>;
    case 'ready':
      return <Badge tone="neutral">Ready</Badge>;
    case 'uploading':
      return <Badge tone="indigo">Uploading…</Badge>;
    case 'done':
      return <Badge tone="green">Uploaded as v{state.version}</Badge>;
    case 'failed':
      return <Badge tone="red">Failed</Badge>;
  }
}
