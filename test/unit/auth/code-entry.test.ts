import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ChallengeView,
  ResendCodeResult,
  VerifyCodeResult,
} from '../../../src-main/auth/sign-in.js';
import { CODE_ENDED, CODE_REFUSED } from '../../../src-main/auth/sign-in.js';
import { codeIn, PASSWORD, startHarness, wrongCode as wrong, type Harness } from './harness.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
let h: Harness;

beforeEach(async () => {
  h = startHarness();
  await h.addUser({ userName: 'FrontDesk', firstName: 'Front' });
});
afterEach(() => h.close());

async function signIn(): Promise<{ challengeId: string; code: string }> {
  const { challengeId } = await h.call<ChallengeView>('auth.signIn', {
    form: { userName: 'FrontDesk', password: PASSWORD, rememberMe: true },
  });
  return { challengeId, code: codeIn(h.lastMail().text) };
}

const verify = (challengeId: string, code: string) =>
  h.call<VerifyCodeResult>('auth.verifyCode', { challengeId, code });

describe('code expiry', () => {
  it('accepts a code entered at 4:59', async () => {
    const { challengeId, code } = await signIn();
    h.advance(4 * MINUTE + 59 * SECOND);
    expect(await verify(challengeId, code)).toMatchObject({ status: 'signed-in' });
  });

  it('refuses it at exactly 5:00, and the user must start over', async () => {
    const { challengeId, code } = await signIn();
    h.advance(5 * MINUTE);
    expect(await verify(challengeId, code)).toEqual({
      status: 'rejected',
      message: CODE_ENDED,
      mustStartOver: true,
    });
  });

  it('follows the configured lifetime', async () => {
    const policy = await h.call<Record<string, unknown>>('policy.get');
    await h.call('policy.set', { settings: { ...policy, codeLifetimeMinutes: 2 } });
    const { challengeId, code } = await signIn();
    expect(h.lastMail().text).toContain('This code will expire after 2 minutes.');
    h.advance(2 * MINUTE);
    expect(await verify(challengeId, code)).toMatchObject({
      status: 'rejected',
      mustStartOver: true,
    });
  });
});

describe('single use and binding', () => {
  it('accepts a code once only', async () => {
    const { challengeId, code } = await signIn();
    expect(await verify(challengeId, code)).toMatchObject({ status: 'signed-in' });
    expect(await verify(challengeId, code)).toMatchObject({
      status: 'rejected',
      mustStartOver: true,
    });
  });

  it('binds a code to its challenge: the same HMAC on another challenge does not accept it', async () => {
    await h.addUser({ userName: 'OfficeManager' });
    const a = await signIn();
    const { challengeId: b } = await h.call<ChallengeView>('auth.signIn', {
      form: { userName: 'OfficeManager', password: PASSWORD },
    });
    // Challenge B gets the very value stored for A's code: were the HMAC over the code alone,
    // A's code would now work on B.
    h.app.db
      .prepare(
        'UPDATE otp_challenges SET code_hmac = (SELECT code_hmac FROM otp_challenges WHERE id = ?) ' +
          'WHERE id = ?',
      )
      .run(a.challengeId, b);
    expect(await verify(b, a.code)).toEqual({
      status: 'rejected',
      message: CODE_REFUSED,
      mustStartOver: false,
    });
    expect(await verify(a.challengeId, a.code)).toMatchObject({ status: 'signed-in' });
  });

  it('a new sign-in supersedes the earlier code', async () => {
    const first = await signIn();
    const second = await signIn();
    expect(await verify(first.challengeId, first.code)).toMatchObject({
      status: 'rejected',
      mustStartOver: true,
    });
    expect(await verify(second.challengeId, second.code)).toMatchObject({ status: 'signed-in' });
  });

  it('accepts the code typed with spaces', async () => {
    const { challengeId, code } = await signIn();
    const spaced = `${code.slice(0, 3)} ${code.slice(3)}`;
    expect(await verify(challengeId, spaced)).toMatchObject({ status: 'signed-in' });
  });

  it('refuses an unknown challenge like an ended one', async () => {
    expect(await verify('not-a-challenge', '123456')).toEqual({
      status: 'rejected',
      message: CODE_ENDED,
      mustStartOver: true,
    });
  });
});

describe('wrong codes', () => {
  it('allows two wrong codes then the right one', async () => {
    const { challengeId, code } = await signIn();
    expect(await verify(challengeId, wrong(code))).toEqual({
      status: 'rejected',
      message: CODE_REFUSED,
      mustStartOver: false,
    });
    expect(await verify(challengeId, wrong(code))).toMatchObject({ mustStartOver: false });
    expect(await verify(challengeId, code)).toMatchObject({ status: 'signed-in' });
  });

  it('ends the attempt at the third wrong code; the right one no longer works', async () => {
    const { challengeId, code } = await signIn();
    await verify(challengeId, wrong(code));
    await verify(challengeId, wrong(code));
    expect(await verify(challengeId, wrong(code))).toEqual({
      status: 'rejected',
      message: CODE_ENDED,
      mustStartOver: true,
    });
    expect(await verify(challengeId, code)).toMatchObject({
      status: 'rejected',
      mustStartOver: true,
    });
    const resend = await h.call<ResendCodeResult>('auth.resendCode', { challengeId });
    expect(resend.status).toBe('ended');
  });
});

describe('resend', () => {
  it('is refused during the cooldown with the seconds left', async () => {
    const { challengeId } = await signIn();
    h.advance(18 * SECOND);
    expect(await h.call('auth.resendCode', { challengeId })).toEqual({
      status: 'cooldown',
      secondsLeft: 12,
      message: 'Please wait 12 seconds before resending.',
    });
    h.advance(11_500);
    expect(await h.call('auth.resendCode', { challengeId })).toMatchObject({ secondsLeft: 1 });
    expect(h.outbox.list()).toHaveLength(1);
  });

  it('sends a new code after the cooldown; the old code stops working', async () => {
    const old = await signIn();
    h.advance(30 * SECOND);
    const resend = await h.call<ResendCodeResult>('auth.resendCode', {
      challengeId: old.challengeId,
    });
    if (resend.status !== 'sent') throw new Error(`expected sent, got ${resend.status}`);
    expect(resend.challenge).toMatchObject({
      hint: 't*****r@n*****s.com',
      resendAvailableInSeconds: 30,
    });
    expect(resend.challenge.challengeId).not.toBe(old.challengeId);
    expect(h.outbox.list()).toHaveLength(2);
    const fresh = codeIn(h.lastMail().text);

    expect(await verify(old.challengeId, old.code)).toMatchObject({ mustStartOver: true });
    expect(
      await verify(resend.challenge.challengeId, old.code === fresh ? wrong(fresh) : old.code),
    ).toMatchObject({ status: 'rejected', mustStartOver: false });
    expect(await verify(resend.challenge.challengeId, fresh)).toMatchObject({
      status: 'signed-in',
    });
  });

  it('gives a resent code its own full lifetime', async () => {
    const old = await signIn();
    h.advance(4 * MINUTE);
    const resend = await h.call<ResendCodeResult>('auth.resendCode', {
      challengeId: old.challengeId,
    });
    if (resend.status !== 'sent') throw new Error('expected sent');
    h.advance(4 * MINUTE + 59 * SECOND);
    const fresh = codeIn(h.lastMail().text);
    expect(await verify(resend.challenge.challengeId, fresh)).toMatchObject({
      status: 'signed-in',
    });
  });
});

describe('letter-and-digit codes', () => {
  it('sends and accepts ABC123-style codes, typed in lower case', async () => {
    const policy = await h.call<Record<string, unknown>>('policy.get');
    await h.call('policy.set', {
      settings: { ...policy, codeAlphabet: 'alphanumeric', codeLength: 8 },
    });
    const { challengeId, code } = await signIn();
    expect(code).toMatch(/^[0-9A-HJKMNP-Z]{8}$/);
    expect(await verify(challengeId, code.toLowerCase())).toMatchObject({ status: 'signed-in' });
  });
});
