/**
 * One-time codes: drawn from a CSPRNG over the configured alphabet, and normalised before they are
 * compared so that what a person reasonably types still matches.
 */
import { randomInt } from 'node:crypto';

/** The code alphabets the policy offers (the guide shows both 179857 and ABC123). */
export const CODE_ALPHABETS = ['digits', 'alphanumeric'] as const;
export type CodeAlphabet = (typeof CODE_ALPHABETS)[number];

/**
 * The characters of each alphabet. `alphanumeric` is the digits and the uppercase letters
 * WITHOUT I, L and O: those are read as 1 and 0 in many fonts, so leaving them out means a code
 * is never ambiguous on screen or paper, while the guide's example "ABC123" stays possible
 * (33 symbols: a 6-character code has about 2^30 values, against 2^20 for 6 digits).
 */
export const ALPHABET_CHARACTERS: Readonly<Record<CodeAlphabet, string>> = {
  digits: '0123456789',
  alphanumeric: '0123456789ABCDEFGHJKMNPQRSTUVWXYZ',
};

/** A fresh code of `length` characters, each chosen uniformly by `crypto.randomInt`. */
export function generateCode(length: number, alphabet: CodeAlphabet): string {
  const characters = ALPHABET_CHARACTERS[alphabet];
  let code = '';
  for (let i = 0; i < length; i++) code += characters.charAt(randomInt(characters.length));
  return code;
}

/**
 * The code as typed, made comparable: spaces and hyphens removed (people copy "123 456" or
 * "ABC-123"), letters uppercased, and for letter codes the look-alikes O → 0 and I, L → 1 that
 * the alphabet never contains.
 */
export function normaliseCode(typed: string, alphabet: CodeAlphabet): string {
  const compact = typed.replace(/[\s-]/g, '').toUpperCase();
  if (alphabet === 'digits') return compact;
  return compact.replace(/O/g, '0').replace(/[IL]/g, '1');
}
