import { TRPCClientError } from '@trpc/client';
import { errorMessage } from '../../settings/_components/errors';

export interface TFormErrors {
  /** By field path ("title", "pairs.0.answer"). */
  fields: Record<string, string>;
  /** Shown above the actions when no field owns the problem. */
  form: string | null;
}

/**
 * Splits a failed call into messages for the fields it names (zod issues from the server) and
 * one for the form, so each problem is shown next to what caused it.
 */
export function formErrors(error: unknown): TFormErrors {
  if (error instanceof TRPCClientError && error.message.startsWith('[')) {
    try {
      const issues = JSON.parse(error.message) as { message?: string; path?: (string | number)[] }[];
      const fields: Record<string, string> = {};
      for (const issue of issues) {
        const key = issue.path?.join('.') ?? '';
        if (key && issue.message && !fields[key]) fields[key] = issue.message;
      }
      if (Object.keys(fields).length > 0) return { fields, form: null };
    } catch {
      // Not a list of issues: fall through to the plain message.
    }
  }
  return { fields: {}, form: errorMessage(error) };
}
