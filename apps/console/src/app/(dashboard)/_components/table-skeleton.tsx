import { Skeleton } from '@vouch/ui';

/** Placeholder rows while a table's first page loads; the label names what is loading for screen readers. */
export function TableSkeleton({ label, rows = 3, columns = 5 }: { label: string; rows?: number; columns?: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-3 px-4 py-4">
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex gap-4">
          {Array.from({ length: columns }, (_, col) => (
            <Skeleton key={col} className="h-5 flex-1" />
          ))}
        </div>
      ))}
    </div>
  );
}
