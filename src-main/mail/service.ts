/**
 * Builds the mail services once per app: settings, keychain, outbox, jobs and their runner, and
 * the single-message delivery the login simulator uses. createApp constructs this, runs
 * {@link MailServices.recoverInterruptedJobs} at start, and serves its handlers.
 */
import { OsKeychain, smtpAccount } from '../secrets/keychain.js';
import { AppError } from '../errors.js';
import { createDelivery, type MailDeps } from './delivery.js';
import { JobRunner, type RunnerOptions } from './job-runner.js';
import { JobsRepository } from './jobs-repository.js';
import { Outbox } from './outbox.js';
import { MailSettingsRepository, type MailSettings } from './settings.js';

/** What {@link createMailServices} needs; `runner` tunes retries (tests shorten the pauses). */
export interface MailServicesOptions extends MailDeps {
  runner?: RunnerOptions;
}

/** Whether the SMTP password is saved, and whether a keychain can be reached at all. */
export interface PasswordState {
  passwordSaved: boolean;
  keychainAvailable: boolean;
  /** Why the keychain cannot be used, when it cannot. */
  keychainMessage?: string;
}

/** Creates the mail services of one app. */
export function createMailServices(options: MailServicesOptions) {
  const { runner: runnerOptions, ...rest } = options;
  const secrets = rest.secrets ?? new OsKeychain();
  const deps: MailDeps = { ...rest, secrets };
  const settings = new MailSettingsRepository(deps.db);
  const jobs = new JobsRepository(deps.db, deps.clock);
  const runner = new JobRunner(deps, jobs, runnerOptions);

  /** The keychain account of the saved user and host, or null when no user name is set. */
  const account = (s: MailSettings = settings.get()) =>
    s.user && s.host ? smtpAccount(s.user, s.host) : null;

  return {
    deps,
    secrets,
    settings,
    outbox: new Outbox(deps.db, deps.clock),
    jobs,
    runner,
    /** Sends one message in the mode saved at the time of the call. */
    delivery: createDelivery(deps),
    /** The support phone and email that fill {{Support Phone}} / {{Support Email}}. */
    getSupportContacts: () => settings.getSupportContacts(),
    /** Start-up: rows left 'sending' become 'uncertain'; running jobs become 'interrupted'. */
    recoverInterruptedJobs: () => jobs.recoverInterrupted(),
    /** Stops running jobs after their messages in flight (call before closing the database). */
    stop: () => runner.stopAll(),

    /** Whether a password is saved for the saved user and host. Never answers the password. */
    async passwordState(): Promise<PasswordState> {
      const key = account();
      try {
        const saved = key ? (await secrets.get(key)) !== null : false;
        return { passwordSaved: saved, keychainAvailable: true };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { passwordSaved: false, keychainAvailable: false, keychainMessage: message };
      }
    },

    /** Saves the password for the saved user and host in the keychain, and nowhere else. */
    async setPassword(password: string): Promise<void> {
      const key = account();
      if (!key) {
        throw new AppError('VALIDATION', 'Enter and save the SMTP host and user name first.', {
          password: 'Enter and save the SMTP host and user name first.',
        });
      }
      await secrets.set(key, password);
    },

    /** Removes the saved password of the saved user and host. */
    async clearPassword(): Promise<void> {
      const key = account();
      if (key) await secrets.delete(key);
    },
  };
}

/** The mail services of one app. */
export type MailServices = ReturnType<typeof createMailServices>;
