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
import { recoverInterrupted, settleRestoredJobs } from './recovery.js';
import { MailSettingsRepository, type MailSettings } from './settings.js';
import { smtpPassword } from './smtp.js';

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

const SENDING_NOW =
  'A bulk email is being sent. Wait for it to finish (or cancel it), then restore.';
const RESTORING_NOW = 'A backup is being restored. Send again once the restore has finished.';
const OTHER_SETTINGS =
  'A saved password is only used with the host, port, security and user name it was saved ' +
  'for, and these differ from the saved settings. Enter the password to test them, or save ' +
  'them first.';

/** Creates the mail services of one app. */
export function createMailServices(options: MailServicesOptions) {
  const { runner: runnerOptions, ...rest } = options;
  const secrets = rest.secrets ?? new OsKeychain();
  const deps: MailDeps = { ...rest, secrets };
  const settings = new MailSettingsRepository(deps.db);
  const jobs = new JobsRepository(deps.db, deps.clock);
  const runner = new JobRunner(deps, jobs, runnerOptions);
  let restoring = false;

  /** The keychain account of the settings' password, or null when no user name is set. */
  const account = (s: MailSettings = settings.get()) => (s.user && s.host ? smtpAccount(s) : null);

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
    recoverInterruptedJobs: () => recoverInterrupted(deps.db, deps.clock),
    /** Stops running jobs after their messages in flight (call before closing the database). */
    stop: () => runner.stopAll(),

    /**
     * Before a restore replaces the data: refuses while a job is being sent, otherwise keeps
     * jobs from starting until the returned release is called. @throws AppError CONFLICT
     */
    holdForRestore(): () => void {
      if (runner.isBusy()) throw new AppError('CONFLICT', SENDING_NOW);
      restoring = true;
      return () => {
        restoring = false;
      };
    },
    /** Refuses to start sending while a restore is replacing the data. @throws CONFLICT */
    assertNotRestoring(): void {
      if (restoring) throw new AppError('CONFLICT', RESTORING_NOW);
    },
    /** After a restore: nothing the backup recorded as queued or sending is sent again. */
    afterRestore: () => settleRestoredJobs(deps.db, deps.clock),

    /**
     * Saves the Email delivery form. When the server, port, security or user name change, the
     * password saved for the previous ones is removed from the keychain (it would never be used
     * again); answers a sentence saying so, or why it could not be removed.
     */
    async saveSettings(next: MailSettings): Promise<string | undefined> {
      const before = account();
      const after = account(settings.save(next));
      if (!before || before === after) return undefined;
      try {
        if (!(await secrets.delete(before))) return undefined;
        return (
          'The password saved for the previous server or user name was removed from the ' +
          'system keychain, because a password is only used with the host, port, security and ' +
          'user name it was saved for. Set the password for these settings.'
        );
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return `The password saved for the previous settings could not be removed: ${why}`;
      }
    },

    /** Whether a password is saved for the saved settings. Never answers the password. */
    async passwordState(): Promise<PasswordState> {
      const key = account();
      try {
        if (!key) {
          await secrets.check();
          return { passwordSaved: false, keychainAvailable: true };
        }
        return { passwordSaved: (await secrets.get(key)) !== null, keychainAvailable: true };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { passwordSaved: false, keychainAvailable: false, keychainMessage: message };
      }
    },

    /**
     * The password Test connection may use with `candidate`: the one typed for the test, else
     * the saved one, but only when `candidate` is the saved host, port, security and user name.
     * @throws AppError VALIDATION otherwise, or when no password is saved.
     */
    async passwordFor(candidate: MailSettings, typed?: string): Promise<string | undefined> {
      if (!candidate.user) return undefined;
      if (typed !== undefined) return typed;
      const saved = settings.get();
      if (account(candidate) !== account(saved)) {
        throw new AppError('VALIDATION', OTHER_SETTINGS, { password: 'Enter the password.' });
      }
      return smtpPassword(saved, secrets);
    },

    /** Saves the password for the saved settings in the keychain, and nowhere else. */
    async setPassword(password: string): Promise<void> {
      const key = account();
      if (!key) {
        throw new AppError('VALIDATION', 'Enter and save the SMTP host and user name first.', {
          password: 'Enter and save the SMTP host and user name first.',
        });
      }
      await secrets.set(key, password);
    },

    /** Removes the saved password of the saved settings. */
    async clearPassword(): Promise<void> {
      const key = account();
      if (key) await secrets.delete(key);
    },
  };
}

/** The mail services of one app. */
export type MailServices = ReturnType<typeof createMailServices>;
