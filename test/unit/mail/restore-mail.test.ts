/**
 * Restoring a backup must not lead to a second send: it is refused while a job is being sent,
 * no job starts while it runs, and what the restored backup recorded as queued or sending
 * becomes uncertain, so Resume has nothing to send again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import type { BackupInfo } from '../../../src-main/backup/channels.js';
import type { Channel, InputOf } from '../../../src-main/contract.js';
import type { JobStatusView } from '../../../src-main/mail/channels.js';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { JobsRepository } from '../../../src-main/mail/jobs-repository.js';
import { readRecipients } from '../../../src-main/mail/recipients.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import { addManyUsers, fixedClock, tempDatabase, useSmtp } from './helpers.js';
import { startTestSmtp } from './test-smtp-server.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function startApp() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-mail-restore-'));
  const app = createApp({ dataDir, shell: 'browser', clock: fixedClock(), seedDemo: false });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => app.shutdown());
  return app;
}

async function ok<C extends Channel>(app: TraxApp, channel: C, input: InputOf<C>) {
  const result = await app.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as never;
}

const FORM = { subject: 'Restore test', body: 'Hello {{User First Name}}.' };

describe('restoring a backup and Send Email jobs', () => {
  it('is refused while a job is being sent, and works once it has finished', async () => {
    let slow = true;
    const server = await startTestSmtp({ script: () => (slow ? { delayMs: 100 } : 'accept') });
    cleanups.push(() => server.close());
    const app = startApp();
    const backup: BackupInfo = await ok(app, 'backup.create', undefined);
    useSmtp(app.db, server.port, { security: 'none', connections: 1 });
    const ids = addManyUsers(app.db, 5);
    const { jobId }: { jobId: number } = await ok(app, 'mail.startJob', {
      userIds: ids,
      form: FORM,
    });
    expect(((await ok(app, 'mail.jobStatus', { jobId })) as JobStatusView).running).toBe(true);

    const refused = await app.invoke('backup.restore', { fileName: backup.fileName });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'A bulk email is being sent. Wait for it to finish (or cancel it), then restore.',
      },
    });

    slow = false;
    let status: JobStatusView;
    do {
      await new Promise((r) => setTimeout(r, 20));
      status = await ok(app, 'mail.jobStatus', { jobId });
    } while (status.running);
    expect(status.job.counts.sent).toBe(5);
    expect(await app.invoke('backup.restore', { fileName: backup.fileName })).toMatchObject({
      ok: true,
    });
    expect(server.received).toHaveLength(5);
  });

  it('turns what the backup had queued or sending into uncertain; Resume sends none', async () => {
    const server = await startTestSmtp();
    cleanups.push(() => server.close());
    const app = startApp();
    useSmtp(app.db, server.port, { security: 'none' });
    const ids = addManyUsers(app.db, 3);
    const jobs = new JobsRepository(app.db, fixedClock());
    const jobId = jobs.createJob(FORM, { phone: 'p', email: 'e@example.com' }, [
      ...readRecipients(app.db, ids).values(),
    ]);
    const [first] = jobs.queuedRows(jobId);
    jobs.claim(first!.id);
    jobs.setStatus(jobId, 'cancelled');
    const backup: BackupInfo = await ok(app, 'backup.create', undefined);
    // Since the backup, the job was resumed and sent (the restore puts the old rows back).
    await ok(app, 'mail.resumeJob', { jobId });
    let status: JobStatusView;
    do {
      await new Promise((r) => setTimeout(r, 20));
      status = await ok(app, 'mail.jobStatus', { jobId });
    } while (status.running);
    expect(server.received).toHaveLength(2);

    await ok(app, 'backup.restore', { fileName: backup.fileName });

    const restored: JobStatusView = await ok(app, 'mail.jobStatus', { jobId });
    expect(restored.job.counts).toMatchObject({ uncertain: 3, queued: 0, sending: 0, sent: 0 });
    for (const row of restored.rows) {
      expect(row.error).toMatch(/^Restored from a backup: .*Check before resending\.$/);
    }
    expect(await ok(app, 'mail.resumeJob', { jobId })).toEqual({ queued: 0 });
    expect(await ok(app, 'mail.retryFailed', { jobId })).toEqual({ requeued: 0 });
    expect(server.received).toHaveLength(2);
  });

  it('no job starts, resumes or retries while a restore holds the data', async () => {
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    const mail = createMailServices({ db: t.db, clock: fixedClock() });
    cleanups.push(() => mail.stop());
    const handlers = createMailHandlers(mail);
    const ids = addManyUsers(t.db, 1);

    const release = mail.holdForRestore();
    const refusal = {
      code: 'CONFLICT',
      message: 'A backup is being restored. Send again once the restore has finished.',
    };
    expect(() => handlers['mail.startJob']({ userIds: ids, form: FORM })).toThrow(
      expect.objectContaining(refusal),
    );
    expect(() => handlers['mail.resumeJob']({ jobId: 1 })).toThrow(
      expect.objectContaining(refusal),
    );
    expect(() => handlers['mail.retryFailed']({ jobId: 1 })).toThrow(
      expect.objectContaining(refusal),
    );
    expect(mail.jobs.listJobs()).toEqual([]);

    release();
    const { jobId } = await handlers['mail.startJob']({ userIds: ids, form: FORM });
    await mail.runner.whenDone(jobId);
    expect(mail.jobs.counts(jobId).sent).toBe(1);
  });
});
