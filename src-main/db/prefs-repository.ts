/**
 * Workstation preferences (items per page) and the demo-roster flag, kept in {@link SettingsStore}.
 */
import type { Prefs } from '../app-channels.js';
import { AppError } from '../errors.js';
import { PAGE_SIZES, type PageSize } from '../roster/schemas.js';
import type { Database } from './connection.js';
import { SettingsStore } from './settings-store.js';

const PREFS_KEY = 'prefs';
const DEMO_ROSTER_KEY = 'roster.demo';

/** Preferences used when nothing was chosen yet. */
export const DEFAULT_PREFS: Prefs = { itemsPerPage: 25 };

function isPageSize(n: unknown): n is PageSize {
  return (PAGE_SIZES as readonly unknown[]).includes(n);
}

/** Reads and changes the preferences remembered on this workstation. */
export class PrefsRepository {
  private readonly settings: SettingsStore;

  constructor(db: Database) {
    this.settings = new SettingsStore(db);
  }

  /** All preferences, with defaults for anything unset or no longer valid. */
  get(): Prefs {
    const stored = this.settings.getJson<Partial<Record<keyof Prefs, unknown>>>(PREFS_KEY, {});
    return {
      itemsPerPage: isPageSize(stored?.itemsPerPage)
        ? stored.itemsPerPage
        : DEFAULT_PREFS.itemsPerPage,
    };
  }

  /** Changes the given preferences (others stay) and answers all of them. */
  set(partial: { itemsPerPage?: number | undefined }): Prefs {
    const next = { ...this.get() };
    if (partial.itemsPerPage !== undefined) {
      if (!isPageSize(partial.itemsPerPage)) {
        throw new AppError('BAD_INPUT', 'Items per page must be 5, 10, 25, 50 or 100.');
      }
      next.itemsPerPage = partial.itemsPerPage;
    }
    this.settings.setJson(PREFS_KEY, next);
    return next;
  }

  /** True while the roster is the seeded demo roster. */
  isDemoRoster(): boolean {
    return this.settings.getJson<unknown>(DEMO_ROSTER_KEY, false) === true;
  }

  /** Marks the roster as demo data (seeding) or as real (an import replaced it). */
  setDemoRoster(flag: boolean): void {
    this.settings.setJson(DEMO_ROSTER_KEY, flag);
  }
}
