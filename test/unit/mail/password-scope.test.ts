/**
 * A saved SMTP password goes only to the host, port, security and user name it was saved for:
 * Test connection with other settings (as a compromised renderer could send) never uses it, and
 * changing the saved server or user name leaves no password behind in the keychain.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import { smtpAccount } from '../../../src-main/secrets/keychain.js';
import { noSecretService, testKeychain, warnIfSkipped } from '../secrets/test-keychain.js';
import { fixedClock, tempDatabase, useSmtp } from './helpers.js';
import { startTestSmtp } from './test-smtp-server.js';

warnIfSkipped('test/unit/mail/password-scope.test.ts');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const USER = 'mailer';
const PASSWORD = 'the-saved-password';

/** Settings saved for a STARTTLS server, its password in a keychain of the test's own. */
async function savedSetUp() {
  const saved = await startTestSmtp({ auth: { user: USER, pass: PASSWORD } });
  cleanups.push(() => saved.close());
  const t = tempDatabase();
  cleanups.push(t.cleanup);
  const settings = useSmtp(t.db, saved.port, { user: USER });
  const keychain = testKeychain();
  cleanups.push(() => keychain.cleanup());
  const mail = createMailServices({
    db: t.db,
    clock: fixedClock(),
    secrets: keychain.secrets,
    smtpHooks: { tls: { ca: saved.cert } },
  });
  const handlers = createMailHandlers(mail);
  keychain.track(settings);
  await handlers['mail.setPassword']({ form: { password: PASSWORD } });
  return { saved, settings, keychain, handlers };
}

describe.skipIf(noSecretService)('the saved SMTP password stays with its settings', () => {
  it('Test connection with another port and no security does not send the saved password', async () => {
    const { settings, handlers } = await savedSetUp();
    // Another server that would accept the saved password, unencrypted, on another port.
    const other = await startTestSmtp({
      auth: { user: USER, pass: PASSWORD },
      allowInsecureAuth: true,
    });
    cleanups.push(() => other.close());
    const elsewhere = { ...settings, port: other.port, security: 'none' as const };

    const refused = await handlers['mail.testConnection']({ settings: elsewhere });
    expect(refused).toEqual({
      ok: false,
      kind: 'other',
      message: expect.stringMatching(
        /^A saved password is only used with the host, port, security and user name it was saved for/,
      ),
    });
    expect(other.authFailures).toBe(0);

    // With the password typed for the test, the other settings can be checked.
    const wrong = await handlers['mail.testConnection']({ settings: elsewhere, password: 'typed' });
    expect(wrong).toMatchObject({ ok: false, kind: 'auth' });
    expect(other.authFailures).toBe(1);
    expect(
      await handlers['mail.testConnection']({ settings: elsewhere, password: PASSWORD }),
    ).toMatchObject({ ok: true });
  });

  it('the saved settings, given explicitly, still use the saved password', async () => {
    const { settings, handlers, saved } = await savedSetUp();
    expect(await handlers['mail.testConnection']({ settings })).toMatchObject({ ok: true });
    expect(saved.authFailures).toBe(0);
  });

  it('changing the host or user name removes the old password and says so', async () => {
    const { settings, keychain, handlers } = await savedSetUp();
    const renamed = { ...settings, user: 'someone-else' };
    keychain.track(renamed);

    const view = await handlers['mail.saveSettings']({ settings: renamed });

    expect(view).toMatchObject({ passwordSaved: false, keychainAvailable: true });
    expect(view.notice).toMatch(
      /^The password saved for the previous server or user name was removed from the system keychain/,
    );
    expect(await keychain.secrets.get(smtpAccount(settings))).toBeNull();
    expect(await keychain.secrets.get(smtpAccount(renamed))).toBeNull();

    await handlers['mail.setPassword']({ form: { password: 'second' } });
    const moved = { ...renamed, host: 'localhost' };
    keychain.track(moved);
    expect((await handlers['mail.saveSettings']({ settings: moved })).notice).toMatch(/removed/);
    expect(await keychain.secrets.get(smtpAccount(renamed))).toBeNull();
  });

  it('changing port or security removes it too; other fields keep it', async () => {
    const { settings, keychain, handlers } = await savedSetUp();
    const renamedSender = { ...settings, fromName: 'Help Desk', connections: 5 };
    const kept = await handlers['mail.saveSettings']({ settings: renamedSender });
    expect(kept).toMatchObject({ passwordSaved: true });
    expect(kept.notice).toBeUndefined();

    const unencrypted = { ...renamedSender, security: 'none' as const };
    keychain.track(unencrypted);
    const removed = await handlers['mail.saveSettings']({ settings: unencrypted });
    expect(removed).toMatchObject({
      passwordSaved: false,
      notice: expect.stringMatching(/removed/),
    });
    expect(await keychain.secrets.get(smtpAccount(settings))).toBeNull();
  });
});
