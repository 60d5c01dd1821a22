import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailHandlers } from '../../../src-main/mail/handlers.js';
import { createMailServices } from '../../../src-main/mail/service.js';
import type { SmtpTestHooks } from '../../../src-main/mail/smtp.js';
import { smtpAccount } from '../../../src-main/secrets/keychain.js';
import { fixedClock, MemorySecrets, tempDatabase, useSmtp } from './helpers.js';
import { startTestSmtp } from './test-smtp-server.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function handlersFor(port: number, password: string, hooks: SmtpTestHooks) {
  const t = tempDatabase();
  cleanups.push(t.cleanup);
  useSmtp(t.db, port);
  const secrets = new MemorySecrets();
  await secrets.set(smtpAccount('mailer', '127.0.0.1'), password);
  const mail = createMailServices({ db: t.db, clock: fixedClock(), secrets, smtpHooks: hooks });
  return createMailHandlers(mail);
}

async function testServer() {
  const server = await startTestSmtp({ auth: { user: 'mailer', pass: 'pw' } });
  cleanups.push(() => server.close());
  return server;
}

describe('Test connection and Send a test message to…', () => {
  it('succeeds over STARTTLS with the saved password', async () => {
    const server = await testServer();
    const h = await handlersFor(server.port, 'pw', { tls: { ca: server.cert } });
    expect(await h['mail.testConnection'](undefined)).toEqual({
      ok: true,
      kind: 'success',
      message: `Success: connected to 127.0.0.1:${server.port} and signed in as mailer.`,
    });
    const sent = await h['mail.sendTestMessage']({ form: { to: 'me@example.com' } });
    expect(sent).toMatchObject({ ok: true, kind: 'success' });
    expect(sent.message).toMatch(/accepted it: 250 /);
    expect(server.received.map((m) => m.subject)).toEqual(['Trax Admin: test message']);
  });

  it('says authentication failed (535)', async () => {
    const server = await testServer();
    const h = await handlersFor(server.port, 'not-the-password', { tls: { ca: server.cert } });
    const result = await h['mail.testConnection'](undefined);
    expect(result).toMatchObject({ ok: false, kind: 'auth' });
    expect(result.message).toMatch(/^Authentication failed: .*535/);
    expect(result.message).not.toContain('not-the-password');
    const sent = await h['mail.sendTestMessage']({ form: { to: 'me@example.com' } });
    expect(sent).toMatchObject({ ok: false, kind: 'auth' });
  });

  it('says there is a TLS certificate problem when the certificate is not trusted', async () => {
    const server = await testServer();
    const h = await handlersFor(server.port, 'pw', {});
    const result = await h['mail.testConnection'](undefined);
    expect(result).toMatchObject({ ok: false, kind: 'tls' });
    expect(result.message).toMatch(/^TLS certificate problem with 127\.0\.0\.1:\d+/);
  });

  it('says connection refused when nothing listens', async () => {
    const server = await testServer();
    const port = server.port;
    await server.close();
    const h = await handlersFor(port, 'pw', {});
    const result = await h['mail.testConnection'](undefined);
    expect(result).toMatchObject({ ok: false, kind: 'refused' });
    expect(result.message).toBe(
      `Connection refused: nothing is accepting mail at 127.0.0.1:${port}. Check the host and port.`,
    );
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
    const h = await handlersFor(port, 'pw', { greetingTimeoutMs: 300, connectionTimeoutMs: 300 });
    const result = await h['mail.testConnection'](undefined);
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(result.message).toBe(`Timed out waiting for 127.0.0.1:${port} to answer.`);
  });

  it('says what to do when no password is saved', async () => {
    const server = await testServer();
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    useSmtp(t.db, server.port);
    const h = createMailHandlers(
      createMailServices({ db: t.db, clock: fixedClock(), secrets: new MemorySecrets() }),
    );
    expect(await h['mail.testConnection'](undefined)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No SMTP password is saved/),
    });
  });
});
