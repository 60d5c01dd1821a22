/**
 * View Details' Login simulator password: set a password (recorded in the change log as a fact,
 * never the password), the demo / own / none state, and Unlock after a lockout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../src-main/audit/entries.js';
import { LOCK_FIELD, UNLOCKED } from '../../../src-main/auth/password-admin.js';
import type { ChallengeView } from '../../../src-main/auth/sign-in.js';
import { SIGN_IN_REFUSED } from '../../../src-main/auth/sign-in.js';
import { PASSWORD, signInColumns, startHarness, type Harness } from './harness.js';

const MINUTE = 60_000;
let h: Harness;

afterEach(() => h.close());

const signIn = (userName: string, password: string) =>
  h.call<ChallengeView>('auth.signIn', { form: { userName, password, rememberMe: false } });

async function history(id: number): Promise<ChangeEntry[]> {
  return (await h.call<{ entries: ChangeEntry[] }>('changes.forUser', { id })).entries;
}

describe('auth.passwordState and auth.setUserPassword', () => {
  beforeEach(() => {
    h = startHarness({ seedDemo: true });
  });

  it('says "demo" for a demo user until a password is set, then "set"; records only the fact', async () => {
    const frontDesk = h.app.db
      .prepare<[string], number>('SELECT id FROM users WHERE user_name = ?')
      .pluck()
      .get('FrontDesk');
    if (frontDesk === undefined) throw new Error('The demo roster has no FrontDesk.');
    expect(await h.call('auth.passwordState', { id: frontDesk })).toEqual({
      kind: 'demo',
      lockedUntil: null,
    });
    expect(await signIn('FrontDesk', 'Trax-Demo-2024!')).toMatchObject({ lifetimeMinutes: 5 });

    await h.call('auth.setUserPassword', { id: frontDesk, form: { password: 'Admin-Chosen-1' } });
    expect(await h.call('auth.passwordState', { id: frontDesk })).toEqual({
      kind: 'set',
      lockedUntil: null,
    });
    expect(
      (
        await h.fail('auth.signIn', {
          form: { userName: 'FrontDesk', password: 'Trax-Demo-2024!' },
        })
      ).message,
    ).toBe(SIGN_IN_REFUSED);
    expect(await signIn('FrontDesk', 'Admin-Chosen-1')).toMatchObject({ lifetimeMinutes: 5 });

    const entries = await history(frontDesk);
    const passwordEntries = entries.filter((e) => e.field === 'password');
    expect(passwordEntries).toHaveLength(1);
    expect(passwordEntries[0]).toMatchObject({ newValue: '(password set)', source: 'password' });
    expect(JSON.stringify(entries)).not.toContain('Admin-Chosen-1');
    expect(JSON.stringify(entries)).not.toContain('scrypt$');
  });

  it('answers NOT_FOUND for an unknown user and records nothing for it', async () => {
    expect((await h.fail('auth.passwordState', { id: 99999 })).code).toBe('NOT_FOUND');
    expect((await h.fail('auth.unlockUser', { id: 99999 })).code).toBe('NOT_FOUND');
    expect(
      (await h.fail('auth.setUserPassword', { id: 99999, form: { password: 'Long-enough-1' } }))
        .code,
    ).toBe('NOT_FOUND');
    const count = h.app.db.prepare('SELECT count(*) FROM audit_log WHERE user_id = 99999').pluck();
    expect(count.get()).toBe(0);
  });

  it('refuses a short password with the minimum length message', async () => {
    const id = await h.addUser({ userName: 'Shorty', password: null });
    // The field's message is what View Details shows beside New Password.
    expect(await h.fail('auth.setUserPassword', { id, form: { password: 'short' } })).toMatchObject(
      {
        code: 'VALIDATION',
        fields: { password: 'The new password must be at least 8 characters.' },
      },
    );
    expect(signInColumns(h, id)?.password_hash).toBeNull();
  });
});

describe('"none" off the demo roster', () => {
  beforeEach(() => {
    h = startHarness();
  });

  it('says "none" for a user without a password on an imported roster', async () => {
    const id = await h.addUser({ userName: 'NoPassword', password: null });
    expect(await h.call('auth.passwordState', { id })).toEqual({ kind: 'none', lockedUntil: null });
  });
});

describe('auth.unlockUser', () => {
  beforeEach(() => {
    h = startHarness();
  });

  it('shows the lock in force, lifts it, keeps the failure count, and records the unlock', async () => {
    const id = await h.addUser({ userName: 'Locked' });
    await h.call('policy.set', {
      settings: { ...(await h.call<object>('policy.get')), failedSignInsBeforeLockout: 2 },
    });
    for (let i = 0; i < 2; i++) {
      await h.fail('auth.signIn', { form: { userName: 'Locked', password: 'wrong-one-1' } });
    }
    const until = new Date(h.now().getTime() + 15 * MINUTE).toISOString();
    expect(await h.call('auth.passwordState', { id })).toEqual({ kind: 'set', lockedUntil: until });
    expect(
      (await h.fail('auth.signIn', { form: { userName: 'Locked', password: PASSWORD } })).message,
    ).toBe(SIGN_IN_REFUSED);

    expect(await h.call('auth.unlockUser', { id })).toEqual({ kind: 'set', lockedUntil: null });
    expect(signInColumns(h, id)).toMatchObject({ locked_until: null, password_failures: 2 });
    const unlocks = (await history(id)).filter((e) => e.field === LOCK_FIELD);
    expect(unlocks).toEqual([
      expect.objectContaining({
        oldValue: `Locked until ${until}`,
        newValue: UNLOCKED,
        source: 'edit',
      }),
    ]);
    expect(await signIn('Locked', PASSWORD)).toMatchObject({ lifetimeMinutes: 5 });

    // Unlocking an account that is not locked changes and records nothing.
    await h.call('auth.unlockUser', { id });
    expect((await history(id)).filter((e) => e.field === LOCK_FIELD)).toHaveLength(1);
  });

  it('a lock whose time has passed no longer shows', async () => {
    const id = await h.addUser({ userName: 'Expiring' });
    await h.call('policy.set', {
      settings: { ...(await h.call<object>('policy.get')), failedSignInsBeforeLockout: 1 },
    });
    await h.fail('auth.signIn', { form: { userName: 'Expiring', password: 'wrong-one-1' } });
    expect(
      (await h.call<{ lockedUntil: string | null }>('auth.passwordState', { id })).lockedUntil,
    ).not.toBeNull();
    h.advance(15 * MINUTE - 1);
    expect(
      (await h.call<{ lockedUntil: string | null }>('auth.passwordState', { id })).lockedUntil,
    ).not.toBeNull();
    h.advance(1);
    expect(await h.call('auth.passwordState', { id })).toEqual({ kind: 'set', lockedUntil: null });
  });
});
