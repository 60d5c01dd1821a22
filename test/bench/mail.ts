/**
 * Mail benchmark: 5,000 messages to postfix's `smtp-sink` on 127.0.0.1:2526, sent by
 *   1. postfix's own `smtp-source -s 20 -d` (20 sessions, each kept open for its next message,
 *      as a pool keeps its connections; the speed limit of this machine),
 *   2. our job runner (pooled nodemailer, 20 connections, every row committed queued → sending
 *      → sent in the real database),
 *   3. the same pooled transport with the same messages, without the runner and the database
 *      (how much of our time is bookkeeping),
 *   4. nodemailer without a pool (a new connection per message, one after another: the naive way).
 * Every sender sends the Send Email default template filled for each user (smtp-source a body of
 * the same length), and only the sending is timed: the database, the job's rows and the messages
 * are built before the clock starts, and an untimed warm-up job goes first. Prints messages per
 * second and the ratios. Goals: ours ≥ 50% of smtp-source, ≥ 5× unpooled. Skips with a message
 * when postfix's tools are not installed (`apt-get install postfix`; the postfix daemon itself
 * stays stopped: smtp-sink and smtp-source are standalone programs) or when the port is taken.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTransport, type SendMailOptions } from 'nodemailer';
import { openDatabase } from '../../src-main/db/connection.js';
import { composeMessage, fromHeader, mailOptions } from '../../src-main/mail/compose.js';
import { readRecipients } from '../../src-main/mail/recipients.js';
import { createMailServices } from '../../src-main/mail/service.js';
import {
  DEFAULT_MAIL_SETTINGS,
  MailSettingsRepository,
  type MailSettings,
} from '../../src-main/mail/settings.js';
import { createSmtpTransport, sendTracked, transportOptions } from '../../src-main/mail/smtp.js';
import { DEFAULT_BODY, DEFAULT_SUBJECT, messageFor } from '../../src-main/mail/template.js';
import { findTool } from './find-tool.js';

const MESSAGES = 5_000;
const SESSIONS = 20;
/** Messages sent untimed first, so that no line runs on code not yet compiled by V8. */
const WARM_UP = 500;
const HOST = '127.0.0.1';
const PORT = 2526;

/** Where postfix keeps smtp-sink and smtp-source when they are not on PATH. */
const POSTFIX_DIRS = ['/usr/sbin', '/usr/lib/postfix'];

/** The Email delivery settings of every nodemailer line: smtp-sink takes mail without AUTH. */
const SETTINGS: MailSettings = {
  ...DEFAULT_MAIL_SETTINGS,
  mode: 'smtp',
  host: HOST,
  port: PORT,
  security: 'none',
  // No user name, so no password is looked up at all.
  user: '',
  fromAddress: 'admin@example.com',
  messagesPerMinute: 100_000,
  connections: SESSIONS,
};

const TEMPLATE = { subject: DEFAULT_SUBJECT, body: DEFAULT_BODY };
const SUPPORT = { phone: SETTINGS.supportPhone, email: SETTINGS.supportEmail };
const FROM = fromHeader(SETTINGS.fromName, SETTINGS.fromAddress);

const user = (i: number) => ({
  userName: `user${i}`,
  firstName: `First${i}`,
  lastName: `Last${i}`,
  email: `user${i}@example.com`,
});

/** The message the runner sends user `i`, as nodemailer's fields. */
const messageTo = (i: number): SendMailOptions =>
  mailOptions(messageFor(TEMPLATE, user(i), SUPPORT), FROM, new Date());

/** True when nothing listens on the port (smtp-sink could not take it, or we would time another server). */
function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(PORT, HOST, () => probe.close(() => resolve(true)));
  });
}

async function waitForPort(sink: ChildProcess): Promise<void> {
  for (let i = 0; i < 100 && sink.exitCode === null; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(PORT, HOST, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`smtp-sink did not start listening on ${HOST}:${PORT}`);
}

async function timed(label: string, work: () => Promise<void> | void): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = MESSAGES / seconds;
  console.log(
    `${label.padEnd(36)} ${seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(6)} msg/s`,
  );
  return rate;
}

/** Our runner: a real database with 5,000 users, one Send Email job to all of them. */
async function ourRunner(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-bench-mail-'));
  const clock = () => new Date();
  const db = openDatabase(path.join(dir, 'trax-admin.db'), { clock });
  try {
    const insert = db.prepare(
      'INSERT INTO users (user_name, first_name, last_name, email) VALUES (?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let i = 1; i <= MESSAGES; i++) {
        const u = user(i);
        insert.run(u.userName, u.firstName, u.lastName, u.email);
      }
    })();
    new MailSettingsRepository(db).save(SETTINGS);
    const mail = createMailServices({ db, clock });
    const userIds = db
      .prepare<[], { id: number }>('SELECT id FROM users')
      .all()
      .map((r) => r.id);
    // What "Go" does before the first message (mail.startJob), outside the timing like the
    // other senders' message lists: the job and its queued rows, committed.
    const recipients = [...readRecipients(db, userIds).values()];
    // Timed first, our line would otherwise pay alone for compiling nodemailer's code.
    const warmUp = mail.jobs.createJob(
      TEMPLATE,
      mail.getSupportContacts(),
      recipients.slice(0, WARM_UP),
    );
    mail.runner.start(warmUp);
    await mail.runner.whenDone(warmUp);
    const jobId = mail.jobs.createJob(TEMPLATE, mail.getSupportContacts(), recipients);
    results.ours = await timed('Trax Admin job runner (pooled)', async () => {
      mail.runner.start(jobId);
      await mail.runner.whenDone(jobId);
    });
    const counts = mail.jobs.counts(jobId);
    if (counts.sent !== MESSAGES)
      throw new Error(`only ${counts.sent} of ${MESSAGES} sent: ${JSON.stringify(counts)}`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The runner's transport (same options, same stream plugin), fed the same way: no database. */
async function poolAlone(): Promise<void> {
  const transport = createSmtpTransport(SETTINGS, undefined);
  const messages = Array.from({ length: MESSAGES }, (_, i) => messageTo(i + 1));
  let next = 0;
  results.pool = await timed('nodemailer pool alone (no database)', async () => {
    // One message in flight per connection, as the runner's workers have.
    const worker = async () => {
      for (let i = next++; i < MESSAGES; i = next++) {
        await sendTracked(transport, messages[i]!, { complete: false });
      }
    };
    await Promise.all(Array.from({ length: SESSIONS }, worker));
  });
  transport.close();
}

/** nodemailer without a pool: a connection per message, each awaited before the next. */
async function unpooled(): Promise<void> {
  const transport = createTransport({ ...transportOptions(SETTINGS, undefined), pool: false });
  const messages = Array.from({ length: MESSAGES }, (_, i) => messageTo(i + 1));
  results.unpooled = await timed('nodemailer, no pool (sequential)', async () => {
    for (const message of messages) await transport.sendMail(message);
  });
  transport.close();
}

/** smtp-source with a body as long as the template's (it writes its own few header lines). */
async function smtpSource(tool: string, bodyBytes: number): Promise<void> {
  const args = ['-s', String(SESSIONS), '-d', '-l', String(bodyBytes), '-m', String(MESSAGES)];
  results.smtpSource = await timed(`smtp-source ${args.slice(0, 5).join(' ')}`, () => {
    execFileSync(tool, [...args, `${HOST}:${PORT}`], { stdio: 'inherit' });
  });
}

const results: { ours?: number; unpooled?: number; smtpSource?: number; pool?: number } = {};

/** Runs the mail benchmark (called by test/bench/run.ts). */
export async function run(): Promise<void> {
  const sink = findTool('smtp-sink', POSTFIX_DIRS);
  const source = findTool('smtp-source', POSTFIX_DIRS);
  if (!sink || !source) {
    console.log(
      'SKIPPED mail benchmark: postfix is not installed (smtp-sink / smtp-source not found).',
    );
    console.log('Install it with `apt-get install postfix` (the postfix daemon can stay stopped).');
    return;
  }
  if (!(await portIsFree())) {
    console.log(
      `SKIPPED mail benchmark: ${HOST}:${PORT} is in use by another program; stop it and run again.`,
    );
    return;
  }
  const sample = await composeMessage(
    messageFor(TEMPLATE, user(1), SUPPORT),
    FROM,
    () => new Date(),
  );
  const headerEnd = sample.raw.indexOf('\r\n\r\n');
  const bodyBytes = sample.raw.length - headerEnd - 4;
  let sinkProcess: ChildProcess | undefined;
  try {
    sinkProcess = spawn(sink, ['-u', 'nobody', `${HOST}:${PORT}`, '256'], { stdio: 'ignore' });
    await waitForPort(sinkProcess);
    console.log(
      `${MESSAGES} messages of ${sample.raw.length} bytes (body ${bodyBytes}) to smtp-sink on ` +
        `${HOST}:${PORT}, after ${WARM_UP} untimed`,
    );
    await smtpSource(source, bodyBytes);
    await ourRunner();
    await poolAlone();
    await unpooled();
  } finally {
    sinkProcess?.kill('SIGTERM');
  }
  const { ours, unpooled: naive, smtpSource: limit, pool } = results;
  if (ours && naive && limit && pool) {
    const ofLimit = ours / limit;
    const overNaive = ours / naive;
    console.log(
      `ours / smtp-source = ${(ofLimit * 100).toFixed(0)}% (goal ≥ 50%) ${ofLimit >= 0.5 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `ours / unpooled    = ${overNaive.toFixed(1)}× (goal ≥ 5×) ${overNaive >= 5 ? 'met' : 'NOT met'}`,
    );
    console.log(`ours / pool alone  = ${((ours / pool) * 100).toFixed(0)}%`);
  }
}
