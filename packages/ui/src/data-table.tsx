'use client';

import { createContext, useContext, type ReactNode, type TdHTMLAttributes } from 'react';
import { cn } from './cn';

/** Horizontal cell padding: `sm` (px-3) for wide logs, `md` (px-4), `lg` (px-5) to line up with a CardHeader. */
export type TTableInset = 'sm' | 'md' | 'lg';

const INSET: Record<TTableInset, string> = { sm: 'px-3', md: 'px-4', lg: 'px-5' };
const InsetContext = createContext<TTableInset>('md');

export interface TDataTableColumn {
  label: ReactNode;
  /** Read by screen readers only, e.g. the header of an actions column. */
  srOnly?: boolean;
  align?: 'left' | 'right';
}

export interface TDataTableProps {
  /** Names the table for screen readers; visually hidden. */
  caption: ReactNode;
  /** The header cells in order; `false` leaves a column out (e.g. actions the viewer cannot use). */
  columns: ReadonlyArray<string | TDataTableColumn | false>;
  inset?: TTableInset;
  /** The body rows: `<tr>`s of `Td`s. */
  children: ReactNode;
}

/**
 * A list table on a card: a semantic `<table>` with a caption and `scope="col"` headers, scrolling
 * sideways on narrow screens. Rows stay the caller's own `<tr>`s, so links and buttons in them keep
 * their natural tab order.
 */
export function DataTable({ caption, columns, inset = 'md', children }: TDataTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column, index) => {
              if (column === false) return null;
              const { label, srOnly, align } = typeof column === 'string' ? { label: column } : column;
              return (
                <th
                  key={index}
                  scope="col"
                  className={cn(INSET[inset], 'py-3 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-500 uppercase', align === 'right' ? 'text-right' : 'text-left')}
                >
                  {srOnly ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 bg-white">
          <InsetContext value={inset}>{children}</InsetContext>
        </tbody>
      </table>
    </div>
  );
}

/** A body cell of a `DataTable`, padded like its headers; `className` adds alignment, colour, widths. */
export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn(INSET[useContext(InsetContext)], 'py-3 align-top text-sm', className)} {...props} />;
}
