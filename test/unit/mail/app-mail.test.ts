/**
 * The mail channels through the real app and gateway: settings validation per field, the
 * compose view's recipients and preview, and recovery of an interrupted job at start-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app.js';
import { JobsRepository } from '../../../src-main/mail/jobs-repository.js';
import { readRecipients } from '../../../src-main/mail/recipients.js';
import { DEFAULT_MAIL_SETTINGS } from '../../../src-main/mail/settings.js';
import { addUsers, fixedClock } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function startApp(dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-mail-app-'))) {
  const app = createApp({ dataDir, shell: 'browser', clock: fixedClock(), seedDemo: false });
  cleanups.push(() => app.close());
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  return { app, dataDir };
}

describe('Settings → Email delivery', () => {
  it('defaults to Local outbox, STARTTLS on 587, the guide’s support contacts', async () => {
    const { app } = startApp();
    const result = await app.invoke('mail.getSettings', undefined);
    expect(result).toMatchObject({
      ok: true,
      value: {
        settings: {
          mode: 'outbox',
          port: 587,
          security: 'starttls',
          supportPhone: '1.886.954.9557',
          supportEmail: 'support@nfocus.com',
        },
        passwordSaved: false,
      },
    });
  });

  it('answers VALIDATION with a message per field', async () => {
    const { app } = startApp();
    const result = await app.invoke('mail.saveSettings', {
      settings: {
        ...DEFAULT_MAIL_SETTINGS,
        mode: 'smtp',
        host: '',
        port: 70000,
        fromAddress: 'not an address',
        connections: 0,
      },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Please correct the highlighted fields.',
        fields: {
          host: 'Host is required for SMTP.',
          port: 'Port must be at most 65535.',
          fromAddress: 'From address must look like name@example.com.',
          connections: 'Parallel connections must be at least 1.',
        },
      },
    });
  });

  it('saves and reads back', async () => {
    const { app } = startApp();
    const settings = {
      ...DEFAULT_MAIL_SETTINGS,
      mode: 'smtp' as const,
      host: ' smtp.example.com ',
      user: 'mailer',
      fromAddress: 'admin@example.com',
      security: 'tls' as const,
      port: 465,
    };
    await app.invoke('mail.saveSettings', { settings });
    const read = await app.invoke('mail.getSettings', undefined);
    expect(read).toMatchObject({
      ok: true,
      value: { settings: { host: 'smtp.example.com', port: 465, security: 'tls' } },
    });
  });
});

describe('compose view', () => {
  it('splits the selection into ready, inactive and invalid address', async () => {
    const { app } = startApp();
    const [front, jeremy, noMail, bad, inactiveNoMail] = addUsers(app.db, [
      { userName: 'FrontDesk', firstName: 'Front', email: 'frontdesk@example.com' },
      { userName: 'JeremyStephens', email: 'jstephans@example.com', status: 'Inactive' },
      { userName: 'NoMail' },
      { userName: 'Bad', email: 'bad@localhost' },
      { userName: 'Gone', status: 'Inactive' },
    ]) as [number, number, number, number, number];
    const result = await app.invoke('mail.prepareRecipients', {
      userIds: [front, jeremy, noMail, bad, inactiveNoMail, 9999, front],
    });
    expect(result.ok).toBe(true);
    const value = (result as { value: Record<string, { userId?: number }[] | number[]> }).value;
    const ids = (k: string) => (value[k] as { userId: number }[]).map((r) => r.userId);
    expect(ids('ready')).toEqual([front]);
    expect(ids('inactive')).toEqual([jeremy]);
    expect(ids('invalidAddress')).toEqual([noMail, bad, inactiveNoMail]);
    expect(value.notFound).toEqual([9999]);
  });

  it('previews for one recipient with values escaped in HTML', async () => {
    const { app } = startApp();
    const [id] = addUsers(app.db, [
      { userName: 'x', firstName: 'Tom & <b>Jerry</b>', lastName: 'Q', email: 'tj@example.com' },
    ]);
    const result = await app.invoke('mail.preview', {
      subject: 'Hi {{User First Name}} {{Unknown}}',
      body: 'Hello {{User First Name}}.\n\nCall {{Support Phone}}.',
      userId: id,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        to: 'tj@example.com',
        toName: 'Tom & <b>Jerry</b> Q',
        subject: 'Hi Tom & <b>Jerry</b> {{Unknown}}',
        text: 'Hello Tom & <b>Jerry</b>.\n\nCall 1.886.954.9557.',
      },
    });
    const html = (result as { value: { html: string } }).value.html;
    expect(html).toContain('<p>Hello Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;.</p>');
    expect(html).not.toContain('<b>');
  });

  it('refuses an empty subject and body with a message per field', async () => {
    const { app } = startApp();
    const [id] = addUsers(app.db, [{ userName: 'a', email: 'a@example.com' }]);
    expect(
      await app.invoke('mail.startJob', { userIds: [id], form: { subject: ' ', body: '\n' } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { subject: 'Subject is required.', body: 'Body is required.' },
      },
    });
  });
});

describe('start-up recovery', () => {
  it('turns rows left sending into uncertain and the job into interrupted', async () => {
    const { app, dataDir } = startApp();
    const ids = addUsers(app.db, [
      { userName: 'a', email: 'a@example.com' },
      { userName: 'b', email: 'b@example.com' },
    ]);
    const jobs = new JobsRepository(app.db, fixedClock());
    const jobId = jobs.createJob(
      { subject: 's', body: 'b' },
      { phone: 'p', email: 'e@example.com' },
      [...readRecipients(app.db, ids).values()],
    );
    const first = jobs.queuedRows(jobId)[0]!;
    expect(jobs.claim(first.id)).toBe(true);
    app.close();
    cleanups.length = 0;
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const { app: restarted } = startApp(dataDir);
    const status = await restarted.invoke('mail.jobStatus', { jobId });
    expect(status).toMatchObject({
      ok: true,
      value: {
        job: { status: 'interrupted', counts: { uncertain: 1, queued: 1, sending: 0 } },
        running: false,
      },
    });
    const lasts = await restarted.invoke('mail.lastResults', { userIds: ids });
    expect(lasts).toMatchObject({
      ok: true,
      value: {
        results: [
          { userId: ids[0], status: 'uncertain', detail: expect.stringMatching(/may or may not/) },
        ],
      },
    });
  });
});
