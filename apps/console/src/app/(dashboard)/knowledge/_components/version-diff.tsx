'use client';

import { Button, cn } from '@vouch/ui';
import { useMemo, useState } from 'react';
import { buildLineDiff, type TDiffRow } from './diff-rows';

type TLineRow = Exclude<TDiffRow, { kind: 'gap' }>;

const ROW_STYLE: Record<TLineRow['kind'], { row: string; marker: string; sign: string; sr: string }> = {
  added: { row: 'bg-emerald-50', marker: 'text-emerald-700', sign: '+', sr: 'Added' },
  removed: { row: 'bg-red-50', marker: 'text-red-700', sign: '−', sr: 'Removed' },
  same: { row: '', marker: 'text-slate-300', sign: ' ', sr: 'Unchanged' },
};

/**
 * A line diff as a table: old and new line numbers, a +/− marker (with its meaning spelled out
 * for screen readers, since colour alone says nothing) and the text. Long unchanged runs fold.
 */
export function VersionDiff({ before, after, fromLabel, toLabel }: { before: string; after: string; fromLabel: string; toLabel: string }) {
  const diff = useMemo(() => buildLineDiff(before, after), [before, after]);
  const [unfolded, setUnfolded] = useState<Set<number>>(new Set());

  if (diff.added === 0 && diff.removed === 0) {
    return <p className="text-sm text-slate-600">The redacted text of {fromLabel} and {toLabel} is identical.</p>;
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        <span className="font-medium text-emerald-700">
          {diff.added} line{diff.added === 1 ? '' : 's'} added
        </span>
        ,{' '}
        <span className="font-medium text-red-700">
          {diff.removed} line{diff.removed === 1 ? '' : 's'} removed
        </span>{' '}
        from {fromLabel} to {toLabel}.
      </p>
      <div className="relative max-h-[36rem] overflow-auto rounded-lg border border-slate-200" tabIndex={0} role="region" aria-label={`Changes from ${fromLabel} to ${toLabel}`}>
        <table className="min-w-full border-collapse font-mono text-xs leading-5">
          <caption className="sr-only">
            Line changes from {fromLabel} to {toLabel}
          </caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Line in {fromLabel}</th>
              <th scope="col">Line in {toLabel}</th>
              <th scope="col">Change</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {diff.rows.flatMap((row, index) => {
              if (row.kind !== 'gap') return [<DiffLine key={index} row={row} />];
              if (unfolded.has(index)) return row.hidden.map((hidden, j) => <DiffLine key={`${index}-${j}`} row={hidden as TLineRow} />);
              return [
                <tr key={index} className="bg-slate-50">
                  <td colSpan={4} className="px-3 py-1">
                    <Button variant="ghost" size="sm" className="h-6 px-2 text-xs font-medium text-slate-600" onClick={() => setUnfolded((s) => new Set(s).add(index))}>
                      Show {row.hidden.length} unchanged line{row.hidden.length === 1 ? '' : 's'}
                    </Button>
                  </td>
                </tr>,
              ];
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function DiffLine({ row }: { row: TLineRow }) {
  const style = ROW_STYLE[row.kind];
  return (
    <tr className={style.row} data-change={row.kind}>
      <td className="w-10 border-r border-slate-200 px-2 text-right text-slate-400 select-none">{row.oldLine ?? ''}</td>
      <td className="w-10 border-r border-slate-200 px-2 text-right text-slate-400 select-none">{row.newLine ?? ''}</td>
      <td className={cn('w-6 px-1 text-center font-bold select-none', style.marker)}>
        <span aria-hidden="true">{style.sign}</span>
        <span className="sr-only">{style.sr}</span>
      </td>
      <td className="px-2 break-words whitespace-pre-wrap text-slate-800">{row.text || '\u00a0'}</td>
    </tr>
  );
}
