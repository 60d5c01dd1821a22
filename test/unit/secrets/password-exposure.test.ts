/**
 * After a real session with AUTH — password saved, Test connection, a bulk send with a refused
 * recipient, a failed login with a typed password, a malformed request — the SMTP password is
 * nowhere in the data folder (database, log files, backups) nor in any export, in plain text or
 * in the base64 forms SMTP AUTH sends it in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';
import type { Channel, InputOf } from '../../../src-main/contract.js';
import { DEFAULT_MAIL_SETTINGS } from '../../../src-main/mail/settings.js';
import { OsKeychain, smtpAccount } from '../../../src-main/secrets/keychain.js';
import { tempDir } from '../db/temp-db.js';
import { addManyUsers, fixedClock } from '../mail/helpers.js';
import { startTestSmtp } from '../mail/test-smtp-server.js';
import { noSecretService, uniqueName, warnIfSkipped } from './test-keychain.js';

warnIfSkipped('test/unit/secrets/password-exposure.test.ts');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

async function ok<C extends Channel>(app: TraxApp, channel: C, input: InputOf<C>) {
  const result = await app.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as never;
}

it.skipIf(noSecretService)('the SMTP password is in no file, log or export', async () => {
  const user = uniqueName('mailer');
  const password = uniqueName('pw');
  const typed = uniqueName('typed');
  const server = await startTestSmtp({
    auth: { user, pass: password },
    allowInsecureAuth: true,
    script: (to) =>
      to === 'user2@example.com' ? { reply: 550, message: '5.1.1 No such user' } : 'accept',
  });
  cleanups.push(() => server.close());
  const { dir, cleanup } = tempDir('trax-exposure-');
  cleanups.push(cleanup);
  const app = createApp({ dataDir: dir, shell: 'browser', clock: fixedClock(), seedDemo: false });
  cleanups.push(() => app.close());
  const settings = {
    ...DEFAULT_MAIL_SETTINGS,
    mode: 'smtp' as const,
    host: '127.0.0.1',
    port: server.port,
    // AUTH in plain text on loopback, so the server needs no certificate the app must trust.
    security: 'none' as const,
    user,
    fromAddress: 'admin@trax.example.com',
    messagesPerMinute: 10_000,
  };
  cleanups.push(() => new OsKeychain().delete(smtpAccount(settings)));

  await ok(app, 'mail.saveSettings', { settings });
  await ok(app, 'mail.setPassword', { form: { password } });
  expect(await ok(app, 'mail.testConnection', undefined)).toMatchObject({ ok: true });
  const ids = addManyUsers(app.db, 3);
  const { jobId } = await ok<'mail.startJob'>(app, 'mail.startJob', {
    userIds: ids,
    form: { subject: 'Test', body: 'Hello {{User First Name}}.' },
  });
  let status: { running: boolean; job: { counts: Record<string, number> } };
  do {
    await new Promise((r) => setTimeout(r, 20));
    status = await ok(app, 'mail.jobStatus', { jobId });
  } while (status.running);
  expect(status.job.counts).toMatchObject({ sent: 2, failed: 1 });
  expect(await ok(app, 'mail.testConnection', { settings, password: typed })).toMatchObject({
    ok: false,
    kind: 'auth',
  });
  const malformed = await app.invoke('mail.setPassword', { form: { password, extra: true } });
  expect(malformed.ok).toBe(false);

  const exports = [
    await ok<'io.exportRoster'>(app, 'io.exportRoster', {}),
    await ok<'io.exportReadiness'>(app, 'io.exportReadiness', {}),
    await ok<'io.exportChanges'>(app, 'io.exportChanges', { scope: 'all' }),
  ] as { text: string }[];
  await ok(app, 'backup.create', undefined);
  app.close();

  const files = filesUnder(dir);
  expect(files.some((f) => f.includes(`${path.sep}logs${path.sep}`))).toBe(true);
  expect(files.some((f) => f.includes(`${path.sep}backups${path.sep}`))).toBe(true);
  const log = readFileSync(path.join(dir, 'logs', 'trax-admin.log'), 'utf8');
  expect(log).toContain('"event":"mail job finished"');
  const everything = Buffer.concat([
    ...files.map((f) => readFileSync(f)),
    ...exports.map((e) => Buffer.from(e.text)),
  ]);
  expect(everything.includes(Buffer.from(user))).toBe(true); // the search itself works
  const forms = (secret: string) => [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(`\0${user}\0${secret}`).toString('base64'),
  ];
  for (const form of [...forms(password), ...forms(typed)]) {
    expect(everything.includes(Buffer.from(form)), form).toBe(false);
  }
});
