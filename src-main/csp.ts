/**
 * The Content Security Policy of the renderer, sent by the browser host on every response and
 * by the Electron shell's app:// protocol. One string for both, so they cannot drift apart.
 *
 * Nothing inline, nothing remote: scripts, styles and fonts only from the app itself, images
 * also as data: URLs (chart exports), fetch only back to the app, and no framing, forms or
 * <base> tricks.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response of the renderer carries, in the host and in the shell. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
