/**
 * The SMTP password against the real Secret Service (how it runs, and when it is skipped: see
 * test-keychain.ts), and without any keychain at all.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import { DEFAULT_MAIL_SETTINGS } from '../../../src-main/mail/settings.js';
import { OsKeychain, smtpAccount } from '../../../src-main/secrets/keychain.js';
import { addManyUsers, fixedClock, tempDatabase } from '../mail/helpers.js';
import { startTestSmtp } from '../mail/test-smtp-server.js';
import { noSecretService, warnIfSkipped } from './test-keychain.js';

warnIfSkipped('test/unit/secrets/keychain.test.ts');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every byte of the database and its WAL/SHM files. */
function databaseBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => f.startsWith('trax-admin.db'))
      .map((f) => readFileSync(path.join(dir, f))),
  );
}

describe.skipIf(noSecretService)('SMTP password in the OS keychain (Secret Service)', () => {
  it('is reachable (otherwise: no Secret Service is running and unlocked)', async () => {
    await expect(new OsKeychain().get('probe')).resolves.toBeNull();
  });

  it('round trip: set, saved flag, used for AUTH, absent from the database, cleared', async () => {
    const user = `mailer-${randomBytes(4).toString('hex')}`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const server = await startTestSmtp({ auth: { user, pass: password } });
    cleanups.push(() => server.close());
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    const mail = createMailServices({
      db: t.db,
      clock: fixedClock(),
      smtpHooks: { tls: { ca: server.cert } },
    });
    cleanups.push(() => mail.clearPassword());
    const handlers = createMailHandlers(mail);
    const settings = {
      ...DEFAULT_MAIL_SETTINGS,
      mode: 'smtp' as const,
      host: '127.0.0.1',
      port: server.port,
      user,
      fromAddress: 'admin@trax.example.com',
      messagesPerMinute: 10_000,
    };

    const saved = await handlers['mail.saveSettings']({ settings });
    expect(saved).toMatchObject({ passwordSaved: false, keychainAvailable: true });

    expect(await handlers['mail.setPassword']({ form: { password } })).toMatchObject({
      passwordSaved: true,
    });
    const view = await handlers['mail.getSettings'](undefined);
    expect(view.passwordSaved).toBe(true);
    expect(JSON.stringify(view)).not.toContain(password);

    // The password really is in the Secret Service (read with libsecret's own tool).
    const found = execFileSync('secret-tool', ['search', '--all', 'service', 'Trax Admin'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(found).toContain(smtpAccount(settings));

    expect(await handlers['mail.testConnection'](undefined)).toMatchObject({ ok: true });
    const ids = addManyUsers(t.db, 2);
    const { jobId } = await handlers['mail.startJob']({
      userIds: ids,
      form: { subject: 'Keychain', body: 'Hello {{User First Name}}.' },
    });
    await mail.runner.whenDone(jobId);
    expect((await handlers['mail.jobStatus']({ jobId })).job.counts.sent).toBe(2);
    expect(server.received).toHaveLength(2);

    const bytes = databaseBytes(t.dir);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from(password))).toBe(false);
    expect(bytes.includes(Buffer.from(user))).toBe(true); // the search itself works

    expect(await handlers['mail.clearPassword'](undefined)).toMatchObject({ passwordSaved: false });
    expect(await new OsKeychain().get(smtpAccount(settings))).toBeNull();
    expect(await handlers['mail.testConnection'](undefined)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No SMTP password is saved/),
    });
  });
});

describe('without any keychain', () => {
  it('says so from the start, saves nothing, and keeps the password out of the database', () => {
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    t.db.close();
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'no-keychain-child.ts'), t.dir, password],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(t.dir, 'no-bus')}`,
        },
      },
    );
    const { initial, outcome, state } = JSON.parse(out) as {
      initial: { passwordSaved: boolean; keychainAvailable: boolean; keychainMessage?: string };
      outcome: { code: string; message: string };
      state: { passwordSaved: boolean; keychainAvailable: boolean };
    };
    // Settings says so from the start, before any host or user name is saved.
    expect(initial).toMatchObject({ passwordSaved: false, keychainAvailable: false });
    expect(initial.keychainMessage).toMatch(/^No system keychain is available/);
    expect(outcome.code).toBe('UNAVAILABLE');
    expect(outcome.message).toMatch(
      /^No system keychain is available, so the SMTP password was not saved\./,
    );
    expect(outcome.message).not.toContain(password);
    expect(state).toMatchObject({ passwordSaved: false, keychainAvailable: false });
    expect(databaseBytes(t.dir).includes(Buffer.from(password))).toBe(false);
  });
});
