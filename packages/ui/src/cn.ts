import { clsx, type ClassValue } from 'clsx';

/** Joins class names, skipping falsy values. Later classes are appended, not merged. */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
