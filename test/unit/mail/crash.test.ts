/**
 * Crash safety: the app is killed (SIGKILL) in the middle of a Send Email job. After a restart
 * no recipient is lost (sent + uncertain + queued = recipients) and none gets a message twice,
 * neither from the crash nor from resuming.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection.js';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import { addManyUsers, fixedClock, tempDatabase, useSmtp } from './helpers.js';
import { startTestSmtp } from './test-smtp-server.js';

const RECIPIENTS = 30;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const addressOf = (m: { to?: unknown }) => {
  const to = m.to as { value?: { address?: string }[] } | undefined;
  return to?.value?.[0]?.address ?? '';
};

it('after SIGKILL mid-send: nothing lost, nothing sent twice, resume sends only the queued', async () => {
  let slow = true;
  const server = await startTestSmtp({ script: () => (slow ? { delayMs: 150 } : 'accept') });
  cleanups.push(() => server.close());
  const t = tempDatabase();
  cleanups.push(t.cleanup);
  addManyUsers(t.db, RECIPIENTS);
  useSmtp(t.db, server.port, { connections: 2 });
  t.db.close();
  const certFile = path.join(t.dir, 'cert.pem');
  writeFileSync(certFile, server.cert);

  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'crash-child.ts'),
      t.dir,
      String(server.port),
      certFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  const deadline = Date.now() + 15_000;
  // Killed while a message is in flight (received in full, its reply not sent yet).
  while (server.received.length < 6 || server.awaitingReply === 0) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`child did not send: ${stderr}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  // Let the server finish the messages whose DATA it already had (their 250 reaches no one).
  await new Promise((r) => setTimeout(r, 400));
  const receivedAtCrash = server.received.map(addressOf);
  expect(receivedAtCrash.length).toBeLessThan(RECIPIENTS);

  // Restart on the same database file.
  const db = openDatabase(t.file, { clock: fixedClock() });
  cleanups.push(() => db.open && db.close());
  const mail = createMailServices({
    db,
    clock: fixedClock(),
    smtpHooks: { tls: { ca: server.cert } },
  });
  cleanups.push(() => mail.stop());
  expect(mail.recoverInterruptedJobs().jobs).toBe(1);
  const handlers = createMailHandlers(mail);
  const [job] = (await handlers['mail.listJobs'](undefined)).jobs;
  expect(job?.status).toBe('interrupted');
  const counts = job!.counts;
  expect(counts.sending).toBe(0);
  expect(counts.failed).toBe(0);
  expect(counts.sent + counts.uncertain + counts.queued).toBe(RECIPIENTS);
  expect(counts.queued).toBeGreaterThan(0);
  // The kill came while messages were in flight: those are uncertain, not re-sent, not lost.
  expect(counts.uncertain).toBeGreaterThan(0);

  const rows = (await handlers['mail.jobStatus']({ jobId: job!.id })).rows;
  const inState = (s: string) => rows.filter((r) => r.status === s).map((r) => r.address);
  // Every row recorded sent really arrived; nothing still queued had been sent.
  for (const address of inState('sent')) expect(receivedAtCrash).toContain(address);
  for (const address of inState('queued')) expect(receivedAtCrash).not.toContain(address);
  expect(new Set(receivedAtCrash).size).toBe(receivedAtCrash.length);

  slow = false;
  expect(await handlers['mail.resumeJob']({ jobId: job!.id })).toEqual({ queued: counts.queued });
  await mail.runner.whenDone(job!.id);

  const after = await handlers['mail.jobStatus']({ jobId: job!.id });
  expect(after.job.status).toBe('finished');
  expect(after.job.counts).toMatchObject({ queued: 0, sending: 0, uncertain: counts.uncertain });
  expect(after.job.counts.sent).toBe(RECIPIENTS - counts.uncertain);
  const everything = server.received.map(addressOf);
  expect(new Set(everything).size).toBe(everything.length);
  // Uncertain rows were not sent again.
  for (const address of inState('uncertain')) {
    expect(everything.filter((a) => a === address).length).toBeLessThanOrEqual(1);
  }
  expect(everything.length).toBe(receivedAtCrash.length + counts.queued);
});
