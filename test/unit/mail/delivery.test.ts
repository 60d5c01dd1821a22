import { afterEach, describe, expect, it } from 'vitest';
import { createDelivery, openSender } from '../../../src-main/mail/delivery.js';
import { Outbox } from '../../../src-main/mail/outbox.js';
import type { MailSettings } from '../../../src-main/mail/settings.js';
import type { SmtpTestHooks } from '../../../src-main/mail/smtp.js';
import { noSecretService, testKeychain, warnIfSkipped } from '../secrets/test-keychain.js';
import { fixedClock, tempDatabase, useSmtp } from './helpers.js';
import { startTestSmtp, type TestSmtpOptions } from './test-smtp-server.js';

warnIfSkipped('the SMTP AUTH tests of test/unit/mail/delivery.test.ts');

const message = {
  to: 'fdesk@example.com',
  toName: 'Front Desk',
  subject: 'Your authorization code',
  text: 'Hello Front.\n\nYour one-time authorization code is: 179857',
  html: '<p>Hello Front.</p><p>Your one-time authorization code is: 179857</p>',
};

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('delivery in Local outbox mode (the default)', () => {
  it('keeps the message as it would be sent and lists it newest first', async () => {
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    const clock = fixedClock();
    const delivery = createDelivery({ db: t.db, clock });

    const receipt = await delivery.send(message);
    clock.advance(60_000);
    await delivery.send({ ...message, to: 'om@example.com', toName: '', subject: 'Second' });

    const outbox = new Outbox(t.db, clock);
    const list = outbox.list();
    expect(list.map((m) => m.subject)).toEqual(['Second', 'Your authorization code']);
    expect(list[1]).toMatchObject({
      to: 'fdesk@example.com',
      createdAt: '2026-03-11T15:00:00.000Z',
    });

    const stored = outbox.get(list[1]!.id);
    expect(stored.messageId).toBe(receipt.messageId);
    expect(receipt.response).toMatch(/Local outbox/);
    expect(stored.text).toBe(message.text);
    expect(stored.html).toBe(message.html);
    const header = (name: string) => stored.headers.find(([n]) => n.toLowerCase() === name)?.[1];
    expect(header('to')).toBe('Front Desk <fdesk@example.com>');
    expect(header('subject')).toBe('Your authorization code');
    expect(header('date')).toBe('Wed, 11 Mar 2026 15:00:00 +0000');
    expect(stored.raw).toContain('Content-Type: multipart/alternative');
    expect(stored.raw).toContain('179857');

    expect(outbox.clear()).toEqual({ removed: 2 });
    expect(outbox.list()).toEqual([]);
    expect(() => outbox.get(stored.id)).toThrow(/no longer in the Outbox/);
  });
});

/** A test server, a database whose SMTP settings point at it, and the delivery deps. */
async function smtpSetUp(
  server: TestSmtpOptions = {},
  settings: Partial<MailSettings> = {},
  hooks: SmtpTestHooks = {},
) {
  const smtp = await startTestSmtp(server);
  cleanups.push(() => smtp.close());
  const t = tempDatabase();
  cleanups.push(t.cleanup);
  const saved = useSmtp(t.db, smtp.port, settings);
  return {
    smtp,
    t,
    saved,
    deps: { db: t.db, clock: fixedClock(), smtpHooks: { tls: { ca: smtp.cert }, ...hooks } },
  };
}

describe('delivery in SMTP mode', () => {
  it.skipIf(noSecretService)(
    'sends over STARTTLS with AUTH, reading the password from the keychain',
    async () => {
      const keychain = testKeychain();
      cleanups.push(() => keychain.cleanup());
      const { smtp, t, saved, deps } = await smtpSetUp(
        { auth: { user: 'mailer', pass: 's3cret' } },
        { user: 'mailer' },
      );
      await keychain.savePassword(saved, 's3cret');
      const delivery = createDelivery({ ...deps, secrets: keychain.secrets });

      const receipt = await delivery.send(message);

      expect(receipt.response).toMatch(/^250 /);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.secureSessions).toEqual([true]);
      const got = smtp.received[0]!;
      expect(got.subject).toBe('Your authorization code');
      expect(got.from?.value).toEqual([
        { name: 'Trax Administrator', address: 'admin@trax.example.com' },
      ]);
      expect(got.text?.trim()).toBe(message.text);
      expect(new Outbox(t.db, fixedClock()).list()).toEqual([]);
    },
  );

  it.skipIf(noSecretService)(
    'says plainly when the password is wrong, without repeating it',
    async () => {
      const keychain = testKeychain();
      cleanups.push(() => keychain.cleanup());
      const { smtp, saved, deps } = await smtpSetUp(
        { auth: { user: 'mailer', pass: 's3cret' } },
        { user: 'mailer' },
      );
      await keychain.savePassword(saved, 'wrong-password');
      const delivery = createDelivery({ ...deps, secrets: keychain.secrets });

      const failure = await delivery.send(message).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'UNAVAILABLE' });
      expect((failure as Error).message).toMatch(/Authentication failed/);
      expect((failure as Error).message).not.toContain('wrong-password');
      expect(smtp.received).toHaveLength(0);
    },
  );

  it('delivers small and large messages whole, dots at the start of lines included', async () => {
    const { smtp, deps } = await smtpSetUp();
    const sender = await openSender(deps);
    cleanups.push(() => sender.close());
    const small = `.${message.text}`;
    // About 200 KB: larger than what is gathered into one write, so it streams.
    const large = Array.from({ length: 6_000 }, (_, i) => `.line ${i} starts with a dot`).join(
      '\n',
    );
    await sender.send({ ...message, text: small });
    await sender.send({ ...message, text: large });
    expect(smtp.received.map((m) => m.text?.trimEnd())).toEqual([small, large]);
  });

  it('sends over TLS from the first byte when Security is TLS', async () => {
    const { smtp, deps } = await smtpSetUp({ secure: true }, { security: 'tls' });
    await createDelivery(deps).send(message);
    expect(smtp.secureSessions).toEqual([true]);
  });

  it('sends unencrypted when Security is None, even though the server offers STARTTLS', async () => {
    const { smtp, deps } = await smtpSetUp({}, { security: 'none' });
    await createDelivery(deps).send(message);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Your authorization code']);
    expect(smtp.secureSessions).toEqual([false]);
  });
});

describe('how far a failed message got', () => {
  it('delivered, then the connection dropped before the reply: uncertain', async () => {
    const { smtp, deps } = await smtpSetUp({ script: () => 'deliver-then-drop' });
    const sender = await openSender(deps);
    cleanups.push(() => sender.close());
    const failure = await sender.send(message).catch((e: unknown) => e);
    const problem = sender.explain(failure);
    expect(problem).toMatchObject({ kind: 'uncertain', retryable: false, setup: false });
    expect(problem.message).toMatch(
      /^The whole message was sent, then the connection to 127\.0\.0\.1:\d+ was lost before the server confirmed it\. It may or may not have been delivered/,
    );
    expect(smtp.received).toHaveLength(1);
  });

  it('sent in full, then no reply in time: uncertain', async () => {
    const { deps } = await smtpSetUp(
      { script: () => ({ delayMs: 5_000 }) },
      {},
      { socketTimeoutMs: 300 },
    );
    const sender = await openSender(deps);
    cleanups.push(() => sender.close());
    const problem = sender.explain(await sender.send(message).catch((e: unknown) => e));
    expect(problem.kind).toBe('uncertain');
    expect(problem.message).toMatch(/timed out waiting for 127\.0\.0\.1:\d+ to confirm it/);
  });

  it('dropped at RCPT TO, before any of the message: worth another attempt', async () => {
    const { smtp, deps } = await smtpSetUp({ script: () => 'drop-before-data' });
    const sender = await openSender(deps);
    cleanups.push(() => sender.close());
    const problem = sender.explain(await sender.send(message).catch((e: unknown) => e));
    expect(problem).toMatchObject({ kind: 'dropped', retryable: true });
    expect(smtp.received).toHaveLength(0);
  });

  it('dropped part-way through a large message: worth another attempt', async () => {
    const { smtp, deps } = await smtpSetUp({ script: () => 'drop-during-data' });
    const sender = await openSender(deps);
    cleanups.push(() => sender.close());
    // Far more than the socket buffers hold, so the end of DATA cannot have been written yet.
    const large = { ...message, text: 'x'.repeat(76).concat('\n').repeat(400_000) };
    const problem = sender.explain(await sender.send(large).catch((e: unknown) => e));
    expect(problem).toMatchObject({ kind: 'dropped', retryable: true });
    expect(smtp.received).toHaveLength(0);
  });

  it('the pool does not send again by itself when a connection closes', async () => {
    const { smtp, deps } = await smtpSetUp({ dropFirstConnections: 1 });
    const sender = await openSender(deps);
    cleanups.push(() => sender.close());
    const problem = sender.explain(await sender.send(message).catch((e: unknown) => e));
    expect(problem).toMatchObject({ kind: 'dropped', retryable: true });
    expect(smtp.received).toHaveLength(0);
    await sender.send(message);
    expect(smtp.received).toHaveLength(1);
  });
});
