/**
 * Mail benchmark: 5,000 messages to postfix's `smtp-sink` on 127.0.0.1:2526, sent by
 *   1. our job runner (pooled nodemailer, 20 connections, every row committed queued → sending
 *      → sent in the real database),
 *   2. nodemailer without a pool (a new connection per message, one after another: the naive way),
 *   3. postfix's own `smtp-source -s 20` (20 parallel sessions; the speed limit of this machine).
 * Prints messages per second and the ratios. Goals: ours ≥ 50% of smtp-source, ≥ 5× unpooled.
 * Skips with a message when postfix's tools are not installed (`apt-get install postfix`; the
 * postfix daemon itself stays stopped: smtp-sink and smtp-source are standalone programs).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { openDatabase } from '../../src-main/db/connection.js';
import { createMailHandlers } from '../../src-main/mail/handlers.js';
import { createMailServices } from '../../src-main/mail/service.js';
import { DEFAULT_MAIL_SETTINGS, MailSettingsRepository } from '../../src-main/mail/settings.js';
import { findTool } from './find-tool.js';

const MESSAGES = 5_000;
const SESSIONS = 20;
const HOST = '127.0.0.1';
const PORT = 2526;

/** Where postfix keeps smtp-sink and smtp-source when they are not on PATH. */
const POSTFIX_DIRS = ['/usr/sbin', '/usr/lib/postfix'];

async function waitForPort(): Promise<void> {
  for (let i = 0; i < 100; i++) {
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
    `${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)} s  ${rate.toFixed(0).padStart(6)} msg/s`,
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
      for (let i = 1; i <= MESSAGES; i++)
        insert.run(`user${i}`, `First${i}`, `Last${i}`, `user${i}@example.com`);
    })();
    new MailSettingsRepository(db).save({
      ...DEFAULT_MAIL_SETTINGS,
      mode: 'smtp',
      host: HOST,
      port: PORT,
      security: 'none',
      // smtp-sink takes mail without AUTH: no user name, so no password is looked up at all.
      user: '',
      fromAddress: 'admin@example.com',
      messagesPerMinute: 100_000,
      connections: SESSIONS,
    });
    const mail = createMailServices({ db, clock });
    const handlers = createMailHandlers(mail);
    const userIds = db
      .prepare<[], { id: number }>('SELECT id FROM users')
      .all()
      .map((r) => r.id);
    const defaults = await handlers['mail.defaults'](undefined);
    results.ours = await timed('Trax Admin job runner (pooled)', async () => {
      const { jobId } = await handlers['mail.startJob']({ userIds, form: defaults });
      await mail.runner.whenDone(jobId);
      const counts = mail.jobs.counts(jobId);
      if (counts.sent !== MESSAGES)
        throw new Error(`only ${counts.sent} of ${MESSAGES} sent: ${JSON.stringify(counts)}`);
    });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function unpooled(): Promise<void> {
  const transport = createTransport({ host: HOST, port: PORT, secure: false, ignoreTLS: true });
  results.unpooled = await timed('nodemailer, no pool (sequential)', async () => {
    for (let i = 1; i <= MESSAGES; i++) {
      await transport.sendMail({
        from: 'admin@example.com',
        to: `user${i}@example.com`,
        subject: 'Test message',
        text: `Hello First${i}.`,
        html: `<p>Hello First${i}.</p>`,
      });
    }
  });
}

/** The bare pooled transport, no database: how much of our time is bookkeeping. */
async function poolAlone(): Promise<void> {
  const transport = createTransport({
    pool: true,
    host: HOST,
    port: PORT,
    secure: false,
    ignoreTLS: true,
    maxConnections: SESSIONS,
    maxMessages: Infinity,
  });
  let next = 0;
  results.pool = await timed('nodemailer pool alone (no database)', async () => {
    const worker = async () => {
      for (let i = ++next; i <= MESSAGES; i = ++next) {
        await transport.sendMail({
          from: 'admin@example.com',
          to: `user${i}@example.com`,
          subject: 'Test message',
          text: `Hello First${i}.`,
          html: `<p>Hello First${i}.</p>`,
        });
      }
    };
    await Promise.all(Array.from({ length: SESSIONS }, worker));
  });
  transport.close();
}

async function smtpSource(tool: string): Promise<void> {
  results.smtpSource = await timed(`smtp-source -s ${SESSIONS}`, () => {
    execFileSync(tool, ['-s', String(SESSIONS), '-m', String(MESSAGES), `${HOST}:${PORT}`], {
      stdio: 'inherit',
    });
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
  let sinkProcess: ChildProcess | undefined;
  try {
    sinkProcess = spawn(sink, ['-u', 'nobody', `${HOST}:${PORT}`, '256'], { stdio: 'ignore' });
    await waitForPort();
    console.log(`${MESSAGES} messages to smtp-sink on ${HOST}:${PORT}`);
    await smtpSource(source);
    await ourRunner();
    await poolAlone();
    await unpooled();
  } finally {
    sinkProcess?.kill('SIGTERM');
  }
  const { ours, unpooled: naive, smtpSource: limit } = results;
  if (ours && naive && limit) {
    const ofLimit = ours / limit;
    const overNaive = ours / naive;
    console.log(
      `ours / smtp-source = ${(ofLimit * 100).toFixed(0)}% (goal ≥ 50%) ${ofLimit >= 0.5 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `ours / unpooled    = ${overNaive.toFixed(1)}× (goal ≥ 5×) ${overNaive >= 5 ? 'met' : 'NOT met'}`,
    );
  }
}
