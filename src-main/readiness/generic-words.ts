/**
 * The word lists behind two readiness rules: which local parts are generic (a role, a desk, a
 * team rather than one person) and which domains are placeholders or reserved (no person
 * receives mail there). Both are constants so the administrator-facing rules are reviewable.
 */
import roleBasedLocalParts from 'role-based-email-addresses';

/**
 * Placeholder and reserved domains. `email.com` is the guide's own placeholder (every address in
 * its screenshots uses it); `example.com/.org/.net` and the top-level names `test`, `invalid`,
 * `localhost` and `example` are reserved by RFC 2606 / RFC 6761 and never deliver mail;
 * `domain.com` and `yourdomain.com` are the placeholders people type into templates.
 * A domain matches when it equals an entry or is a subdomain of it (`mail.example.com`, `a.test`).
 */
export const PLACEHOLDER_DOMAINS: readonly string[] = [
  'email.com',
  'example.com',
  'example.org',
  'example.net',
  'domain.com',
  'yourdomain.com',
  'test',
  'invalid',
  'localhost',
  'example',
];

/**
 * Generic words of this product's world (case-management agencies) that the package list lacks:
 * shared desks and roles of a public-sector programme office. Compared after normalisation.
 */
export const GENERIC_SUPPLEMENT: readonly string[] = [
  'frontdesk',
  'frontoffice',
  'officemanager',
  'officeadmin',
  'intake',
  'caseworker',
  'casemanager',
  'casemanagement',
  'program',
  'programs',
  'coordinator',
  'director',
  'volunteer',
  'volunteers',
  'dataentry',
  'enrollment',
  'referrals',
  'scheduling',
  'shared',
  'generic',
  'guest',
  'temp',
  'trax',
  'traxadmin',
  'traxuser',
];

/**
 * Entries of the package list that are also common given names, so `alexa@agency.gov` belonging
 * to Alexa is not called generic. Compared after normalisation.
 */
export const NOT_GENERIC: readonly string[] = ['alexa', 'india', 'paris', 'china'];

/**
 * The form in which local parts and user names are compared: lower case (ASCII and Unicode),
 * without dots, dashes and underscores, and without trailing digits — so `frontdesk`,
 * `front.desk`, `front-desk2` and `OfficeManager` compare as `frontdesk` / `officemanager`.
 * Digits are kept when nothing else is left (`123` stays `123`).
 */
export function normaliseLocalPart(text: string): string {
  const compact = text.toLowerCase().replace(/[._-]/g, '');
  const withoutDigits = compact.replace(/\d+$/, '');
  return withoutDigits === '' ? compact : withoutDigits;
}

/** Every generic word, normalised, in a Set: one lookup per user. */
export const GENERIC_LOCAL_PARTS: ReadonlySet<string> = (() => {
  const excluded = new Set(NOT_GENERIC.map(normaliseLocalPart));
  const words = new Set<string>();
  for (const word of [...roleBasedLocalParts, ...GENERIC_SUPPLEMENT]) {
    const normal = normaliseLocalPart(word);
    // Package entries that are only digits (years such as "2024") say nothing about a person.
    if (normal !== '' && !/^\d+$/.test(normal) && !excluded.has(normal)) words.add(normal);
  }
  return words;
})();

/** True when the local part, normalised, is a generic word. */
export function isGenericLocalPart(localPart: string): boolean {
  return GENERIC_LOCAL_PARTS.has(normaliseLocalPart(localPart));
}

/**
 * True when a user name names a role, not a person: a generic word itself, or two generic words
 * run together (`MainOffice`, `IntakeDesk`), as shared accounts are often named.
 */
export function isGenericUserName(userName: string): boolean {
  const normal = normaliseLocalPart(userName);
  if (GENERIC_LOCAL_PARTS.has(normal)) return true;
  for (let cut = 2; cut <= normal.length - 2; cut++) {
    if (
      GENERIC_LOCAL_PARTS.has(normal.slice(0, cut)) &&
      GENERIC_LOCAL_PARTS.has(normal.slice(cut))
    ) {
      return true;
    }
  }
  return false;
}

/** True when `domain` is a placeholder or reserved domain, or a subdomain of one. */
export function isPlaceholderDomain(domain: string): boolean {
  const lower = domain.toLowerCase().replace(/\.$/, '');
  return PLACEHOLDER_DOMAINS.some((d) => lower === d || lower.endsWith(`.${d}`));
}
