/**
 * A sign-in attempt across resends (OWASP ASVS 4.0.3 §2.7): wrong codes are counted per attempt,
 * not per code; an attempt ended by wrong codes is a failed sign-in that counts toward the
 * lockout; resends are bounded; a new sign-in does not wipe the wrong codes of the one it replaces.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ChallengeView,
  ResendCodeResult,
  VerifyCodeResult,
} from '../../../src-main/auth/sign-in.js';
import {
  CODE_ENDED,
  CODE_REFUSED,
  RESEND_LIMIT,
  SIGN_IN_REFUSED,
} from '../../../src-main/auth/sign-in.js';
import {
  changePolicy,
  codeIn,
  PASSWORD,
  signInColumns,
  startHarness,
  wrongCode,
  type Harness,
} from './harness.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
let h: Harness;
let id: number;

beforeEach(async () => {
  h = startHarness();
  id = await h.addUser({ userName: 'FrontDesk', firstName: 'Front' });
});
afterEach(() => h.close());

async function signIn(): Promise<{ challengeId: string; code: string }> {
  const { challengeId } = await h.call<ChallengeView>('auth.signIn', {
    form: { userName: 'FrontDesk', password: PASSWORD },
  });
  return { challengeId, code: codeIn(h.lastMail().text) };
}

const verify = (challengeId: string, code: string) =>
  h.call<VerifyCodeResult>('auth.verifyCode', { challengeId, code });

/** Resends after the cooldown; answers the new challenge and code. */
async function resend(challengeId: string): Promise<{ challengeId: string; code: string }> {
  h.advance(30 * SECOND);
  const result = await h.call<ResendCodeResult>('auth.resendCode', { challengeId });
  if (result.status !== 'sent') throw new Error(`expected sent, got ${result.status}`);
  return { challengeId: result.challenge.challengeId, code: codeIn(h.lastMail().text) };
}

const failures = () => signInColumns(h, id)?.password_failures;

describe('wrong codes across resends', () => {
  it('a resend gives a new code but not new guesses: the third wrong code ends the attempt', async () => {
    const first = await signIn();
    expect(await verify(first.challengeId, wrongCode(first.code))).toMatchObject({
      message: CODE_REFUSED,
    });
    expect(await verify(first.challengeId, wrongCode(first.code))).toMatchObject({
      mustStartOver: false,
    });
    const second = await resend(first.challengeId);
    expect(await verify(second.challengeId, wrongCode(second.code))).toEqual({
      status: 'rejected',
      message: CODE_ENDED,
      mustStartOver: true,
    });
    expect(await verify(second.challengeId, second.code)).toMatchObject({ mustStartOver: true });
  });

  it('counts an attempt ended by wrong codes as one failed sign-in, dated', async () => {
    const { challengeId, code } = await signIn();
    h.advance(MINUTE);
    for (let i = 0; i < 3; i++) await verify(challengeId, wrongCode(code));
    expect(signInColumns(h, id)).toMatchObject({
      password_failures: 1,
      last_password_failure_at: h.now().toISOString(),
      locked_until: null,
    });
    const details = await h.call<{ passwordFailuresSinceLastSuccess: number }>('users.get', { id });
    expect(details.passwordFailuresSinceLastSuccess).toBe(1);
  });

  it('locks the account after five attempts ended by wrong codes', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { challengeId, code } = await signIn();
      for (let i = 0; i < 3; i++) await verify(challengeId, wrongCode(code));
    }
    expect(failures()).toBe(5);
    expect(signInColumns(h, id)?.locked_until).toBe(
      new Date(h.now().getTime() + 15 * MINUTE).toISOString(),
    );
    expect(
      await h.fail('auth.signIn', { form: { userName: 'FrontDesk', password: PASSWORD } }),
    ).toEqual({ code: 'VALIDATION', message: SIGN_IN_REFUSED });
  });

  it('counts a replaced attempt that had wrong codes as failed; one without them is free', async () => {
    const clean = await signIn();
    await signIn();
    expect(failures()).toBe(0);
    expect(await verify(clean.challengeId, clean.code)).toMatchObject({ mustStartOver: true });

    const guessed = await signIn();
    await verify(guessed.challengeId, wrongCode(guessed.code));
    await signIn();
    expect(failures()).toBe(1);
  });

  it('counts an attempt that expired after a wrong code once, not again when replaced', async () => {
    const { challengeId, code } = await signIn();
    await verify(challengeId, wrongCode(code));
    h.advance(5 * MINUTE);
    expect(await verify(challengeId, code)).toMatchObject({ message: CODE_ENDED });
    expect(failures()).toBe(1);
    await signIn();
    expect(failures()).toBe(1);
  });

  it('a full sign-in after wrong codes resets the count', async () => {
    const { challengeId, code } = await signIn();
    await verify(challengeId, wrongCode(code));
    await signIn().then(({ challengeId: next, code: right }) => verify(next, right));
    expect(signInColumns(h, id)).toMatchObject({ password_failures: 0, locked_until: null });
  });
});

describe('resends per attempt', () => {
  it('allows three resends, then says so; the last code still signs in', async () => {
    let current = await signIn();
    for (let i = 0; i < 3; i++) current = await resend(current.challengeId);
    expect(h.outbox.list()).toHaveLength(4);
    h.advance(30 * SECOND);
    expect(await h.call('auth.resendCode', { challengeId: current.challengeId })).toEqual({
      status: 'limit',
      message: RESEND_LIMIT,
    });
    expect(h.outbox.list()).toHaveLength(4);
    expect(await verify(current.challengeId, current.code)).toMatchObject({ status: 'signed-in' });
  });

  it('follows the configured number of resends', async () => {
    await changePolicy(h, { resendsAllowed: 0 });
    const { challengeId } = await signIn();
    h.advance(30 * SECOND);
    expect(await h.call('auth.resendCode', { challengeId })).toMatchObject({ status: 'limit' });
  });
});

describe('a lock during an attempt', () => {
  it('ends the open code: neither the right code nor a resend works while locked', async () => {
    const { challengeId, code } = await signIn();
    for (let i = 0; i < 5; i++) {
      await h.fail('auth.signIn', { form: { userName: 'FrontDesk', password: `bad-${i}-xxx` } });
    }
    expect(signInColumns(h, id)?.locked_until).not.toBeNull();
    h.advance(30 * SECOND);
    expect(await h.call('auth.resendCode', { challengeId })).toEqual({
      status: 'ended',
      message: CODE_ENDED,
    });
    expect(await verify(challengeId, code)).toEqual({
      status: 'rejected',
      message: CODE_ENDED,
      mustStartOver: true,
    });
    expect(signInColumns(h, id)?.last_login_at).toBeNull();
  });
});
