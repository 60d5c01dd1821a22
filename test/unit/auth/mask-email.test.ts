import { describe, expect, it } from 'vitest';
import { MASK, maskEmail } from '../../../src-main/auth/mask-email.js';

describe('maskEmail', () => {
  it.each([
    // The guide's own hint shape.
    ['tester@nfocus.com', 't*****r@n*****s.com'],
    ['frontdeskt@email.com', 'f*****t@e*****l.com'],
    // Multi-word and multi-label domains: everything before the TLD is one masked part.
    ['agency@maricopa-cares.org', 'a*****y@m*****s.org'],
    ['x@sub.dept.gov', 'x*****@s*****t.gov'],
    ['jane@mail.nhs.co.uk', 'j*****e@m*****o.uk'],
    // Short parts: first character only.
    ['a@b.co', 'a*****@b*****.co'],
    ['ab@cd.io', 'a*****@c*****.io'],
    ['bob@abc.com', 'b*****@a*****.com'],
    ['abcd@wxyz.net', 'a*****d@w*****z.net'],
    // No top-level domain.
    ['root@localhost', 'r*****t@l*****t'],
    // Surrounding white space, quoted local parts with @ (last @ splits).
    ['  BJackson@Email.com ', 'B*****n@E*****l.com'],
    ['"a@b"@example.com', '"*****"@e*****e.com'],
    // Unicode counted by code points.
    ['zoë@münchen.de', 'z*****@m*****n.de'],
  ])('masks %s as %s', (email, hint) => {
    expect(maskEmail(email)).toBe(hint);
  });

  it('always uses exactly five asterisks, whatever the length', () => {
    for (const email of ['ab@cd.ef', 'averyveryverylongname@anextremelylongdomainname.com']) {
      const runs = maskEmail(email).match(/\*+/g) ?? [];
      expect(runs).toEqual([MASK, MASK]);
    }
  });

  it('gives addresses of different lengths hints of the same length', () => {
    expect(maskEmail('tr@ns.com').length).toBeLessThanOrEqual(
      maskEmail('tester@nfocus.com').length,
    );
    expect(maskEmail('taaaaaaaaaaaaar@naaaaaaaaaas.com')).toBe(maskEmail('tester@nfocus.com'));
  });

  it('never echoes malformed or empty input', () => {
    expect(maskEmail('')).toBe('');
    expect(maskEmail('   ')).toBe('');
    expect(maskEmail('not-an-address')).toBe(MASK);
    expect(maskEmail('@nfocus.com')).toBe(MASK);
    expect(maskEmail('tester@')).toBe(MASK);
  });

  it('keeps a trailing dot domain masked whole', () => {
    expect(maskEmail('tester@nfocus.')).toBe('t*****r@n*****.');
  });
});
