/**
 * The job runner tests' set-up: a real database, a real SMTP server on 127.0.0.1 (no AUTH unless
 * a test is about it) and the mail services pointed at it, with pauses that move a fixed clock
 * instead of waiting. Each test file calls `afterEach(runCleanups)`.
 */
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import type { RunnerOptions } from '../../../src-main/mail/job-runner.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import type { MailSettings } from '../../../src-main/mail/settings.js';
import type { SmtpTestHooks } from '../../../src-main/mail/smtp.js';
import type { testKeychain } from '../secrets/test-keychain.js';
import { fixedClock, movingSleep, tempDatabase, useSmtp } from './helpers.js';
import { startTestSmtp, type TestSmtpOptions } from './test-smtp-server.js';

/** What to undo after the current test, last first. */
export const cleanups: (() => unknown)[] = [];

/** Runs and forgets the cleanups (register with afterEach). */
export async function runCleanups(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c();
}

/** The server's options plus the app's: connections, other settings, hooks, runner, keychain. */
export interface SetUpOptions extends TestSmtpOptions {
  connections?: number;
  settings?: Partial<MailSettings>;
  hooks?: SmtpTestHooks;
  runner?: RunnerOptions;
  keychain?: ReturnType<typeof testKeychain>;
}

/** A database, a test SMTP server and the mail services pointed at it. */
export async function setUp(options: SetUpOptions = {}) {
  const server = await startTestSmtp(options);
  cleanups.push(() => server.close());
  const t = tempDatabase();
  cleanups.push(t.cleanup);
  const saved = useSmtp(t.db, server.port, {
    connections: options.connections ?? 2,
    ...options.settings,
  });
  const clock = fixedClock();
  const { sleep, pauses } = movingSleep(clock);
  const mail = createMailServices({
    db: t.db,
    clock,
    ...(options.keychain ? { secrets: options.keychain.secrets } : {}),
    smtpHooks: { tls: { ca: server.cert }, ...options.hooks },
    runner: { sleep, ...options.runner },
  });
  cleanups.push(() => mail.stop());
  return { t, server, saved, mail, handlers: createMailHandlers(mail), pauses, clock };
}

/** What {@link setUp} answers. */
export type Harness = Awaited<ReturnType<typeof setUp>>;

/** Starts a job to `userIds` (the default template unless given) and waits for its run. */
export async function send(h: Harness, userIds: number[], subject?: string, body?: string) {
  const defaults = await h.handlers['mail.defaults'](undefined);
  const { jobId } = await h.handlers['mail.startJob']({
    userIds,
    form: { subject: subject ?? defaults.subject, body: body ?? defaults.body },
  });
  await h.mail.runner.whenDone(jobId);
  return { jobId, status: await h.handlers['mail.jobStatus']({ jobId }) };
}

/** The row (or message) to `address`. */
export const byAddress = <R extends { address: string }>(rows: R[], address: string) =>
  rows.find((r) => r.address === address);

/** The messages the server received for `address`. */
export function receivedBy(h: Harness, address: string) {
  return h.server.received.filter((m) => m.to && 'text' in m.to && m.to.text.includes(address));
}
