import { z } from 'zod';
import { AppError, type Result } from './errors.js';
import { contract, isChannel, type Handlers } from './contract.js';

/** Where the gateway reports unexpected exceptions; never shown to the renderer. */
export type ErrorSink = (channel: string, error: unknown) => void;

/**
 * The one entry point both shells call: checks that the channel exists, validates the input
 * against the contract, runs the handler, and wraps the outcome in a {@link Result}. Nothing a
 * caller sends can reach a handler unvalidated, and no exception escapes as anything but a code.
 */
export function createGateway(handlers: Handlers, onError: ErrorSink = () => {}) {
  return async function invoke(channelName: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isChannel(channelName)) {
      return fail('BAD_INPUT', `Unknown request "${channelName.slice(0, 60)}".`);
    }
    const parsed = contract[channelName].input.safeParse(rawInput);
    if (!parsed.success) return rejected(parsed.error);
    try {
      const handler = handlers[channelName] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message, error.fields);
      onError(channelName, error);
      return fail('INTERNAL', 'Something went wrong. The details are in the log.');
    }
  };
}

export type Gateway = ReturnType<typeof createGateway>;

function fail(code: AppError['code'], message: string, fields?: Record<string, string>) {
  return { ok: false as const, error: fields ? { code, message, fields } : { code, message } };
}

/**
 * A form the administrator filled in (any input with a `profile`, `settings` or `form` key) is
 * VALIDATION with a message per field; anything else is a malformed request: BAD_INPUT.
 */
function rejected(error: z.ZodError): Result<never> {
  const fields = fieldsOf(error);
  const isForm = error.issues.some((i) => FORM_KEYS.has(String(i.path[0])));
  if (isForm && fields) return fail('VALIDATION', 'Please correct the highlighted fields.', fields);
  return fail('BAD_INPUT', describe(error), fields);
}

const FORM_KEYS = new Set(['profile', 'settings', 'form']);

function describe(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'The request is not valid.';
  const where = first.path.length ? ` (${first.path.join('.')})` : '';
  return `The request is not valid${where}: ${first.message}`;
}

/** Maps the deepest path segment under `profile` (or the top) to the first message for it. */
function fieldsOf(error: z.ZodError): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path
      .filter((p, i) => !(i === 0 && FORM_KEYS.has(String(p))))
      .map(String)
      .join('.');
    if (key && !(key in fields)) fields[key] = issue.message;
  }
  return Object.keys(fields).length ? fields : undefined;
}
