import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../src-main/audit/entries.js';
import {
  OLD_PASSWORD_WRONG,
  RESET_REFUSED,
  RESET_REQUESTED,
} from '../../../src-main/auth/account-service.js';
import { PASSWORD_CHANGES } from '../../../src-main/auth/password-log.js';
import type { ChallengeView, VerifyCodeResult } from '../../../src-main/auth/sign-in.js';
import { SESSION_ENDED } from '../../../src-main/auth/sessions.js';
import { codeIn, PASSWORD, settled, signInColumns, startHarness, type Harness } from './harness.js';

const MINUTE = 60_000;
const NEW_PASSWORD = 'Brand-New-Pass-7';
let h: Harness;
let userId: number;

beforeEach(async () => {
  h = startHarness();
  userId = await h.addUser({
    userName: 'AllisonBarry',
    firstName: 'Allison',
    lastName: 'Barry',
    email: 'abarry@email.com',
  });
});
afterEach(() => h.close());

async function fullSignIn(password = PASSWORD): Promise<string> {
  const { challengeId } = await h.call<ChallengeView>('auth.signIn', {
    form: { userName: 'AllisonBarry', password, rememberMe: false },
  });
  const result = await h.call<VerifyCodeResult>('auth.verifyCode', {
    challengeId,
    code: codeIn(h.lastMail().text),
  });
  if (result.status !== 'signed-in') throw new Error(result.message);
  return result.session;
}

describe('My Profile', () => {
  it('shows user name, email, first and last name of the signed-in user', async () => {
    const session = await fullSignIn();
    expect(await h.call('auth.profile', { session })).toEqual({
      userName: 'AllisonBarry',
      email: 'abarry@email.com',
      firstName: 'Allison',
      lastName: 'Barry',
    });
  });

  it('ends with sign out, and sessions expire after 8 hours', async () => {
    const session = await fullSignIn();
    await h.call('auth.signOut', { session });
    expect(await h.fail('auth.profile', { session })).toEqual({
      code: 'NOT_FOUND',
      message: SESSION_ENDED,
    });
    const second = await fullSignIn();
    h.advance(8 * 60 * MINUTE);
    expect((await h.fail('auth.profile', { session: second })).message).toBe(SESSION_ENDED);
  });
});

describe('Change Password', () => {
  const change = (session: string, form: Record<string, string>) =>
    h.fail('auth.changePassword', { session, form });

  it('refuses a wrong old password, different new ones, a short one and an unchanged one', async () => {
    const session = await fullSignIn();
    expect(
      await change(session, {
        oldPassword: 'not-it-at-all',
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { oldPassword: OLD_PASSWORD_WRONG } });
    expect(
      await change(session, {
        oldPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        confirmPassword: 'Brand-New-Pass-8',
      }),
    ).toMatchObject({ fields: { confirmPassword: 'The two new passwords do not match.' } });
    expect(
      await change(session, {
        oldPassword: PASSWORD,
        newPassword: 'short',
        confirmPassword: 'short',
      }),
    ).toMatchObject({ fields: { newPassword: 'The new password must be at least 8 characters.' } });
    expect(
      await change(session, {
        oldPassword: PASSWORD,
        newPassword: PASSWORD,
        confirmPassword: PASSWORD,
      }),
    ).toMatchObject({
      fields: { newPassword: 'The new password must be different from the old one.' },
    });
  });

  it('changes the password: the new one signs in, the old one no longer does', async () => {
    const session = await fullSignIn();
    const before = signInColumns(h, userId)?.password_hash;
    await h.call('auth.changePassword', {
      session,
      form: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    const after = signInColumns(h, userId)?.password_hash;
    expect(after).not.toBe(before);
    expect(after).not.toContain(NEW_PASSWORD);
    // The session that changed it stays signed in.
    expect(await h.call('auth.profile', { session })).toMatchObject({ userName: 'AllisonBarry' });
    await h.fail('auth.signIn', { form: { userName: 'AllisonBarry', password: PASSWORD } });
    expect(await fullSignIn(NEW_PASSWORD)).toEqual(expect.any(String));
  });
});

describe('Forgot password', () => {
  const forgot = (userName: string) => h.call('auth.forgotPassword', { form: { userName } });
  const reset = (form: Record<string, string>) => h.fail('auth.resetPassword', { form });

  it('answers the same for existing and unknown users, and emails only existing active ones', async () => {
    await h.addUser({ userName: 'Gone', status: 'Inactive', email: 'gone@email.com' });
    for (const name of ['AllisonBarry', 'nobody', 'Gone']) {
      expect(await forgot(name)).toEqual({ message: RESET_REQUESTED });
    }
    await settled();
    expect(h.outbox.list().map((m) => m.to)).toEqual(['abarry@email.com']);
    expect(h.lastMail().text).toMatch(/^Hello Allison\.\n\nYour password reset code is: \d{6}\n/);
  });

  it('sets a new password with the emailed code, once', async () => {
    await forgot('allisonbarry');
    await settled();
    const code = codeIn(h.lastMail().text);
    const form = {
      userName: 'AllisonBarry',
      code,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    };
    expect(await reset({ ...form, confirmPassword: 'something-else' })).toMatchObject({
      fields: { confirmPassword: 'The two new passwords do not match.' },
    });
    expect(await h.call('auth.resetPassword', { form })).toEqual({ changed: true });
    expect(await reset(form)).toEqual({ code: 'VALIDATION', message: RESET_REFUSED });
    expect(await fullSignIn(NEW_PASSWORD)).toEqual(expect.any(String));
  });

  it('refuses a wrong user name, a wrong code and an expired code with one message', async () => {
    await forgot('AllisonBarry');
    await settled();
    const code = codeIn(h.lastMail().text);
    const form = {
      userName: 'AllisonBarry',
      code,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    };
    expect(await reset({ ...form, userName: 'nobody' })).toEqual({
      code: 'VALIDATION',
      message: RESET_REFUSED,
    });
    expect(await reset({ ...form, code: code === '000000' ? '111111' : '000000' })).toEqual({
      code: 'VALIDATION',
      message: RESET_REFUSED,
    });
    h.advance(5 * MINUTE);
    expect(await reset(form)).toEqual({ code: 'VALIDATION', message: RESET_REFUSED });
  });

  it('does not send a second reset email within the resend cooldown', async () => {
    await forgot('AllisonBarry');
    await forgot('AllisonBarry');
    await settled();
    expect(h.outbox.list()).toHaveLength(1);
    h.advance(30_000);
    await forgot('AllisonBarry');
    await settled();
    expect(h.outbox.list()).toHaveLength(2);
  });
});

describe('View Details: the administrator sets a password', () => {
  it('stores only a scrypt hash and refuses a short password', async () => {
    expect(
      await h.call('auth.setUserPassword', { id: userId, form: { password: 'Admin-Set-123' } }),
    ).toEqual({
      changed: true,
    });
    expect(signInColumns(h, userId)?.password_hash).toMatch(/^scrypt\$/);
    expect(
      await h.fail('auth.setUserPassword', { id: userId, form: { password: 'short' } }),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: { password: 'The new password must be at least 8 characters.' },
    });
    expect(
      (await h.fail('auth.setUserPassword', { id: 9999, form: { password: 'Long-enough-1' } }))
        .code,
    ).toBe('NOT_FOUND');
    expect(await fullSignIn('Admin-Set-123')).toEqual(expect.any(String));
  });
});

describe('the change log', () => {
  const passwordEntries = async () =>
    (await h.call<{ entries: ChangeEntry[] }>('changes.forUser', { id: userId })).entries.filter(
      (e) => e.field === 'password',
    );

  it('records a Change Password and a reset in the simulator, never the password', async () => {
    const session = await fullSignIn();
    const before = (await passwordEntries()).length;
    await h.call('auth.changePassword', {
      session,
      form: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
    });
    h.advance(MINUTE);
    await h.call('auth.forgotPassword', { form: { userName: 'AllisonBarry' } });
    await settled();
    const reset = 'Reset-By-Code-9';
    await h.call('auth.resetPassword', {
      form: {
        userName: 'AllisonBarry',
        code: codeIn(h.lastMail().text),
        newPassword: reset,
        confirmPassword: reset,
      },
    });

    const entries = await passwordEntries();
    expect(entries.slice(0, entries.length - before).reverse()).toEqual([
      expect.objectContaining({
        userName: 'AllisonBarry',
        fieldLabel: 'Password',
        oldValue: null,
        newValue: PASSWORD_CHANGES.changed,
        source: 'password',
      }),
      expect.objectContaining({
        at: h.now().toISOString(),
        newValue: PASSWORD_CHANGES.reset,
        source: 'password',
      }),
    ]);
    const text = JSON.stringify(entries);
    for (const secret of [PASSWORD, NEW_PASSWORD, reset, 'scrypt$']) {
      expect(text).not.toContain(secret);
    }
  });

  it('records nothing when the old password is wrong', async () => {
    const session = await fullSignIn();
    const before = (await passwordEntries()).length;
    await h.fail('auth.changePassword', {
      session,
      form: {
        oldPassword: 'not-it-at-all',
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      },
    });
    expect(await passwordEntries()).toHaveLength(before);
  });
});
