/**
 * The WHATWG HTML "valid email address" production, plus the rule that the domain has a dot:
 * a code email sent to `user@localhost` never reaches a person.
 */
const WHATWG_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** True when `email` is a deliverable-looking address: WHATWG-valid with a dotted domain. */
export function isValidEmail(email: string): boolean {
  if (email.length > 254 || !WHATWG_EMAIL.test(email)) return false;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return domain.includes('.');
}
