/**
 * The SMTP side of delivery: nodemailer transports built from the saved settings and the
 * keychain password, "Test connection", and one-off sends.
 */
import type { ConnectionOptions } from 'node:tls';
import { createTransport } from 'nodemailer';
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';
import { AppError } from '../errors.js';
import { smtpAccount, type SecretStore } from '../secrets/keychain.js';
import type { MailSettings } from './settings.js';
import { classifySmtpError, type SmtpProblem } from './smtp-errors.js';

/**
 * Internal knobs for tests (never reachable from the renderer): trust a throwaway certificate
 * and shorten the waits so a timeout test takes a second, not a minute.
 */
export interface SmtpTestHooks {
  tls?: ConnectionOptions;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** What Test connection and Send a test message answer. */
export interface SmtpCheckResult {
  ok: boolean;
  /** success or the kind of problem (refused, timeout, tls, auth, …). */
  kind: 'success' | SmtpProblem['kind'];
  message: string;
}

/** `host:port` for messages. */
export function serverName(settings: MailSettings): string {
  return `${settings.host}:${settings.port}`;
}

/**
 * The password for the configured user from the keychain; none when no user name is set.
 * @throws AppError VALIDATION when a user name is set but no password is saved.
 */
export async function smtpPassword(
  settings: MailSettings,
  secrets: SecretStore,
): Promise<string | undefined> {
  if (!settings.user) return undefined;
  const password = await secrets.get(smtpAccount(settings.user, settings.host));
  if (password === null) {
    throw new AppError(
      'VALIDATION',
      'No SMTP password is saved for this user name and server. Set the password first.',
      { password: 'Set the password first.' },
    );
  }
  return password;
}

/** nodemailer options for the settings: security, auth, pool size and rate. */
export function transportOptions(
  settings: MailSettings,
  password: string | undefined,
  hooks: SmtpTestHooks = {},
): SMTPPoolOptions & { pool: true } {
  return {
    pool: true,
    host: settings.host,
    port: settings.port,
    // TLS from the first byte; STARTTLS is then demanded (never an unencrypted fallback) unless
    // the administrator chose no security, in which case it is not even attempted.
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user && password ? { user: settings.user, pass: password } : undefined,
    maxConnections: settings.connections,
    maxMessages: Infinity,
    rateDelta: 60_000,
    rateLimit: settings.messagesPerMinute,
    connectionTimeout: hooks.connectionTimeoutMs ?? 20_000,
    greetingTimeout: hooks.greetingTimeoutMs ?? 20_000,
    socketTimeout: hooks.socketTimeoutMs ?? 60_000,
    tls: hooks.tls,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** A pooled transport for the settings, with the password read from the keychain. */
export async function openSmtpTransport(
  settings: MailSettings,
  secrets: SecretStore,
  hooks?: SmtpTestHooks,
) {
  const password = await smtpPassword(settings, secrets);
  return createTransport(transportOptions(settings, password, hooks));
}

/** "Test connection": connects, upgrades, logs in, and says plainly how it went. */
export async function verifySmtp(
  settings: MailSettings,
  secrets: SecretStore,
  hooks?: SmtpTestHooks,
): Promise<SmtpCheckResult> {
  if (!settings.host) {
    return { ok: false, kind: 'other', message: 'Enter the SMTP host first.' };
  }
  const transport = await openSmtpTransport(settings, secrets, hooks);
  try {
    await transport.verify();
    const login = settings.user ? ` and signed in as ${settings.user}` : '';
    return {
      ok: true,
      kind: 'success',
      message: `Success: connected to ${serverName(settings)}${login}.`,
    };
  } catch (error) {
    const problem = classifySmtpError(error, serverName(settings));
    return { ok: false, kind: problem.kind, message: problem.message };
  } finally {
    transport.close();
  }
}
