import { createHash, createHmac, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChallengeStore } from '../../../src-main/auth/challenges.js';
import { DEFAULT_POLICY } from '../../../src-main/auth/policy.js';
import type { ChallengeView, VerifyCodeResult } from '../../../src-main/auth/sign-in.js';
import { SIGN_IN_REFUSED } from '../../../src-main/auth/sign-in.js';
import { codeIn, PASSWORD, signInColumns, startHarness, type Harness } from './harness.js';

const MINUTE = 60_000;
let h: Harness;

beforeEach(() => {
  h = startHarness();
});
afterEach(() => h.close());

const signIn = (userName: string, password = PASSWORD) =>
  h.call<ChallengeView>('auth.signIn', { form: { userName, password, rememberMe: false } });

describe('auth.banner', () => {
  it('counts the days to the go-live date as the guide does (43 days before 4/23/2024)', async () => {
    expect(await h.call('auth.banner')).toEqual({
      state: 'coming-soon',
      goLiveDate: '4/23/2024',
      daysLeft: 43,
    });
  });

  it('says "here" from the go-live date on', async () => {
    h.advance(43 * 24 * 60 * MINUTE);
    expect(await h.call('auth.banner')).toMatchObject({ state: 'here', daysLeft: 0 });
    h.advance(24 * 60 * MINUTE);
    expect(await h.call('auth.banner')).toMatchObject({ state: 'here', daysLeft: -1 });
  });
});

describe('auth.signIn', () => {
  it('emails a code with the guide text and answers the masked hint', async () => {
    await h.addUser({ userName: 'FrontDesk', firstName: 'Front', email: 'tester@nfocus.com' });
    const challenge = await signIn('frontdesk');
    expect(challenge).toMatchObject({
      hint: 't*****r@n*****s.com',
      lifetimeMinutes: 5,
      resendAvailableInSeconds: 30,
      codeKind: 'digits',
    });
    expect(challenge.challengeId.length).toBeGreaterThanOrEqual(43);
    const mail = h.lastMail();
    expect(mail.to).toBe('tester@nfocus.com');
    const code = codeIn(mail.text);
    expect(code).toMatch(/^\d{6}$/);
    expect(mail.text).toBe(
      [
        'Hello Front.',
        '',
        `Your one-time authorization code is: ${code}`,
        'Please enter this code to continue logging into TraxSolutions.',
        'This code will expire after 5 minutes.',
        '',
        'If you have any questions, please contact client support at 1.886.954.9557',
        'or support@nfocus.com',
        '',
        'Thank You.',
      ].join('\n'),
    );
    expect(mail.html).toContain(`Your one-time authorization code is: ${code}`);
  });

  it('never stores the code, only the keyed HMAC-SHA256 of "<challenge id>:<code>"', async () => {
    const userId = await h.addUser({ userName: 'FrontDesk' });
    const key = randomBytes(32);
    const store = new ChallengeStore(h.app.db, h.now, { key });
    const issued = store.issue(userId, 'sign-in', DEFAULT_POLICY);
    const stored = h.app.db
      .prepare<[string], string>('SELECT code_hmac FROM otp_challenges WHERE id = ?')
      .pluck()
      .get(issued.challengeId);
    const message = `${issued.challengeId}:${issued.code}`;
    expect(stored).toBe(createHmac('sha256', key).update(message).digest('base64'));
    // Keyed: neither a plain hash nor the HMAC under another key.
    expect(stored).not.toBe(createHash('sha256').update(message).digest('base64'));
    expect(stored).not.toBe(createHmac('sha256', randomBytes(32)).update(message).digest('base64'));

    // The app's own store keeps its key to itself: the table holds no code, nor a plain hash.
    const { challengeId } = await signIn('FrontDesk');
    const code = codeIn(h.lastMail().text);
    const rows = h.app.db.prepare('SELECT * FROM otp_challenges').all();
    expect(JSON.stringify(rows)).not.toContain(code);
    const appStored = h.app.db
      .prepare<[string], string>('SELECT code_hmac FROM otp_challenges WHERE id = ?')
      .pluck()
      .get(challengeId);
    expect(appStored).not.toBe(
      createHash('sha256').update(`${challengeId}:${code}`).digest('base64'),
    );
  });

  it('gives the same refusal for unknown, wrong password, inactive and locked users', async () => {
    await h.addUser({ userName: 'Active1' });
    await h.addUser({ userName: 'Gone', status: 'Inactive' });
    await h.addUser({ userName: 'NoPassword', password: null });
    const locked = await h.addUser({ userName: 'Locked' });
    for (let i = 0; i < 5; i++)
      await h.fail('auth.signIn', { form: { userName: 'Locked', password: 'nope-nope' } });
    expect(signInColumns(h, locked)?.locked_until).not.toBeNull();

    const attempts = [
      { userName: 'nobody-here', password: PASSWORD },
      { userName: 'Active1', password: 'wrong-password' },
      { userName: 'Gone', password: PASSWORD },
      { userName: 'NoPassword', password: PASSWORD },
      { userName: 'Locked', password: PASSWORD },
    ];
    const errors = [];
    for (const form of attempts) errors.push(await h.fail('auth.signIn', { form }));
    for (const error of errors) {
      expect(error).toEqual({ code: 'VALIDATION', message: SIGN_IN_REFUSED });
    }
    expect(h.outbox.list()).toHaveLength(0);
  });

  it('counts failures with their date, and a full sign-in resets them and sets the login date', async () => {
    const id = await h.addUser({ userName: 'BrianJackson' });
    await h.fail('auth.signIn', { form: { userName: 'BrianJackson', password: 'bad-one-1' } });
    h.advance(MINUTE);
    await h.fail('auth.signIn', { form: { userName: 'BrianJackson', password: 'bad-one-2' } });
    expect(signInColumns(h, id)).toMatchObject({
      password_failures: 2,
      last_password_failure_at: h.now().toISOString(),
      last_login_at: null,
    });
    const details = await h.call<{ passwordFailuresSinceLastSuccess: number }>('users.get', { id });
    expect(details.passwordFailuresSinceLastSuccess).toBe(2);

    const { challengeId } = await signIn('BrianJackson');
    // The password step alone is not a sign-in.
    expect(signInColumns(h, id)?.password_failures).toBe(2);
    h.advance(MINUTE);
    const result = await h.call<VerifyCodeResult>('auth.verifyCode', {
      challengeId,
      code: codeIn(h.lastMail().text),
    });
    expect(result).toMatchObject({
      status: 'signed-in',
      user: { userName: 'BrianJackson', email: 'tester@nfocus.com', firstName: 'Tess' },
    });
    expect(signInColumns(h, id)).toMatchObject({
      password_failures: 0,
      last_login_at: h.now().toISOString(),
    });
  });

  it('locks after the configured failures for the configured time, then lets the user in', async () => {
    const id = await h.addUser({ userName: 'OfficeManager' });
    for (let i = 0; i < 4; i++) {
      await h.fail('auth.signIn', { form: { userName: 'OfficeManager', password: `bad-${i}-xx` } });
    }
    expect(signInColumns(h, id)?.locked_until).toBeNull();
    await h.fail('auth.signIn', { form: { userName: 'OfficeManager', password: 'bad-5-xx' } });
    const lockedAt = h.now().getTime();
    expect(signInColumns(h, id)?.locked_until).toBe(new Date(lockedAt + 15 * MINUTE).toISOString());

    // Locked: even the right password is refused, and attempts while locked are not counted.
    h.advance(15 * MINUTE - 1000);
    await h.fail('auth.signIn', { form: { userName: 'OfficeManager', password: PASSWORD } });
    expect(signInColumns(h, id)?.password_failures).toBe(5);

    // At the end of the lock the right password works again.
    h.advance(1000);
    const challenge = await signIn('OfficeManager');
    expect(challenge.hint).toBe('t*****r@n*****s.com');
  });

  it('after a lock ends the user gets a fresh run of attempts', async () => {
    const id = await h.addUser({ userName: 'Runner' });
    for (let i = 0; i < 5; i++) {
      await h.fail('auth.signIn', { form: { userName: 'Runner', password: `bad-${i}-xx` } });
    }
    h.advance(15 * MINUTE);
    await h.fail('auth.signIn', { form: { userName: 'Runner', password: 'bad-6-xx' } });
    expect(signInColumns(h, id)).toMatchObject({
      password_failures: 6,
      locked_until: expect.any(String),
    });
    // Still the old (ended) lock time, not a new one.
    expect(Date.parse(signInColumns(h, id)?.locked_until ?? '')).toBeLessThanOrEqual(
      h.now().getTime(),
    );
  });

  it('tells a user with the right password but no email on file why no code came', async () => {
    const id = await h.addUser({ userName: 'NoMail' });
    h.app.db.prepare("UPDATE users SET email = '' WHERE id = ?").run(id);
    const error = await h.fail('auth.signIn', { form: { userName: 'NoMail', password: PASSWORD } });
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('No email address is on file');
  });

  it('asks for each field by name when the form is empty', async () => {
    const error = await h.fail('auth.signIn', { form: { userName: ' ', password: '' } });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      fields: { userName: 'Enter your user name.', password: 'Enter your password.' },
    });
  });
});

describe('demo roster', () => {
  it('lets a demo user sign in with the documented demo password until one is set', async () => {
    h.close();
    h = startHarness({ seedDemo: true });
    const challenge = await signIn('FrontDesk', 'Trax-Demo-2024!');
    expect(challenge.hint).toMatch(/^f\*{5}/);
    await h.fail('auth.signIn', { form: { userName: 'FrontDesk', password: 'Trax-Demo-2024?' } });
    const id = h.app.db.prepare("SELECT id FROM users WHERE user_name = 'FrontDesk'").pluck().get();
    await h.call('auth.setUserPassword', { id, form: { password: 'Own-Password-1' } });
    await h.fail('auth.signIn', { form: { userName: 'FrontDesk', password: 'Trax-Demo-2024!' } });
    expect((await signIn('FrontDesk', 'Own-Password-1')).hint).toMatch(/^f\*{5}/);
  });
});
