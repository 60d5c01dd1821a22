/**
 * Builds the exact MIME message that would go over SMTP, without sending it, so the Local
 * outbox shows what a recipient would really receive (headers, encodings, both parts).
 */
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { Clock } from '../app.js';
import type { OutgoingMessage } from './delivery.js';

/** A message compiled by nodemailer: its Message-ID, From, raw MIME and top-level headers. */
export interface ComposedMessage {
  messageId: string;
  from: string;
  raw: string;
  headers: [string, string][];
}

/** The sender used when no From address is configured (Local outbox only). */
export const OUTBOX_FROM_ADDRESS = 'trax-admin@outbox.invalid';

// The stream transport compiles the message with nodemailer's own MailComposer, line for line
// what the SMTP transport would write, and hands back the bytes instead of sending them.
const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** Formats a From header value: `"Name" <address>` or the bare address. */
export function fromHeader(name: string, address: string): { name: string; address: string } {
  return { name, address: address || OUTBOX_FROM_ADDRESS };
}

/**
 * nodemailer's fields for `message` from `from`, dated `date`: the one mapping that the Local
 * outbox and SMTP both compile, so the outbox shows exactly what SMTP would send.
 */
export function mailOptions(
  message: OutgoingMessage,
  from: { name: string; address: string },
  date: Date,
): SendMailOptions {
  return {
    from,
    to: message.toName ? { name: message.toName, address: message.to } : message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    date,
  };
}

/** Compiles `message` as it would be sent from `from`, dated by `clock`. */
export async function composeMessage(
  message: OutgoingMessage,
  from: { name: string; address: string },
  clock: Clock,
): Promise<ComposedMessage> {
  const info = await composer.sendMail(mailOptions(message, from, clock()));
  const raw = Buffer.isBuffer(info.message) ? info.message.toString('utf8') : '';
  return {
    messageId: info.messageId,
    from: from.name ? `${from.name} <${from.address}>` : from.address,
    raw,
    headers: topLevelHeaders(raw),
  };
}

/** The headers before the first blank line, with folded lines joined (RFC 5322 §2.2.3). */
export function topLevelHeaders(raw: string): [string, string][] {
  const end = raw.search(/\r?\n\r?\n/);
  const block = end >= 0 ? raw.slice(0, end) : raw;
  const headers: [string, string][] = [];
  for (const line of block.split(/\r?\n/)) {
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last[1] += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return headers;
}
