/**
 * Composition root: opens the database in the data folder, builds the services, and returns the
 * handler map that both shells serve (src-main/shell over IPC, src-main/host over HTTP).
 * Nothing here imports Electron, so the whole application runs under plain Node in tests.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from './app-root.js';
import type { Handlers } from './contract.js';
import { createGateway, type ErrorSink } from './gateway.js';
import { openDatabase } from './db/connection.js';
import { PrefsRepository } from './db/prefs-repository.js';
import { UsersRepository } from './roster/users-repository.js';
import { seedDemoRosterIfEmpty } from './roster/demo-roster.js';
import { createRosterHandlers } from './roster/handlers.js';
import { createAuth } from './auth/index.js';
import { createDelivery } from './mail/delivery.js';
import { MailSettingsRepository } from './mail/settings.js';
import { createMailServices } from './mail/service.js';
import { createMailHandlers } from './mail/handlers.js';
import type { MailJobFinished } from './mail/job-runner.js';
import { lastTestResults } from './mail/last-results.js';
import { createAuditServices } from './audit/index.js';
import { createAuditHandlers } from './audit/handlers.js';
import { createReadinessIoServices } from './io/index.js';
import { createReadinessHandlers } from './readiness/handlers.js';
import { createIoHandlers } from './io/handlers.js';
import { APP_VERSION } from './version.js';
import { createFileLogger, LOG_DIR, type Logger } from './log/logger.js';
import { createBackupHandlers } from './backup/handlers.js';
import { BACKUP_DIR } from './backup/backup-files.js';
import { schemaVersion } from './db/migrate.js';

/** Injected wherever a decision depends on time, so tests move time instead of waiting. */
export type Clock = () => Date;

export interface AppOptions {
  /** The data folder: database, backups, logs. Created when missing. */
  dataDir: string;
  shell: 'electron' | 'browser';
  clock?: Clock;
  /** Folder holding the demo roster and templates; defaults to the repository's `resources/`. */
  resourcesDir?: string;
  /** Skip the demo roster on an empty database (tests that build their own roster). */
  seedDemo?: boolean;
  /** Also told of every unexpected failure (the log file always is). */
  onError?: ErrorSink;
  /** Where log lines go; by default `<dataDir>/logs/trax-admin.log`. */
  logger?: Logger;
  /** Told when a Send Email job's run ends (the Electron shell's desktop notification). */
  onMailJobFinished?: (job: MailJobFinished) => void;
}

/** The demo roster and other bundled resources. */
export const DEFAULT_RESOURCES_DIR = path.join(APP_ROOT, 'resources');

/** The database file inside a data folder. */
export const DATABASE_FILE = 'trax-admin.db';

export function createApp(options: AppOptions) {
  const clock = options.clock ?? (() => new Date());
  mkdirSync(options.dataDir, { recursive: true });
  const logger =
    options.logger ?? createFileLogger({ dir: path.join(options.dataDir, LOG_DIR), clock });
  const onError: ErrorSink = (channel, error) => {
    logger.error('request failed', { channel, error });
    options.onError?.(channel, error);
  };
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(databaseFile, { clock });
  } catch (error) {
    logger.error('database could not be opened', { error });
    throw error;
  }
  logger.info('started', { version: APP_VERSION, shell: options.shell, schema: schemaVersion(db) });
  const audit = createAuditServices({ db, clock });
  const users = new UsersRepository(db, clock, audit.recorder);
  const prefs = new PrefsRepository(db);
  const mail = createMailServices({
    db,
    clock,
    runner: {
      onError: (error) => logger.error('mail job failed', { error }),
      onJobFinished: (job) => {
        logger.info('mail job finished', { ...job });
        options.onMailJobFinished?.(job);
      },
    },
  });
  mail.recoverInterruptedJobs();
  const auth = createAuth({
    db,
    clock,
    mailer: createDelivery({ db, clock }),
    supportContacts: () => new MailSettingsRepository(db).getSupportContacts(),
    isDemoRoster: () => prefs.isDemoRoster(),
    onMailError: (error) => onError('auth.forgotPassword', error),
    recorder: audit.recorder,
  });
  const readinessIo = createReadinessIoServices({
    db,
    clock,
    prefs,
    audit,
    users,
    testResults: () => lastTestResults(db),
    goLiveDate: () => auth.policy.get().goLiveDate,
  });
  if (options.seedDemo !== false) {
    seedDemoRosterIfEmpty(db, options.resourcesDir ?? DEFAULT_RESOURCES_DIR, clock);
  }

  const handlers: Handlers = {
    'app.info': () => ({
      version: APP_VERSION,
      dataDir: options.dataDir,
      logDir: logger.dir,
      backupDir: path.join(options.dataDir, BACKUP_DIR),
      demoRoster: prefs.isDemoRoster(),
      shell: options.shell,
    }),
    'prefs.get': () => prefs.get(),
    'prefs.set': (input) => prefs.set(input),
    ...createRosterHandlers({
      users,
      prefs,
      readiness: readinessIo.readiness,
      lastTestEmails: (ids) => lastTestResults(db, ids),
    }),
    ...createMailHandlers(mail),
    ...auth.handlers,
    ...createReadinessHandlers(readinessIo),
    ...createIoHandlers(readinessIo),
    ...createAuditHandlers(audit),
    ...createBackupHandlers({
      db,
      databaseFile,
      clock,
      logger,
      holdWork: () => mail.holdForRestore(),
      afterRestore: () => {
        users.searchIndex.invalidate();
        mail.afterRestore();
      },
    }),
  };

  return {
    db,
    handlers,
    invoke: createGateway(handlers, onError),
    /** Closes the database at once; for tests and failed start-ups. */
    close: () => db.close(),
    /** Lets messages in flight finish (so none is left "uncertain"), then closes the database. */
    shutdown: async () => {
      await mail.stop();
      db.close();
    },
  };
}

export type TraxApp = ReturnType<typeof createApp>;
