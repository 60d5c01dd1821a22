/**
 * The error codes a channel can answer with. Services throw {@link AppError}; the gateway turns
 * every other exception into INTERNAL so no stack trace or secret reaches the renderer.
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the renderer receives when a call fails. `fields` maps a form field to its message. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
}

/** Every channel answers with this envelope, over IPC and over HTTP alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An expected failure with a message fit to show the administrator. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
