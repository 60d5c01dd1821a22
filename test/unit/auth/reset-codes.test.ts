/**
 * Forgot password's reset codes get the sign-in codes' protections: wrong codes are counted per
 * reset attempt across repeated requests and limited, an attempt ended by them is a failed
 * sign-in (lockout), requests are bounded, a locked account gets no code, and a reset never ends
 * a lock early. The answers stay the same whoever asks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESET_REFUSED, RESET_REQUESTED } from '../../../src-main/auth/account-service.js';
import {
  codeIn,
  PASSWORD,
  settled,
  signInColumns,
  startHarness,
  wrongCode,
  type Harness,
} from './harness.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const NEW_PASSWORD = 'Brand-New-Pass-7';
let h: Harness;
let id: number;

beforeEach(async () => {
  h = startHarness();
  id = await h.addUser({ userName: 'AllisonBarry', firstName: 'Allison' });
});
afterEach(() => h.close());

/** Forgot password?; answers the code emailed, or null when no email was sent. */
async function requestCode(): Promise<string | null> {
  const before = h.outbox.list().length;
  expect(await h.call('auth.forgotPassword', { form: { userName: 'AllisonBarry' } })).toEqual({
    message: RESET_REQUESTED,
  });
  await settled();
  return h.outbox.list().length > before ? codeIn(h.lastMail().text) : null;
}

const form = (code: string) => ({
  userName: 'AllisonBarry',
  code,
  newPassword: NEW_PASSWORD,
  confirmPassword: NEW_PASSWORD,
});
const reset = (code: string) => h.fail('auth.resetPassword', { form: form(code) });
const columns = () => signInColumns(h, id);
const lockInForce = () => {
  const until = columns()?.locked_until ?? null;
  return until !== null && Date.parse(until) > h.now().getTime();
};

describe('wrong reset codes', () => {
  it('end the attempt at the third one, which counts as a failed sign-in', async () => {
    const code = await requestCode();
    if (code === null) throw new Error('no reset email');
    h.advance(MINUTE);
    for (let i = 0; i < 3; i++) {
      expect(await reset(wrongCode(code))).toEqual({ code: 'VALIDATION', message: RESET_REFUSED });
    }
    expect(columns()).toMatchObject({
      password_failures: 1,
      last_password_failure_at: h.now().toISOString(),
    });
    expect(await reset(code)).toEqual({ code: 'VALIDATION', message: RESET_REFUSED });
    // A new request starts a new attempt with a new code.
    const fresh = await requestCode();
    if (fresh === null) throw new Error('no new reset email');
    expect(await h.call('auth.resetPassword', { form: form(fresh) })).toEqual({ changed: true });
  });

  it('are still counted after a repeated request: it resends, it does not give new guesses', async () => {
    const first = await requestCode();
    if (first === null) throw new Error('no reset email');
    await reset(wrongCode(first));
    await reset(wrongCode(first));
    h.advance(30 * SECOND);
    const second = await requestCode();
    if (second === null) throw new Error('no second reset email');
    await reset(wrongCode(second));
    expect(columns()?.password_failures).toBe(1);
    expect(await reset(second)).toEqual({ code: 'VALIDATION', message: RESET_REFUSED });
  });

  it('lock the account after five attempts; then no code is sent, with the same answer', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = await requestCode();
      if (code === null) throw new Error(`no reset email for attempt ${attempt + 1}`);
      for (let i = 0; i < 3; i++) await reset(wrongCode(code));
    }
    expect(lockInForce()).toBe(true);
    expect(await requestCode()).toBeNull();
    h.advance(15 * MINUTE);
    expect(await requestCode()).not.toBeNull();
  });
});

describe('repeated requests', () => {
  it('resend within one attempt at most three times; a new attempt once the code expired', async () => {
    expect(await requestCode()).not.toBeNull();
    for (let i = 0; i < 3; i++) {
      h.advance(30 * SECOND);
      expect(await requestCode()).not.toBeNull();
    }
    h.advance(30 * SECOND);
    expect(await requestCode()).toBeNull();
    expect(h.outbox.list()).toHaveLength(4);
    h.advance(5 * MINUTE);
    const fresh = await requestCode();
    if (fresh === null) throw new Error('no reset email after the code expired');
    expect(await h.call('auth.resetPassword', { form: form(fresh) })).toEqual({ changed: true });
  });
});

describe('a locked account', () => {
  it('gets no reset code, and a code sent before the lock no longer resets the password', async () => {
    const code = await requestCode();
    if (code === null) throw new Error('no reset email');
    for (let i = 0; i < 5; i++) {
      await h.fail('auth.signIn', { form: { userName: 'AllisonBarry', password: `bad-${i}-xxx` } });
    }
    const lockedUntil = columns()?.locked_until;
    expect(lockInForce()).toBe(true);

    expect(await reset(code)).toEqual({ code: 'VALIDATION', message: RESET_REFUSED });
    expect(await requestCode()).toBeNull();
    // The lock is untouched and the old password is still the password.
    expect(columns()?.locked_until).toBe(lockedUntil);
    h.advance(15 * MINUTE);
    await h.call('auth.signIn', { form: { userName: 'AllisonBarry', password: PASSWORD } });
  });

  it('is answered like an unknown user name', async () => {
    for (let i = 0; i < 5; i++) {
      await h.fail('auth.signIn', { form: { userName: 'AllisonBarry', password: `bad-${i}-xxx` } });
    }
    const answers = [];
    for (const userName of ['AllisonBarry', 'nobody-at-all']) {
      answers.push(await h.call('auth.forgotPassword', { form: { userName } }));
      answers.push(await h.fail('auth.resetPassword', { form: { ...form('123456'), userName } }));
    }
    expect(answers[0]).toEqual(answers[2]);
    expect(answers[1]).toEqual(answers[3]);
    await settled();
    expect(h.outbox.list()).toHaveLength(0);
  });
});
