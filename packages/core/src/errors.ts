/** Errors the domain raises on purpose; the API maps each code to a transport status. */
export type TAppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export class AppError extends Error {
  readonly code: TAppErrorCode;
  /** Safe to show to the caller; never contains secrets, SQL or stack traces. */
  readonly publicMessage: string;

  constructor(code: TAppErrorCode, publicMessage: string, options?: { cause?: unknown }) {
    super(publicMessage, options);
    this.name = 'AppError';
    this.code = code;
    this.publicMessage = publicMessage;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Postgres unique violation (23505), as surfaced by the Prisma pg adapter. */
export function isUniqueViolation(error: unknown): boolean {
  const text = String((error as { code?: unknown; message?: unknown })?.message ?? '');
  const code = (error as { code?: unknown })?.code;
  return code === 'P2002' || code === '23505' || text.includes('23505') || /unique constraint/i.test(text);
}
