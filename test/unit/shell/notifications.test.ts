/**
 * The desktop notification when a bulk Send Email ends in the background: the real app sends to
 * the outbox, its runner reports the finished job, and the notice says what happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import type { MailJobFinished } from '../../../src-main/mail/job-runner.js';
import { jobFinishedNotice } from '../../../src-main/shell/notifications.js';

const counts = { total: 3, queued: 0, sending: 0, sent: 3, failed: 0, uncertain: 0 };

describe('the notice for a finished job', () => {
  it('is shown only while the window is in the background', () => {
    const job: MailJobFinished = { jobId: 7, status: 'finished', counts };
    expect(jobFinishedNotice(job, true)).toBeNull();
    expect(jobFinishedNotice(job, false)).toEqual({
      title: 'Send Email finished',
      body: '3 messages sent.',
      route: '/mail/jobs/7',
    });
  });

  it('mentions failed and uncertain rows', () => {
    const job: MailJobFinished = {
      jobId: 8,
      status: 'finished',
      counts: { ...counts, sent: 1, failed: 2, uncertain: 1 },
    };
    expect(jobFinishedNotice(job, false)).toMatchObject({
      title: 'Send Email finished with failures',
      body: '1 message sent, 2 failed, 1 uncertain.',
    });
  });

  it('is not shown for a job the administrator cancelled', () => {
    expect(jobFinishedNotice({ jobId: 9, status: 'cancelled', counts }, false)).toBeNull();
  });
});

describe('the mail runner telling the shell', () => {
  let dir: string | undefined;
  let app: TraxApp | undefined;
  afterEach(() => {
    app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports a Send Email job once it has finished, with its counts', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'trax-notify-'));
    let finished: (job: MailJobFinished) => void = () => {};
    const reported = new Promise<MailJobFinished>((resolve) => (finished = resolve));
    app = createApp({ dataDir: dir, shell: 'electron', onMailJobFinished: (job) => finished(job) });
    const users = await app.invoke('users.matchingIds', { query: 'FrontDesk' });
    if (!users.ok) throw new Error(users.error.message);
    const { ids } = users.value as { ids: number[] };
    expect(ids.length).toBeGreaterThan(0);
    const defaults = (await app.invoke('mail.defaults', undefined)) as {
      ok: true;
      value: { subject: string; body: string };
    };
    const { subject, body } = defaults.value;
    const started = await app.invoke('mail.startJob', { userIds: ids, form: { subject, body } });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.value as { jobId: number };
    const job = await reported;
    expect(job).toMatchObject({ jobId, status: 'finished' });
    expect(job.counts.sent + job.counts.failed).toBe(ids.length);
    expect(jobFinishedNotice(job, false)?.route).toBe(`/mail/jobs/${jobId}`);
  });
});
