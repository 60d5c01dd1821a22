/**
 * The email hint shown on the code-entry screen ("An authorization code has been sent to
 * t*****r@n*****s.com."): enough for users to recognise their own address, too little for anyone
 * else to learn it.
 */

/** The fixed run of asterisks: always five, so the hint never reveals a part's length. */
export const MASK = '*****';

/**
 * Masks one part (local part or domain name), counting Unicode code points, not UTF-16 units:
 * its first and last character around the fixed run of asterisks, or — for a one-character
 * part — that character and the asterisks.
 */
function maskPart(part: string): string {
  const chars = Array.from(part);
  const first = chars[0];
  if (first === undefined) return MASK;
  if (chars.length === 1) return `${first}${MASK}`;
  return `${first}${MASK}${chars[chars.length - 1] ?? ''}`;
}

/**
 * Masks an email address for the code-entry hint.
 *
 * Rules (each case is tested in test/unit/auth/mask-email.test.ts):
 * - The local part (before the last `@`) keeps its first and last character around a fixed run
 *   of five asterisks: `tester@nfocus.com` → `t*****r@n*****s.com`.
 * - The domain keeps its top-level domain (the last label) in clear. Everything before it is the
 *   "domain name" and is masked as ONE part, so the hint hides how many labels there are:
 *   `agency@maricopa-cares.org` → `a*****y@m*****s.org`,
 *   `x@sub.dept.gov` → `x*****@s*****t.gov`, `jane@mail.nhs.co.uk` → `j*****e@m*****o.uk`.
 *   (We do not consult a public-suffix list: `co.uk` is masked like any other label, which only
 *   ever hides more.)
 * - Every part of two characters or more keeps its first and last character, as the issue asks
 *   (`bob@abc.com` → `b*****b@a*****c.com`, `ab@cd.io` → `a*****b@c*****d.io`); a one-character
 *   part shows that character and the asterisks: `a@b.co` → `a*****@b*****.co`. The run of
 *   asterisks is the same whatever it hides, so the hint never tells a part's length.
 * - A domain without a dot (`root@localhost`) has no top-level domain: `r*****t@l*****t`.
 * - Surrounding white space is ignored. An empty string answers an empty string (no hint to show);
 *   text without `@` or with an empty side is masked whole (`*****`), never echoed back.
 */
export function maskEmail(email: string): string {
  const address = email.trim();
  if (address === '') return '';
  const at = address.lastIndexOf('@');
  const local = at > 0 ? address.slice(0, at) : '';
  const domain = at > 0 ? address.slice(at + 1) : '';
  if (local === '' || domain === '') return MASK;
  const dot = domain.lastIndexOf('.');
  if (dot <= 0 || dot === domain.length - 1) {
    return `${maskPart(local)}@${maskPart(domain)}`;
  }
  const name = domain.slice(0, dot);
  const topLevel = domain.slice(dot + 1);
  return `${maskPart(local)}@${maskPart(name)}.${topLevel}`;
}
