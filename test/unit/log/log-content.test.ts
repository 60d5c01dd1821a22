/**
 * What the log really holds after the app's most secret-laden work: the real app (its handler
 * map, through the gateway) on a temporary data folder sets a user's password, signs that user
 * in through the simulator with the emailed code, sends a bulk email through a real SMTP server
 * with AUTH (password in the real keychain) that refuses one recipient, and has a password-reset
 * email refused. Then every `logs/trax-admin.log*` file is read: no password, code, session
 * token, message body or refused address is in it — yet the failures are.
 *
 * Needs a Secret Service, like test/unit/secrets (skipped with a printed reason without a D-Bus
 * session; a failure under CI=true).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_DIR } from '../../../src-main/log/logger.js';
import { startTestSmtp } from '../mail/test-smtp-server.js';

const noSession = !process.env.DBUS_SESSION_BUS_ADDRESS && process.env.CI !== 'true';
if (noSession) {
  console.warn(
    '\n*** SKIPPED test/unit/log/log-content: no D-Bus session, so no Secret Service for the ' +
      'SMTP password (run it as test/unit/secrets says). ***\n',
  );
}

const REFUSED = 'officemanager@email.com';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.skipIf(noSession)('the log after sign-in, bulk send and SMTP failures', () => {
  it('holds the failures, and no password, code, token, body or refused address', async () => {
    const secret = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;
    const smtpUser = secret('mailer');
    const smtpPassword = secret('SmtpPw');
    const userPassword = `${secret('UserPw')}!9a`;
    const bodyMarker = secret('BodyText');
    const server = await startTestSmtp({
      auth: { user: smtpUser, pass: smtpPassword },
      script: (to) =>
        to === REFUSED
          ? { reply: 550, message: `5.1.1 <${REFUSED}>: Recipient address rejected` }
          : 'accept',
    });
    cleanups.push(() => server.close());
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-log-content-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dataDir = path.join(dir, 'data');
    const ca = path.join(dir, 'smtp-ca.pem');
    writeFileSync(ca, server.cert);

    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'log-run-child.ts'),
        dataDir,
        String(server.port),
      ],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          NODE_EXTRA_CA_CERTS: ca,
          TRAX_LOG_TEST_SMTP_USER: smtpUser,
          TRAX_LOG_TEST_SMTP_PASSWORD: smtpPassword,
          TRAX_LOG_TEST_USER_PASSWORD: userPassword,
          TRAX_LOG_TEST_BODY: `Hello {{User First Name}}. ${bodyMarker}`,
        },
      },
    );
    const seen = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      code: string;
      session: string;
      counts: Record<string, number>;
    };

    // The work really happened: AUTH with the password, two messages delivered, one refused.
    expect(server.authFailures).toBe(0);
    expect(seen.counts).toMatchObject({ sent: 2, failed: 1 });
    expect(server.received.map((m) => m.text ?? '').join('\n')).toContain(bodyMarker);
    expect(seen.code).toMatch(/^[A-Za-z0-9]{10}$/);

    const logDir = path.join(dataDir, LOG_DIR);
    const files = readdirSync(logDir).filter((f) => f.startsWith('trax-admin.log'));
    expect(files).toContain('trax-admin.log');
    const log = files.map((f) => readFileSync(path.join(logDir, f), 'utf8')).join('\n');
    const lines = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // …and was logged: the start, and the refused reset email as a failure of its channel.
    expect(lines.map((l) => l['event'])).toContain('started');
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', channel: 'auth.forgotPassword' }),
    );

    for (const [what, value] of Object.entries({
      'the SMTP password': smtpPassword,
      'the user password': userPassword,
      'the sign-in code': seen.code,
      'the session token': seen.session,
      'the message body': bodyMarker,
      'the refused address (from the server reply)': REFUSED,
    })) {
      expect(log.includes(value), `${what} is in the log`).toBe(false);
    }
  });
});
