/**
 * The redaction step every log line passes through. Log lines carry a fixed event name written in
 * code plus structured fields; fields that could hold a secret or a person's words (passwords,
 * sign-in codes, tokens, message bodies) are dropped by key before anything reaches the disk.
 * Email addresses inside the strings that remain — typically an SMTP server's reply quoted in an
 * error message ("550 5.1.1 <jane@agency.gov>: …") — are masked as on the code-entry screen.
 */
import { maskEmail } from '../auth/mask-email.js';

/** Field names (lower case, separators removed) whose values never reach the log. */
const SECRET_KEYS = new Set([
  'password',
  'pass',
  'passwd',
  'newpassword',
  'oldpassword',
  'currentpassword',
  'code',
  'otp',
  'token',
  'body',
  'html',
  'text',
  'secret',
  'message',
  'subject',
  'authorization',
  'cookie',
]);

/** Substrings that mark a key as secret whatever surrounds them (e.g. `smtpPassword`). */
const SECRET_PARTS = ['password', 'secret', 'token', 'otp'];

/** Longest string kept; anything longer is cut, so a pasted document never lands whole. */
const MAX_STRING = 300;
/** Deepest nesting kept; deeper values become a marker. */
const MAX_DEPTH = 4;

/** Anything shaped like an address inside free text (replies, error messages, stacks). */
const EMAIL_IN_TEXT = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Whether a field of this name is dropped. */
export function isSecretKey(key: string): boolean {
  const normal = key.toLowerCase().replace(/[-_\s]/g, '');
  return SECRET_KEYS.has(normal) || SECRET_PARTS.some((part) => normal.includes(part));
}

/**
 * A copy of `fields` safe to write: secret keys dropped at every depth, email addresses masked
 * and long strings cut, errors reduced to their name, message and stack (an error's message comes
 * from code or from a server, not from the administrator; it is masked and cut like any string).
 */
export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  return redactObject(fields, 0);
}

function redactObject(value: object, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (isSecretKey(key)) continue;
    out[key] = redactValue(item, depth + 1);
  }
  return out;
}

function redactValue(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') return cut(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (depth > MAX_DEPTH) return '[nested]';
  if (value instanceof Error) {
    return {
      name: value.name,
      errorMessage: cut(value.message),
      stack: cut(value.stack ?? '', 2000),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 20).map((item) => redactValue(item, depth + 1));
  if (typeof value === 'object') return redactObject(value, depth);
  return `[${typeof value}]`;
}

/** Masks the addresses in `text`, then cuts it (in that order, so no address is cut in half). */
function cut(text: string, max = MAX_STRING): string {
  const masked = text.replace(EMAIL_IN_TEXT, (address) => maskEmail(address));
  return masked.length > max ? `${masked.slice(0, max)}…[cut]` : masked;
}
