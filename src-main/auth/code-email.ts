/**
 * The emails the simulator sends: the sign-in code (the policy's template, the guide's text by
 * default) and the password-reset code. Both are plain text with an HTML twin made from it.
 */
import type { OutgoingMessage } from '../mail/delivery.js';
import type { SupportContacts } from '../mail/settings.js';
import type { Policy } from './policy.js';

/** What the simulator hands to the mail delivery. */
export type OutgoingMail = OutgoingMessage;

/** The values a template's placeholders are replaced with. */
export interface CodeEmailValues {
  firstName: string;
  code: string;
  lifetimeMinutes: number;
  support: SupportContacts;
}

/** The reset email is fixed text; only the sign-in code email is configurable in the policy. */
const RESET_TEMPLATE = [
  'Hello {{User First Name}}.',
  '',
  'Your password reset code is: {{Code}}',
  'Enter this code on the TraxSolutions "Forgot password?" page to choose a new password.',
  'This code will expire after {{Code Lifetime}}.',
  '',
  'If you did not ask to reset your password, you can ignore this email.',
  'If you have any questions, please contact client support at {{Support Phone}}',
  'or {{Support Email}}',
  '',
  'Thank You.',
].join('\n');

/** "1 minute", "5 minutes". */
export function lifetimeText(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Replaces every known placeholder; unknown ones stay visible so a typo is noticed. */
export function fillTemplate(template: string, values: CodeEmailValues): string {
  const map: Record<string, string> = {
    'User First Name': values.firstName,
    Code: values.code,
    'Code Lifetime': lifetimeText(values.lifetimeMinutes),
    'Support Phone': values.support.phone,
    'Support Email': values.support.email,
  };
  return template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, name: string) => map[name] ?? whole);
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Paragraphs at blank lines, line breaks inside them; everything escaped. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`);
  return `<!doctype html><html><body>${paragraphs.join('')}</body></html>`;
}

function mail(to: { email: string; name: string }, subject: string, text: string): OutgoingMail {
  return { to: to.email, toName: to.name, subject, text, html: textToHtml(text) };
}

/** The sign-in code email for one user. */
export function signInCodeEmail(
  to: { email: string; name: string },
  values: CodeEmailValues,
  policy: Policy,
): OutgoingMail {
  return mail(to, policy.codeEmailSubject, fillTemplate(policy.codeEmailTemplate, values));
}

/** The password-reset code email for one user. */
export function resetCodeEmail(
  to: { email: string; name: string },
  values: CodeEmailValues,
): OutgoingMail {
  return mail(to, 'Your TraxSolutions password reset code', fillTemplate(RESET_TEMPLATE, values));
}
