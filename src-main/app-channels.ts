import { z } from 'zod';
import { channel, NoInput } from './contract-kit.js';
import { PAGE_SIZES, type PageSize } from './roster/schemas.js';

/** Facts the renderer shows about this installation. */
export interface AppInfo {
  version: string;
  /** Where the database, backups and logs live. */
  dataDir: string;
  /** The folder of the log files (`<dataDir>/logs`). */
  logDir: string;
  /** The folder of the database backups (`<dataDir>/backups`). */
  backupDir: string;
  /** True while the roster is the seeded demo roster (no import or edit has replaced it). */
  demoRoster: boolean;
  /** Which shell serves the renderer. */
  shell: 'electron' | 'browser';
}

/** Preferences remembered on this workstation. */
export interface Prefs {
  itemsPerPage: PageSize;
}

/** Installation facts and workstation preferences. */
export const appChannels = {
  /** Version, data folder, demo-roster flag and shell kind. */
  'app.info': channel<AppInfo>()(NoInput),
  /** Workstation preferences. */
  'prefs.get': channel<Prefs>()(NoInput),
  /** Changes some preferences and answers all of them. */
  'prefs.set': channel<Prefs>()(
    z.strictObject({
      itemsPerPage: z
        .number()
        .int()
        .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), {
          message: 'Items per page must be 5, 10, 25, 50 or 100.',
        })
        .optional(),
    }),
  ),
} as const;
