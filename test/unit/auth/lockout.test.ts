/**
 * The account lockout counts from the last lock or unlock: the second lock comes after a full new
 * run of failures, whatever the threshold was before; and Change Password's old-password guesses
 * are failed sign-ins too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANGE_LOCKED, OLD_PASSWORD_WRONG } from '../../../src-main/auth/account-service.js';
import type { ChallengeView, VerifyCodeResult } from '../../../src-main/auth/sign-in.js';
import { SIGN_IN_REFUSED } from '../../../src-main/auth/sign-in.js';
import {
  changePolicy,
  codeIn,
  PASSWORD,
  signInColumns,
  startHarness,
  type Harness,
} from './harness.js';

const MINUTE = 60_000;
let h: Harness;
let id: number;

beforeEach(async () => {
  h = startHarness();
  id = await h.addUser({ userName: 'OfficeManager' });
});
afterEach(() => h.close());

/** `count` wrong passwords. */
async function failSignIns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await h.fail('auth.signIn', { form: { userName: 'OfficeManager', password: `bad-${i}-xxx` } });
  }
}

const lockedUntil = () => signInColumns(h, id)?.locked_until ?? null;
const lockInForce = () => {
  const until = lockedUntil();
  return until !== null && Date.parse(until) > h.now().getTime();
};

describe('the lockout threshold', () => {
  it('locks a second time only after a full new run, also when the threshold was raised', async () => {
    await changePolicy(h, { failedSignInsBeforeLockout: 3 });
    await failSignIns(3);
    expect(lockInForce()).toBe(true);
    h.advance(15 * MINUTE);
    expect(lockInForce()).toBe(false);

    await changePolicy(h, { failedSignInsBeforeLockout: 5 });
    await failSignIns(4);
    expect(lockInForce()).toBe(false);
    expect(signInColumns(h, id)?.password_failures).toBe(7);
    await failSignIns(1);
    expect(lockInForce()).toBe(true);
    expect(lockedUntil()).toBe(new Date(h.now().getTime() + 15 * MINUTE).toISOString());
  });

  it('locks at once when the threshold is lowered below the failures already counted', async () => {
    await failSignIns(3);
    await changePolicy(h, { failedSignInsBeforeLockout: 2 });
    expect(lockInForce()).toBe(false);
    await failSignIns(1);
    expect(lockInForce()).toBe(true);
  });

  it('after an Unlock the next lock needs the threshold again, counted from the Unlock', async () => {
    await changePolicy(h, { failedSignInsBeforeLockout: 3 });
    await failSignIns(3);
    expect(lockInForce()).toBe(true);
    await h.call('auth.unlockUser', { id });
    expect(lockInForce()).toBe(false);

    await changePolicy(h, { failedSignInsBeforeLockout: 2 });
    await failSignIns(1);
    expect(lockInForce()).toBe(false);
    await failSignIns(1);
    expect(lockInForce()).toBe(true);
    expect(signInColumns(h, id)?.password_failures).toBe(5);
  });

  it("the administrator's Set password lifts a lock, and the next lock needs a full run", async () => {
    await failSignIns(5);
    expect(lockInForce()).toBe(true);
    await h.call('auth.setUserPassword', { id, form: { password: 'Admin-Chosen-1' } });
    expect(lockInForce()).toBe(false);
    await failSignIns(4);
    expect(lockInForce()).toBe(false);
    await failSignIns(1);
    expect(lockInForce()).toBe(true);
  });
});

describe('Change Password', () => {
  async function session(): Promise<string> {
    const { challengeId } = await h.call<ChallengeView>('auth.signIn', {
      form: { userName: 'OfficeManager', password: PASSWORD },
    });
    const result = await h.call<VerifyCodeResult>('auth.verifyCode', {
      challengeId,
      code: codeIn(h.lastMail().text),
    });
    if (result.status !== 'signed-in') throw new Error(result.message);
    return result.session;
  }
  const form = (oldPassword: string) => ({
    oldPassword,
    newPassword: 'Brand-New-Pass-7',
    confirmPassword: 'Brand-New-Pass-7',
  });

  it('counts each wrong old password as a failed sign-in, and locks at the threshold', async () => {
    const signedIn = await session();
    for (let i = 0; i < 4; i++) {
      expect(
        await h.fail('auth.changePassword', { session: signedIn, form: form(`guess-${i}-xx`) }),
      ).toMatchObject({ code: 'VALIDATION', fields: { oldPassword: OLD_PASSWORD_WRONG } });
    }
    expect(signInColumns(h, id)).toMatchObject({
      password_failures: 4,
      last_password_failure_at: h.now().toISOString(),
      locked_until: null,
    });
    await h.fail('auth.changePassword', { session: signedIn, form: form('guess-5-xx') });
    expect(lockInForce()).toBe(true);

    // Locked: not even the right old password changes it, and sign-in is refused too.
    expect(
      await h.fail('auth.changePassword', { session: signedIn, form: form(PASSWORD) }),
    ).toEqual({ code: 'UNAVAILABLE', message: CHANGE_LOCKED });
    expect(signInColumns(h, id)?.password_failures).toBe(5);
    expect(
      (await h.fail('auth.signIn', { form: { userName: 'OfficeManager', password: PASSWORD } }))
        .message,
    ).toBe(SIGN_IN_REFUSED);

    h.advance(15 * MINUTE);
    expect(
      await h.call('auth.changePassword', { session: signedIn, form: form(PASSWORD) }),
    ).toEqual({ changed: true });
  });
});
