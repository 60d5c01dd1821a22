import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src-main/csp.js';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe('the Content Security Policy', () => {
  it("starts from default-src 'none'", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows nothing unsafe, inline, remote or wildcard', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|blob:|'strict-dynamic'|nonce-/);
  });

  it('loads scripts, styles, fonts and fetches only from the app itself', () => {
    for (const name of ['script-src', 'style-src', 'font-src', 'connect-src']) {
      expect(directives.get(name), name).toEqual(["'self'"]);
    }
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('forbids base, forms and framing', () => {
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('travels with nosniff and no-referrer', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(SECURITY_HEADERS['Referrer-Policy']).toBe('no-referrer');
  });
});
