/**
 * Settings' Test connection and "Send a test message to…" against real servers on 127.0.0.1:
 * success in each Security mode, and a plain message for each way it can go wrong.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import type { MailSettings } from '../../../src-main/mail/settings.js';
import type { SmtpTestHooks } from '../../../src-main/mail/smtp.js';
import { noSecretService, testKeychain, warnIfSkipped } from '../secrets/test-keychain.js';
import { fixedClock, tempDatabase, useSmtp } from './helpers.js';
import { startTestSmtp, type TestSmtpOptions } from './test-smtp-server.js';

warnIfSkipped('the SMTP AUTH tests of test/unit/mail/smtp-check.test.ts');

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The mail handlers of a database whose settings point at 127.0.0.1:`port`. */
async function handlersFor(
  port: number,
  hooks: SmtpTestHooks,
  settings: Partial<MailSettings> = {},
  password?: string,
) {
  const t = tempDatabase();
  cleanups.push(t.cleanup);
  const saved = useSmtp(t.db, port, settings);
  const keychain = password === undefined ? undefined : testKeychain();
  if (keychain) {
    cleanups.push(() => keychain.cleanup());
    await keychain.savePassword(saved, password!);
  }
  const mail = createMailServices({
    db: t.db,
    clock: fixedClock(),
    ...(keychain ? { secrets: keychain.secrets } : {}),
    smtpHooks: hooks,
  });
  return createMailHandlers(mail);
}

async function testServer(options: TestSmtpOptions = {}) {
  const server = await startTestSmtp(options);
  cleanups.push(() => server.close());
  return server;
}

const SEND_TO = { form: { to: 'me@example.com' } };

describe('Test connection and Send a test message to…', () => {
  it.skipIf(noSecretService)('succeeds over STARTTLS with the saved password', async () => {
    const server = await testServer({ auth: { user: 'mailer', pass: 'pw' } });
    const h = await handlersFor(
      server.port,
      { tls: { ca: server.cert } },
      { user: 'mailer' },
      'pw',
    );
    expect(await h['mail.testConnection'](undefined)).toEqual({
      ok: true,
      kind: 'success',
      message: `Success: connected to 127.0.0.1:${server.port} and signed in as mailer.`,
    });
    const sent = await h['mail.sendTestMessage'](SEND_TO);
    expect(sent).toMatchObject({ ok: true, kind: 'success' });
    expect(sent.message).toMatch(/accepted it: 250 /);
    expect(server.received.map((m) => m.subject)).toEqual(['Trax Admin: test message']);
    expect(server.secureSessions).toEqual([true]);
  });

  it.skipIf(noSecretService)('says authentication failed (535)', async () => {
    const server = await testServer({ auth: { user: 'mailer', pass: 'pw' } });
    const h = await handlersFor(
      server.port,
      { tls: { ca: server.cert } },
      { user: 'mailer' },
      'not-the-password',
    );
    const result = await h['mail.testConnection'](undefined);
    expect(result).toMatchObject({ ok: false, kind: 'auth' });
    expect(result.message).toMatch(/^Authentication failed: .*535/);
    expect(result.message).not.toContain('not-the-password');
    const sent = await h['mail.sendTestMessage'](SEND_TO);
    expect(sent).toMatchObject({ ok: false, kind: 'auth' });
    expect(sent.message).not.toContain('not-the-password');
  });

  it.skipIf(noSecretService)('says what to do when no password is saved', async () => {
    const server = await testServer({ auth: { user: 'mailer', pass: 'pw' } });
    const keychain = testKeychain();
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    useSmtp(t.db, server.port, { user: 'mailer' });
    const h = createMailHandlers(
      createMailServices({ db: t.db, clock: fixedClock(), secrets: keychain.secrets }),
    );
    const expected = {
      ok: false,
      message: expect.stringMatching(/^No SMTP password is saved for this server and user name/),
    };
    expect(await h['mail.testConnection'](undefined)).toMatchObject(expected);
    expect(await h['mail.sendTestMessage'](SEND_TO)).toMatchObject(expected);
    expect(server.authFailures).toBe(0);
  });

  it('succeeds over TLS from the first byte (Security: TLS)', async () => {
    const server = await testServer({ secure: true });
    const h = await handlersFor(server.port, { tls: { ca: server.cert } }, { security: 'tls' });
    expect(await h['mail.testConnection'](undefined)).toEqual({
      ok: true,
      kind: 'success',
      message: `Success: connected to 127.0.0.1:${server.port}.`,
    });
    expect(await h['mail.sendTestMessage'](SEND_TO)).toMatchObject({ ok: true });
    expect(server.secureSessions).toEqual([true]);
  });

  it('succeeds without encryption (Security: None), not even trying STARTTLS', async () => {
    const server = await testServer();
    // No certificate is trusted: any attempt at TLS would fail.
    const h = await handlersFor(server.port, {}, { security: 'none' });
    expect(await h['mail.testConnection'](undefined)).toMatchObject({ ok: true });
    expect(await h['mail.sendTestMessage'](SEND_TO)).toMatchObject({ ok: true });
    expect(server.secureSessions).toEqual([false]);
  });

  it('says the server does not offer STARTTLS, not that a certificate is wrong', async () => {
    const server = await testServer({ noStartTls: true });
    const h = await handlersFor(server.port, { tls: { ca: server.cert } });
    for (const result of [
      await h['mail.testConnection'](undefined),
      await h['mail.sendTestMessage'](SEND_TO),
    ]) {
      expect(result).toMatchObject({ ok: false, kind: 'tls' });
      expect(result.message).toMatch(
        new RegExp(`^127\\.0\\.0\\.1:${server.port} does not offer STARTTLS .*nothing was sent`),
      );
      expect(result.message).not.toMatch(/certificate/i);
    }
    expect(server.received).toHaveLength(0);
  });

  it('says there is a TLS certificate problem when the certificate is not trusted', async () => {
    const server = await testServer();
    const h = await handlersFor(server.port, {});
    for (const result of [
      await h['mail.testConnection'](undefined),
      await h['mail.sendTestMessage'](SEND_TO),
    ]) {
      expect(result).toMatchObject({ ok: false, kind: 'tls' });
      expect(result.message).toMatch(/^TLS certificate problem with 127\.0\.0\.1:\d+/);
    }
    expect(server.received).toHaveLength(0);
  });

  it('says connection refused when nothing listens', async () => {
    const server = await testServer();
    const port = server.port;
    await server.close();
    const h = await handlersFor(port, {});
    const refused = {
      ok: false,
      kind: 'refused',
      message: `Connection refused: nothing is accepting mail at 127.0.0.1:${port}. Check the host and port.`,
    };
    expect(await h['mail.testConnection'](undefined)).toEqual(refused);
    expect(await h['mail.sendTestMessage'](SEND_TO)).toEqual(refused);
  });

  it('says timed out when the server never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          for (const s of sockets) s.destroy();
          silent.close(() => r());
        }),
    );
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const h = await handlersFor(port, { greetingTimeoutMs: 300, connectionTimeoutMs: 300 });
    const timedOut = {
      ok: false,
      kind: 'timeout',
      message: `Timed out waiting for 127.0.0.1:${port} to answer.`,
    };
    expect(await h['mail.testConnection'](undefined)).toEqual(timedOut);
    expect(await h['mail.sendTestMessage'](SEND_TO)).toEqual(timedOut);
  });
});
