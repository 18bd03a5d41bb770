import { TRPCClientError } from '@trpc/client';

const FALLBACK = 'Something went wrong. Please try again.';

/**
 * The safe, human message of a failed call. The API sends only public messages; input
 * validation errors arrive as a JSON list of issues, of which the first is shown.
 */
export function errorMessage(error: unknown, fallback = FALLBACK): string {
  if (!(error instanceof TRPCClientError)) return fallback;
  const message = error.message;
  if (message.startsWith('[')) {
    try {
      const issues = JSON.parse(message) as { message?: string; path?: (string | number)[] }[];
      const first = issues[0];
      if (first?.message) return first.path?.length ? `${first.path.join('.')}: ${first.message}` : first.message;
    } catch {
      return fallback;
    }
  }
  if (message === 'Failed to fetch' || message.startsWith('NetworkError')) return 'Could not reach the server. Check your connection and try again.';
  return message || fallback;
}
