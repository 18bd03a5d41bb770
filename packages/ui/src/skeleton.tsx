import { cn } from './cn';

/** A grey placeholder block while data loads; hidden from assistive technology. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-md bg-slate-200', className)} />;
}

/** Full-width placeholder rows while a list loads; the label names what is loading for screen readers. */
export function SkeletonRows({ label, rows = 3, className, rowClassName }: { label: string; rows?: number; className?: string; rowClassName?: string }) {
  return (
    <div role="status" aria-label={label} className={cn('space-y-3', className)}>
      {Array.from({ length: rows }, (_, row) => (
        <Skeleton key={row} className={cn(rowClassName, 'w-full')} />
      ))}
    </div>
  );
}
