import { afterEach, describe, expect, it } from 'vitest';
import { createDelivery } from '../../../src-main/mail/delivery.js';
import { Outbox } from '../../../src-main/mail/outbox.js';
import { smtpAccount } from '../../../src-main/secrets/keychain.js';
import { fixedClock, MemorySecrets, tempDatabase, useSmtp } from './helpers.js';
import { startTestSmtp, type TestSmtp } from './test-smtp-server.js';

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

describe('delivery in SMTP mode', () => {
  let server: TestSmtp;

  it('sends over STARTTLS with AUTH, reading the password from the secret store', async () => {
    server = await startTestSmtp({ auth: { user: 'mailer', pass: 's3cret' } });
    cleanups.push(() => server.close());
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    useSmtp(t.db, server.port);
    const secrets = new MemorySecrets();
    await secrets.set(smtpAccount('mailer', '127.0.0.1'), 's3cret');
    const delivery = createDelivery({
      db: t.db,
      clock: fixedClock(),
      secrets,
      smtpHooks: { tls: { ca: server.cert } },
    });

    const receipt = await delivery.send(message);

    expect(receipt.response).toMatch(/^250 /);
    expect(server.received).toHaveLength(1);
    expect(server.secureSessions).toEqual([true]);
    const got = server.received[0]!;
    expect(got.subject).toBe('Your authorization code');
    expect(got.from?.value).toEqual([
      { name: 'Trax Administrator', address: 'admin@trax.example.com' },
    ]);
    expect(got.text?.trim()).toBe(message.text);
    expect(new Outbox(t.db, fixedClock()).list()).toEqual([]);
  });

  it('says plainly when the password is wrong, without repeating it', async () => {
    server = await startTestSmtp({ auth: { user: 'mailer', pass: 's3cret' } });
    cleanups.push(() => server.close());
    const t = tempDatabase();
    cleanups.push(t.cleanup);
    useSmtp(t.db, server.port);
    const secrets = new MemorySecrets();
    await secrets.set(smtpAccount('mailer', '127.0.0.1'), 'wrong-password');
    const delivery = createDelivery({
      db: t.db,
      clock: fixedClock(),
      secrets,
      smtpHooks: { tls: { ca: server.cert } },
    });

    const failure = await delivery.send(message).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'UNAVAILABLE' });
    expect((failure as Error).message).toMatch(/Authentication failed/);
    expect((failure as Error).message).not.toContain('wrong-password');
    expect(server.received).toHaveLength(0);
  });
});
