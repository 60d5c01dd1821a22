/**
 * Bulk Send Email jobs against a real SMTP server on 127.0.0.1: what reaches the server, and
 * what each delivery row says about it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { lastTestResults } from '../../../src-main/mail/last-results.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import { noSecretService, testKeychain, warnIfSkipped } from '../secrets/test-keychain.js';
import { addManyUsers, addUsers, fixedClock, tempDatabase, useSmtp } from './helpers.js';
import { byAddress, cleanups, runCleanups, send, setUp } from './runner-harness.js';

warnIfSkipped('the SMTP AUTH test of test/unit/mail/job-runner.test.ts');

afterEach(runCleanups);

describe('bulk Send Email over SMTP', () => {
  it('sends one message per recipient with the placeholders filled and HTML escaped', async () => {
    const h = await setUp();
    const ids = addUsers(h.t.db, [
      {
        userName: 'FrontDesk',
        firstName: 'Front',
        lastName: 'Desk',
        email: 'frontdesk@example.com',
      },
      {
        userName: 'OfficeManager',
        firstName: '<script>alert(1)</script>',
        lastName: 'Manager',
        email: 'om@example.com',
      },
      {
        userName: 'BrianJackson',
        firstName: 'Brian',
        lastName: 'Jackson',
        email: 'bjackson@example.com',
      },
    ]);

    const { status } = await send(h, ids, 'Hello {{User First Name}} ({{User Name}})');

    expect(status.job.counts).toMatchObject({
      total: 3,
      sent: 3,
      failed: 0,
      queued: 0,
      sending: 0,
    });
    expect(status.job.status).toBe('finished');
    expect(h.server.received).toHaveLength(3);
    expect(h.server.secureSessions.every(Boolean)).toBe(true);
    expect([...h.server.attempts.values()]).toEqual([1, 1, 1]);

    const toFront = h.server.received.find((m) => m.subject?.startsWith('Hello Front'))!;
    expect(toFront.subject).toBe('Hello Front (FrontDesk)');
    expect(toFront.to).toMatchObject({
      value: [{ name: 'Front Desk', address: 'frontdesk@example.com' }],
    });
    expect(toFront.from?.value).toEqual([
      { name: 'Trax Administrator', address: 'admin@trax.example.com' },
    ]);
    expect(toFront.messageId).toBe(byAddress(status.rows, 'frontdesk@example.com')?.messageId);
    expect(toFront.text).toContain('Hello Front.');
    expect(toFront.text).toContain('log in as FrontDesk');
    expect(toFront.text).toContain('this address: frontdesk@example.com');
    expect(toFront.text).toContain('client support at 1.886.954.9557 or support@nfocus.com.');
    expect(toFront.text).toContain('Thank You.');
    expect(toFront.text).not.toContain('{{');

    const toScript = h.server.received.find(
      (m) => m.to && 'text' in m.to && m.to.text.includes('om@'),
    )!;
    expect(toScript.text).toContain('Hello <script>alert(1)</script>.');
    expect(toScript.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;.');
    expect(toScript.html).not.toContain('<script>');

    const row = byAddress(status.rows, 'om@example.com')!;
    expect(row).toMatchObject({ status: 'sent', attempts: 1, via: 'smtp' });
    expect(row.smtpResponse).toMatch(/^250 /);
    const last = lastTestResults(h.t.db, ids);
    expect(last.get(ids[0]!)).toMatchObject({ status: 'sent', via: 'smtp' });
  });

  it('retries 451 and succeeds; fails 550 at once with the server’s reason', async () => {
    const h = await setUp({
      script: (to, attempt) =>
        to === 'user1@example.com' && attempt === 1
          ? { reply: 451, message: '4.3.0 Try again later' }
          : to === 'user2@example.com'
            ? { reply: 550, message: '5.1.1 Mailbox unavailable' }
            : 'accept',
    });
    const ids = addManyUsers(h.t.db, 3);

    const { status } = await send(h, ids);

    expect(status.job.counts).toMatchObject({ sent: 2, failed: 1, total: 3 });
    expect(byAddress(status.rows, 'user1@example.com')).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
    const rejected = byAddress(status.rows, 'user2@example.com')!;
    expect(rejected).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rejected.error).toMatch(/refused the message: 550 5\.1\.1 Mailbox unavailable/);
    expect(h.server.attempts.get('user2@example.com')).toBe(1);
    expect(h.pauses).toEqual([2000]);
    expect(h.server.received).toHaveLength(2);
  });

  it('every 5xx is permanent, 503 included: failed at once with the server’s reason', async () => {
    const h = await setUp({
      script: (to) =>
        to === 'user1@example.com' ? { reply: 503, message: '5.5.1 Bad sequence' } : 'accept',
    });
    const ids = addManyUsers(h.t.db, 2);

    const { status } = await send(h, ids);

    const row = byAddress(status.rows, 'user1@example.com')!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.error).toBe('The server refused the message: 503 5.5.1 Bad sequence');
    expect(h.server.attempts.get('user1@example.com')).toBe(1);
    expect(h.pauses).toEqual([]);
  });

  it('gives up on a temporary failure after the bounded number of attempts', async () => {
    const h = await setUp({
      script: () => ({ reply: 421, message: '4.7.0 Too busy' }),
      connections: 1,
    });
    const ids = addManyUsers(h.t.db, 1);

    const { status } = await send(h, ids);

    expect(status.rows[0]).toMatchObject({ status: 'failed', attempts: 4 });
    expect(status.rows[0]!.error).toMatch(
      /try again later: 421 4\.7\.0 Too busy.*Gave up after 4 attempts/,
    );
    expect(h.pauses).toEqual([2000, 4000, 8000]);
  });

  it.skipIf(noSecretService)(
    'stops at the first 535 instead of trying the bad password for every recipient',
    async () => {
      const keychain = testKeychain();
      cleanups.push(() => keychain.cleanup());
      const h = await setUp({
        auth: { user: 'mailer', pass: 'correct horse battery staple' },
        settings: { user: 'mailer' },
        connections: 1,
        keychain,
      });
      await keychain.savePassword(h.saved, 'wrong');
      const ids = addManyUsers(h.t.db, 5);

      const { status } = await send(h, ids);

      expect(status.job.counts).toMatchObject({ failed: 5, sent: 0, queued: 0 });
      for (const row of status.rows) expect(row.error).toMatch(/^Authentication failed/);
      expect(status.rows.filter((r) => r.attempts > 0)).toHaveLength(1);
      expect(h.server.authFailures).toBe(1);
      expect(JSON.stringify(status)).not.toContain('wrong');
    },
  );

  it('records connection refused for every recipient', async () => {
    const h = await setUp();
    const closedPort = h.server.port;
    await h.server.close();
    const ids = addManyUsers(h.t.db, 3);
    useSmtp(h.t.db, closedPort);

    const { status } = await send(h, ids);

    expect(status.job.counts).toMatchObject({ failed: 3, total: 3 });
    for (const row of status.rows) expect(row.error).toMatch(/^Connection refused/);
  });

  it('cancel stops after the message in flight; resume sends only the queued ones', async () => {
    const h = await setUp({ script: () => ({ delayMs: 50 }), connections: 1 });
    const ids = addManyUsers(h.t.db, 6);
    const defaults = await h.handlers['mail.defaults'](undefined);
    const { jobId } = await h.handlers['mail.startJob']({ userIds: ids, form: defaults });
    while (h.server.received.length < 2) await new Promise((r) => setTimeout(r, 10));

    expect(await h.handlers['mail.cancelJob']({ jobId })).toEqual({ cancelled: true });
    await h.mail.runner.whenDone(jobId);
    const stopped = await h.handlers['mail.jobStatus']({ jobId });
    expect(stopped.job.status).toBe('cancelled');
    expect(stopped.job.counts.sent + stopped.job.counts.queued).toBe(6);
    expect(stopped.job.counts.queued).toBeGreaterThan(0);
    expect(stopped.job.counts.sending).toBe(0);

    await h.handlers['mail.resumeJob']({ jobId });
    await h.mail.runner.whenDone(jobId);
    const resumed = await h.handlers['mail.jobStatus']({ jobId });
    expect(resumed.job).toMatchObject({ status: 'finished', counts: { sent: 6, queued: 0 } });
    expect([...h.server.attempts.values()].every((n) => n === 1)).toBe(true);
    expect(h.server.received).toHaveLength(6);
  });

  it('retry failed re-sends only the failed rows', async () => {
    const h = await setUp({
      script: (to, attempt) =>
        to === 'user3@example.com' && attempt === 1
          ? { reply: 552, message: '5.2.2 Mailbox full' }
          : 'accept',
    });
    const ids = addManyUsers(h.t.db, 4);
    const { jobId, status } = await send(h, ids);
    expect(status.job.counts).toMatchObject({ sent: 3, failed: 1 });
    expect(
      (await h.handlers['mail.jobStatus']({ jobId, status: 'failed' })).rows.map((r) => r.address),
    ).toEqual(['user3@example.com']);

    expect(await h.handlers['mail.retryFailed']({ jobId })).toEqual({ requeued: 1 });
    await h.mail.runner.whenDone(jobId);

    const after = await h.handlers['mail.jobStatus']({ jobId });
    expect(after.job.counts).toMatchObject({ sent: 4, failed: 0 });
    expect(Object.fromEntries(h.server.attempts)).toEqual({
      'user1@example.com': 1,
      'user2@example.com': 1,
      'user3@example.com': 2,
      'user4@example.com': 1,
    });
  });
});

describe('bulk Send Email in Local outbox mode', () => {
  it('puts one message per recipient in the Outbox and records them sent via outbox', async () => {
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    const mail = createMailServices({ db: t.db, clock: fixedClock() });
    const handlers = createMailHandlers(mail);
    const ids = addManyUsers(t.db, 3);
    const { jobId } = await handlers['mail.startJob']({
      userIds: ids,
      form: { subject: 'Hi {{User First Name}}', body: 'Body for {{Email}}' },
    });
    await mail.runner.whenDone(jobId);

    const { messages } = await handlers['outbox.list'](undefined);
    expect(messages.map((m) => m.subject).sort()).toEqual(['Hi First1', 'Hi First2', 'Hi First3']);
    const status = await handlers['mail.jobStatus']({ jobId });
    expect(status.rows.every((r) => r.status === 'sent' && r.via === 'outbox')).toBe(true);
    const results = await handlers['mail.lastResults']({ userIds: [ids[0]!] });
    expect(results.results).toEqual([
      expect.objectContaining({ userId: ids[0], status: 'sent', via: 'outbox', jobId }),
    ]);
  });
});
