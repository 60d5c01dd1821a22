/**
 * Builds the login simulator's services from the database, the clock and a mail delivery: the
 * one call app.ts makes.
 */
import type { Clock } from '../app.js';
import type { Database } from '../db/connection.js';
import { MailSettingsRepository, type SupportContacts } from '../mail/settings.js';
import { AccountService } from './account-service.js';
import { AccountsRepository } from './accounts.js';
import { ChallengeStore } from './challenges.js';
import { createAuthHandlers } from './handlers.js';
import { Lockout } from './lockout.js';
import { PasswordAdmin } from './password-admin.js';
import type { PasswordChangeRecorder } from './password-log.js';
import { PasswordVerifier } from './passwords.js';
import { PolicyStore } from './policy.js';
import { SessionStore } from './sessions.js';
import { SignInService, type CodeMailer } from './sign-in.js';
import { TwoFactorSettingsStore } from './two-factor-settings.js';

/** What the simulator needs from the rest of the app. */
export interface AuthOptions {
  db: Database;
  clock: Clock;
  mailer: CodeMailer;
  /** The support contacts the code email names. */
  supportContacts: () => SupportContacts;
  /** True while the roster is the seeded demo roster (demo users' password works then). */
  isDemoRoster: () => boolean;
  onMailError?: (error: unknown) => void;
  /**
   * Records password changes (View Details' Set password, the simulator's Change Password and
   * reset) and View Details' unlocks: the change log's recorder.
   */
  recorder?: PasswordChangeRecorder;
}

/** The simulator's services and its handler map. */
export function createAuth(options: AuthOptions) {
  const { db, clock, mailer } = options;
  const policy = new PolicyStore(db);
  const accounts = new AccountsRepository(db);
  const lockout = new Lockout(accounts, policy, clock);
  const shared = {
    accounts,
    challenges: new ChallengeStore(db, clock, {
      onAttemptFailed: (userId) => lockout.recordFailure(userId),
    }),
    passwords: new PasswordVerifier(options.isDemoRoster),
    policy,
    sessions: new SessionStore(clock),
    lockout,
    mailer,
    supportContacts: options.supportContacts,
    clock,
  };
  const signIn = new SignInService(shared);
  const account = new AccountService({
    ...shared,
    db,
    recorder: options.recorder,
    onMailError: options.onMailError,
  });
  const admin = new PasswordAdmin({
    db,
    accounts: shared.accounts,
    sessions: shared.sessions,
    clock,
    isDemoRoster: options.isDemoRoster,
    recorder: options.recorder,
  });
  return {
    policy,
    signIn,
    account,
    admin,
    handlers: createAuthHandlers({
      signIn,
      account,
      admin,
      settings: new TwoFactorSettingsStore(db, policy, new MailSettingsRepository(db)),
    }),
  };
}

export type Auth = ReturnType<typeof createAuth>;
