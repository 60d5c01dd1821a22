/**
 * The SMTP side of delivery: nodemailer transports built from the saved settings and the
 * keychain password, "Test connection", and one-off sends.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { ConnectionOptions } from 'node:tls';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { SMTPPoolOptions } from 'nodemailer/lib/smtp-pool';
import { AppError } from '../errors.js';
import { smtpAccount, type OsKeychain } from '../secrets/keychain.js';
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
 * The saved password for the configured server and user from the keychain; none when no user
 * name is set (and then the keychain is not asked at all).
 * @throws AppError VALIDATION when a user name is set but no password is saved.
 */
export async function smtpPassword(
  settings: MailSettings,
  secrets: OsKeychain,
): Promise<string | undefined> {
  if (!settings.user) return undefined;
  const password = await secrets.get(smtpAccount(settings));
  if (password === null) {
    throw new AppError(
      'VALIDATION',
      'No SMTP password is saved for this server and user name. Set the password first.',
      { password: 'Set the password first.' },
    );
  }
  return password;
}

/** nodemailer options for the settings: security, auth and pool size. */
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
    // The pool would otherwise send a message again on its own when a connection closes, past
    // the delivery row's states: every retry is the job runner's decision (see job-runner.ts),
    // which also paces the messages per minute with the app's clock.
    maxRequeues: 0,
    connectionTimeout: hooks.connectionTimeoutMs ?? 20_000,
    greetingTimeout: hooks.greetingTimeoutMs ?? 20_000,
    socketTimeout: hooks.socketTimeoutMs ?? 60_000,
    tls: hooks.tls,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * How far one message got: `complete` turns true once the connection has read the whole
 * message, i.e. when the end of DATA is being written. From then on the server may deliver it,
 * so a failure without its reply is uncertain rather than worth another attempt.
 */
export interface DataProgress {
  complete: boolean;
}

/** The key under which {@link sendTracked} hands its {@link DataProgress} to the plugin. */
const PROGRESS_KEY = 'traxDataProgress';

/** A pooled transport for the settings with the given password (from the keychain or typed). */
export function createSmtpTransport(
  settings: MailSettings,
  password: string | undefined,
  hooks?: SmtpTestHooks,
) {
  const transport = createTransport(transportOptions(settings, password, hooks));
  // The last stage of the message stream: it hands the message over in one chunk and sees the
  // connection read its final byte.
  transport.use('stream', (mail, done) => {
    const progress = (mail.data as Record<string, unknown>)[PROGRESS_KEY] as
      DataProgress | undefined;
    if (progress) mail.message.processFunc((input) => watchEnd(input, progress));
    done();
  });
  return transport;
}

/** A pooled transport for the saved settings, with the password read from the keychain. */
export async function openSmtpTransport(
  settings: MailSettings,
  secrets: OsKeychain,
  hooks?: SmtpTestHooks,
) {
  return createSmtpTransport(settings, await smtpPassword(settings, secrets), hooks);
}

/** Sends `message`, recording in `progress` whether the whole of it was handed over. */
export function sendTracked(
  transport: ReturnType<typeof createSmtpTransport>,
  message: SendMailOptions,
  progress: DataProgress,
) {
  const tracked: SendMailOptions & { [PROGRESS_KEY]: DataProgress } = {
    ...message,
    [PROGRESS_KEY]: progress,
  };
  return transport.sendMail(tracked);
}

/** Messages up to this size reach the connection as one chunk (see {@link OneChunk}). */
const ONE_CHUNK_LIMIT = 64 * 1024;

/**
 * Gathers a message of a few kilobytes into one chunk, so the connection writes it to the socket
 * in one system call instead of one per piece nodemailer compiles (about ten for the Send Email
 * template: headers, each part, each boundary). Larger messages pass on as they come, with
 * backpressure, once the limit is reached: nothing big is held in memory, and a connection that
 * drops part-way through still finds the end of DATA unwritten.
 */
class OneChunk extends Transform {
  private chunks: Buffer[] = [];
  private size = 0;
  private streaming = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.streaming) return done(null, chunk);
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size <= ONE_CHUNK_LIMIT) return done();
    this.streaming = true;
    done(null, this.gathered());
  }

  override _flush(done: TransformCallback): void {
    done(null, this.chunks.length > 0 ? this.gathered() : undefined);
  }

  private gathered(): Buffer {
    const all = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    return all;
  }
}

/** The stream plugin's process function: one chunk, and `progress` once it has all been read. */
function watchEnd(input: Readable, progress: DataProgress): Readable {
  const output = new OneChunk();
  // A process function reports its input's errors on its output (nodemailer's contract).
  input.once('error', (error) => output.destroy(error));
  output.once('end', () => (progress.complete = true));
  return input.pipe(output);
}

/**
 * "Test connection": connects, upgrades, logs in with `password` (when a user name is set), and
 * says plainly how it went. Which password may be used is the caller's decision.
 */
export async function verifySmtp(
  settings: MailSettings,
  password: string | undefined,
  hooks?: SmtpTestHooks,
): Promise<SmtpCheckResult> {
  if (!settings.host) {
    return { ok: false, kind: 'other', message: 'Enter the SMTP host first.' };
  }
  if (settings.user && password === undefined) {
    return { ok: false, kind: 'no-password', message: 'Enter the password first.' };
  }
  const transport = createSmtpTransport(settings, password, hooks);
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
