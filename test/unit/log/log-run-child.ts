/**
 * The child process of log-content.test.ts: a real app (createApp) on the data folder given,
 * driven through its gateway like the renderer would — a password set, a simulator sign-in with
 * its emailed code, SMTP delivery with a keychain password, a bulk send, and a password-reset
 * email the server refuses. It runs apart only so that Node trusts the test SMTP
 * server's certificate (NODE_EXTRA_CA_CERTS, as for an organisation's own CA); nothing in the
 * app is replaced. Prints what it saw (the code, the session) as one JSON line.
 *
 * argv: dataDir smtpPort; env: TRAX_LOG_TEST_SMTP_USER, TRAX_LOG_TEST_SMTP_PASSWORD,
 * TRAX_LOG_TEST_USER_PASSWORD, TRAX_LOG_TEST_BODY.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createApp } from '../../../src-main/app.js';
import { DEFAULT_MAIL_SETTINGS } from '../../../src-main/mail/settings.js';
import { LOG_DIR, LOG_FILE } from '../../../src-main/log/logger.js';

const [dataDir = '', port = ''] = process.argv.slice(2);
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const app = createApp({ dataDir, shell: 'browser' });

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await app.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function userId(userName: string): Promise<number> {
  const page = await call<{ rows: { id: number; userName: string }[] }>('users.search', {
    query: userName,
  });
  const row = page.rows.find((r) => r.userName === userName);
  if (!row) throw new Error(`${userName} is not in the demo roster`);
  return row.id;
}

/** Resolves once the log holds `count` lines matching `pattern` (the reset mail is sent late). */
async function logLines(pattern: RegExp, count: number): Promise<void> {
  const file = path.join(dataDir, LOG_DIR, LOG_FILE);
  const deadline = Date.now() + 15_000;
  const found = () =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => pattern.test(l))
      : [];
  while (found().length < count) {
    if (Date.now() > deadline) throw new Error(`the log never had ${count} × ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function main() {
  // Long codes of letters and digits: no chance of meeting one by accident in the log.
  const policy = await call<Record<string, unknown>>('policy.get', undefined);
  await call('policy.set', {
    settings: { ...policy, codeLength: 10, codeAlphabet: 'alphanumeric' },
  });

  // View Details → Set password…, then the simulator signs FrontDesk in with it.
  const frontDesk = await userId('FrontDesk');
  const userPassword = env('TRAX_LOG_TEST_USER_PASSWORD');
  await call('auth.setUserPassword', { id: frontDesk, form: { password: userPassword } });
  const challenge = await call<{ challengeId: string }>('auth.signIn', {
    form: { userName: 'FrontDesk', password: userPassword, rememberMe: false },
  });
  const listed = await call<{ messages: { id: number }[] }>('outbox.list', undefined);
  const email = await call<{ text: string }>('outbox.get', { id: listed.messages[0]?.id ?? 0 });
  const code = /authorization code is: (\S+)/.exec(email.text)?.[1];
  if (!code) throw new Error(`no code in the code email: ${email.text}`);
  const wrong = await call<{ status: string }>('auth.verifyCode', {
    challengeId: challenge.challengeId,
    code: 'WRONG00000',
  });
  if (wrong.status !== 'rejected') throw new Error('a wrong code was accepted');
  const signedIn = await call<{ status: string; session: string }>('auth.verifyCode', {
    challengeId: challenge.challengeId,
    code,
  });
  if (signedIn.status !== 'signed-in') throw new Error('the emailed code was refused');
  await call('auth.profile', { session: signedIn.session });

  // Settings → Email delivery: SMTP with AUTH, the password in the keychain.
  await call('mail.saveSettings', {
    settings: {
      ...DEFAULT_MAIL_SETTINGS,
      mode: 'smtp',
      host: '127.0.0.1',
      port: Number(port),
      security: 'starttls',
      user: env('TRAX_LOG_TEST_SMTP_USER'),
      fromAddress: 'admin@trax.example.com',
      messagesPerMinute: 10_000,
    },
  });
  try {
    await call('mail.setPassword', { form: { password: env('TRAX_LOG_TEST_SMTP_PASSWORD') } });
    const check = await call<{ ok: boolean; message: string }>('mail.testConnection', undefined);
    if (!check.ok) throw new Error(`Test connection failed: ${check.message}`);

    // Send Email to three users; the server refuses OfficeManager's address.
    const ids = [frontDesk, await userId('OfficeManager'), await userId('BrianJackson')];
    const { jobId } = await call<{ jobId: number }>('mail.startJob', {
      userIds: ids,
      form: { subject: 'Two-factor sign-in is coming', body: env('TRAX_LOG_TEST_BODY') },
    });
    let status: { running: boolean; job: { counts: Record<string, number> } };
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await call('mail.jobStatus', { jobId });
    } while (status.running);

    // Forgot password? over SMTP for OfficeManager, whose address the server refuses; the email
    // goes out after the answer (so timing tells nothing), and its failure reaches only the log.
    await call('auth.forgotPassword', { form: { userName: 'OfficeManager' } });
    await logLines(/"channel":"auth.forgotPassword"/, 1);

    console.log(JSON.stringify({ code, session: signedIn.session, counts: status.job.counts }));
  } finally {
    await call('mail.clearPassword', undefined);
    await app.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
