/**
 * How Trax Admin sends one email, whatever the delivery mode: the login simulator's code emails,
 * Settings' test message and every bulk Send Email go through here. The mode is read from the
 * saved settings at the moment of sending, so switching it in Settings takes effect at once.
 */
import type { Clock } from '../app.js';
import type { Database } from '../db/connection.js';
import { AppError } from '../errors.js';
import { OsKeychain } from '../secrets/keychain.js';
import { fromHeader, mailOptions } from './compose.js';
import { Outbox } from './outbox.js';
import { MailSettingsRepository, type DeliveryMode } from './settings.js';
import {
  openSmtpTransport,
  sendTracked,
  serverName,
  type DataProgress,
  type SmtpTestHooks,
} from './smtp.js';
import { classifySmtpError, type SmtpProblem } from './smtp-errors.js';

/** One message to one recipient; `text` and `html` are the two parts of the same content. */
export interface OutgoingMessage {
  to: string;
  toName?: string;
  subject: string;
  text: string;
  html: string;
}

/** Proof of delivery: the Message-ID and the server's reply (or the outbox's). */
export interface DeliveryReceipt {
  messageId: string;
  response: string;
}

/** Sends one message. Failures are AppError UNAVAILABLE with a plain-language message. */
export interface MailDelivery {
  send(message: OutgoingMessage): Promise<DeliveryReceipt>;
}

/** What every mail service is built from. */
export interface MailDeps {
  db: Database;
  clock: Clock;
  /** The OS keychain; tests pass one under a service name of their own. */
  secrets?: OsKeychain;
  /** Internal test hooks (trusted test certificate, short timeouts); never renderer-reachable. */
  smtpHooks?: SmtpTestHooks;
}

/**
 * An open channel to the current delivery mode, kept open across many messages by a bulk job
 * (one SMTP pool per run). `send` rejects with nodemailer's own error; `explain` classifies it,
 * knowing whether that error came after the whole message had been handed over.
 */
export interface MailSender {
  via: DeliveryMode;
  send(message: OutgoingMessage): Promise<DeliveryReceipt>;
  explain(error: unknown): SmtpProblem;
  close(): void;
}

/** Opens a sender for the mode saved right now. */
export async function openSender(deps: MailDeps): Promise<MailSender> {
  const settings = new MailSettingsRepository(deps.db).get();
  const from = fromHeader(settings.fromName, settings.fromAddress);
  if (settings.mode === 'outbox') {
    const outbox = new Outbox(deps.db, deps.clock);
    return {
      via: 'outbox',
      send: (message) => outbox.store(message, from),
      explain: (error) => classifySmtpError(error, 'the Local outbox'),
      close: () => {},
    };
  }
  const transport = await openSmtpTransport(
    settings,
    deps.secrets ?? new OsKeychain(),
    deps.smtpHooks,
  );
  // Errors raised after the whole message was handed to the connection.
  const afterData = new WeakSet<object>();
  return {
    via: 'smtp',
    async send(message) {
      const progress: DataProgress = { complete: false };
      try {
        const info = await sendTracked(
          transport,
          mailOptions(message, from, deps.clock()),
          progress,
        );
        return { messageId: info.messageId, response: info.response };
      } catch (error) {
        if (progress.complete && typeof error === 'object' && error !== null) afterData.add(error);
        throw error;
      }
    },
    explain: (error) =>
      classifySmtpError(
        error,
        serverName(settings),
        typeof error === 'object' && error !== null && afterData.has(error),
      ),
    close: () => transport.close(),
  };
}

/**
 * The delivery the rest of the app uses for single messages (code emails, test messages).
 * Each call opens the mode saved at that moment and closes it afterwards.
 */
export function createDelivery(deps: MailDeps): MailDelivery {
  return {
    async send(message) {
      const sender = await openSender(deps);
      try {
        return await sender.send(message);
      } catch (error) {
        throw new AppError(
          'UNAVAILABLE',
          `The email to ${message.to} was not sent. ${sender.explain(error).message}`,
        );
      } finally {
        sender.close();
      }
    },
  };
}
