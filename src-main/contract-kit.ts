import { z } from 'zod';

/**
 * Declares a channel: its input schema as the argument, its output type as the type parameter.
 * Used by each domain's `channels.ts`; `contract.ts` assembles them into the one contract.
 */
export function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

/** The input of a channel that takes nothing. */
export const NoInput = z.strictObject({}).optional();
