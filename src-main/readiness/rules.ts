/**
 * The readiness rules, one small pure function each. A rule answers a {@link Reason} when the
 * user is not ready for it, or null. Rules that need the whole roster (shared address,
 * indistinguishable hint) receive the counts the evaluator gathered in its single pass.
 */
import { isValidEmail } from '../roster/email.js';
import {
  GENERIC_LOCAL_PARTS,
  isGenericUserName,
  isPlaceholderDomain,
  normaliseLocalPart,
} from './generic-words.js';
import type { Reason } from './reasons.js';

/** The last test email of a user, as the mail service reports it. */
export interface TestEmailResult {
  at: string;
  status: 'sent' | 'failed' | 'uncertain';
  detail: string;
}

/** The part before the last `@` and the part after it. */
function splitAddress(email: string): { local: string; domain: string } {
  const at = email.lastIndexOf('@');
  return { local: email.slice(0, at), domain: email.slice(at + 1) };
}

/** Reasons whose sentence never varies are shared (frozen): thousands of users may have them. */
const MISSING: Reason = Object.freeze({
  code: 'missing-email',
  text: 'No email address: the sign-in code cannot be sent.',
});
const NEVER_TESTED: Reason = Object.freeze({
  code: 'test-email-not-sent',
  text: 'No test email has been sent to this user yet.',
});

/** No address at all: no code can be sent. */
export function missingEmail(email: string): Reason | null {
  return email.trim() === '' ? MISSING : null;
}

/** An address that is not a valid email address (WHATWG rule plus a dotted domain). */
export function invalidEmail(email: string): Reason | null {
  const address = email.trim();
  if (address === '' || isValidEmail(address)) return null;
  return {
    code: 'invalid-email',
    text: `"${address}" is not a valid email address, so the sign-in code cannot be delivered.`,
  };
}

/** A valid address on a placeholder or reserved domain (see PLACEHOLDER_DOMAINS). */
export function placeholderDomain(email: string): Reason | null {
  const { domain } = splitAddress(email.trim());
  if (!isPlaceholderDomain(domain)) return null;
  return {
    code: 'placeholder-domain',
    text: `${domain} is a placeholder domain: no person receives mail there.`,
  };
}

/**
 * The guide's FrontDesk user has `frontdeskt@…`: a generic user name typed with a slip. Local
 * parts within this many characters of a generic user name that contains them (or is contained)
 * count as the same.
 */
const USER_NAME_SLIP = 2;

/**
 * A role or generic address: the local part is a generic word, or it is the user's own user name
 * (give or take a slip of {@link USER_NAME_SLIP} characters) when that user name is generic.
 */
export function roleBased(email: string, userName: string): Reason | null {
  const { local } = splitAddress(email.trim());
  const normal = normaliseLocalPart(local);
  const generic =
    GENERIC_LOCAL_PARTS.has(normal) ||
    (sameName(normal, normaliseLocalPart(userName)) && isGenericUserName(userName));
  if (!generic) return null;
  return {
    code: 'role-based',
    text: `${local}@ is a generic address, not one person's: change it to the user's own address.`,
  };
}

/** Compares a normalised local part and a normalised user name. */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return longer.length - shorter.length <= USER_NAME_SLIP && longer.includes(shorter);
}

/** The same address (case-insensitive) on `activeUsersWithAddress` ≥ 2 active users. */
export function sharedAddress(activeUsersWithAddress: number): Reason | null {
  if (activeUsersWithAddress < 2) return null;
  const others = activeUsersWithAddress - 1;
  return {
    code: 'shared-address',
    text:
      `The same address is on ${others} other active user${others === 1 ? '' : 's'}: ` +
      'account sharing is not permitted.',
  };
}

/**
 * Other active users with a different address but the same masked hint on the code-entry
 * screen: the hint no longer tells a user which address the code went to.
 */
export function indistinguishableHint(hint: string, otherAddresses: number): Reason | null {
  if (otherAddresses < 1) return null;
  return {
    code: 'indistinguishable-hint',
    text:
      `The sign-in hint ${hint} is the same for ${otherAddresses} other ` +
      `address${otherAddresses === 1 ? '' : 'es'}: users cannot tell which address was used.`,
  };
}

/** No test email yet, or the last one failed or may not have arrived. */
export function testEmail(result: TestEmailResult | undefined): Reason | null {
  if (!result) return NEVER_TESTED;
  if (result.status === 'failed') {
    return { code: 'test-email-failed', text: `The last test email failed: ${result.detail}` };
  }
  if (result.status === 'uncertain') {
    return {
      code: 'test-email-uncertain',
      text: `The last test email may not have arrived: ${result.detail}`,
    };
  }
  return null;
}
