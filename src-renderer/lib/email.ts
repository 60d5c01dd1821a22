/**
 * A client-side copy of the server's email rule (src-main/roster/email.ts), so the administrator
 * sees the message before saving. The renderer may import only types from src-main, hence the
 * copy; the server checks again and its answer wins.
 */
const WHATWG_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** True when `email` is WHATWG-valid with a dotted domain (a code mail must reach a person). */
export function looksLikeEmail(email: string): boolean {
  if (email.length > 254 || !WHATWG_EMAIL.test(email)) return false;
  return email.slice(email.lastIndexOf('@') + 1).includes('.');
}
