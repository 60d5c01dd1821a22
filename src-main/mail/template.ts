/**
 * The Send Email template: placeholders the administrator can put in the subject and body, the
 * guide's test email as the default, and rendering for one recipient (text and HTML parts).
 */
import type { OutgoingMessage } from './delivery.js';
import type { SupportContacts } from './settings.js';

/** The placeholders, as the compose view's buttons insert them. */
export const PLACEHOLDERS = [
  '{{User First Name}}',
  '{{User Last Name}}',
  '{{User Name}}',
  '{{Email}}',
  '{{Support Phone}}',
  '{{Support Email}}',
] as const;

/** The subject of the test email the guide's section 6 asks administrators to send. */
export const DEFAULT_SUBJECT = 'Test message from your Trax administrator';

/** The default body, in the guide's voice (its code email), with the same closing. */
export const DEFAULT_BODY = [
  'Hello {{User First Name}}.',
  '',
  'This is a test message from your Trax administrator. TraxSolutions will soon ask for a ' +
    'one-time authorization code each time you log in as {{User Name}}, and that code will be ' +
    'sent to this address: {{Email}}.',
  '',
  'You received this message, so you are ready to log into TraxSolutions using two-factor ' +
    'authentication. There is nothing else you need to do.',
  '',
  'If you have any questions, please contact client support at {{Support Phone}} or ' +
    '{{Support Email}}.',
  '',
  'Thank You.',
].join('\n');

/** The recipient values that fill the placeholders. */
export interface TemplateRecipient {
  userName: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** A template filled for one recipient: subject, text and HTML. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

function values(r: TemplateRecipient, support: SupportContacts): Record<string, string> {
  return {
    'User First Name': r.firstName,
    'User Last Name': r.lastName,
    'User Name': r.userName,
    Email: r.email,
    'Support Phone': support.phone,
    'Support Email': support.email,
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z ]+?)\s*\}\}/g;

/** Replaces known placeholders; unknown ones stay as typed so the preview shows the mistake. */
function fill(template: string, vals: Record<string, string>, encode: (s: string) => string) {
  let out = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const value = vals[match[1] ?? ''];
    out += encode(template.slice(last, match.index));
    out += value === undefined ? encode(match[0]) : encode(value);
    last = match.index + match[0].length;
  }
  return out + encode(template.slice(last));
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Fills the template for one recipient. The body is plain text; the HTML part is that text
 * escaped (the template's words and every value alike, so a name like `<script>` arrives as
 * text) with blank lines as paragraphs. The subject is one line: line breaks in values are spaces.
 */
export function renderTemplate(
  template: { subject: string; body: string },
  recipient: TemplateRecipient,
  support: SupportContacts,
): RenderedMessage {
  const vals = values(recipient, support);
  const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');
  const subject = oneLine(fill(template.subject, vals, (s) => s)).trim();
  const text = fill(template.body, vals, (s) => s).replace(/\r\n?/g, '\n');
  const paragraphs = fill(template.body.replace(/\r\n?/g, '\n'), vals, escapeHtml)
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>\n')}</p>`);
  const html =
    '<!doctype html>\n<html><head><meta charset="utf-8"><title>' +
    escapeHtml(subject) +
    '</title></head>\n<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px;">\n' +
    paragraphs.join('\n') +
    '\n</body></html>';
  return { subject, text, html };
}

/** The message for one recipient, ready for {@link MailDelivery}. */
export function messageFor(
  template: { subject: string; body: string },
  recipient: TemplateRecipient & { name?: string },
  support: SupportContacts,
): OutgoingMessage {
  const rendered = renderTemplate(template, recipient, support);
  const name = recipient.name ?? `${recipient.firstName} ${recipient.lastName}`.trim();
  return { to: recipient.email, ...(name ? { toName: name } : {}), ...rendered };
}
