/**
 * Reads the change log: one user's History, and the changes since the last sync with the sync
 * mark itself (a `settings` entry holding the last synced log id). Email changes are listed
 * apart because the two-factor switch depends on them.
 */
import type { Database } from '../db/connection.js';
import { SettingsStore } from '../db/settings-store.js';
import { ENTRY_COLUMNS, type ChangeEntry } from './entries.js';

const SYNC_MARKER_KEY = 'audit.syncMarker';

/** The last "Mark as synced": every entry with an id up to `id` is synced. */
export interface SyncMarker {
  id: number;
  /** ISO-8601 UTC time of the marking. */
  at: string;
}

/** "Changes since last sync", email changes apart, each list capped at `limit`. */
export interface ChangesSinceSync {
  marker: SyncMarker | null;
  /** The newest entry id included: pass it to markSynced so later changes stay unsynced. */
  upToId: number;
  total: number;
  emailTotal: number;
  emailChanges: ChangeEntry[];
  otherTotal: number;
  otherChanges: ChangeEntry[];
}

/** The most entries one list returns; the export has them all. */
export const DEFAULT_LIST_LIMIT = 500;

/** Reads the change log and keeps the sync mark. */
export class ChangeLog {
  private readonly settings: SettingsStore;

  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {
    this.settings = new SettingsStore(db);
  }

  /** The sync mark, or null before the first "Mark as synced". */
  marker(): SyncMarker | null {
    const stored = this.settings.getJson<unknown>(SYNC_MARKER_KEY, null);
    if (typeof stored !== 'object' || stored === null) return null;
    const { id, at } = stored as Record<string, unknown>;
    return typeof id === 'number' && typeof at === 'string' ? { id, at } : null;
  }

  /** The newest entry's id (0 when the log is empty). */
  maxId(): number {
    return (
      this.db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() ?? 0
    );
  }

  /** Changes after the sync mark, oldest first, email changes apart. */
  sinceSync(limit = DEFAULT_LIST_LIMIT): ChangesSinceSync {
    const marker = this.marker();
    const after = marker?.id ?? 0;
    const upToId = this.maxId();
    const count = this.db.prepare<[number, number, number], number>(
      "SELECT count(*) FROM audit_log WHERE id > ? AND id <= ? AND (field = 'email') = ?",
    );
    const list = this.db.prepare<[number, number, number, number], ChangeEntry>(
      `SELECT ${ENTRY_COLUMNS} FROM audit_log a WHERE a.id > ? AND a.id <= ? ` +
        "AND (a.field = 'email') = ? ORDER BY a.id LIMIT ?",
    );
    const emailTotal = count.pluck().get(after, upToId, 1) ?? 0;
    const otherTotal = count.pluck().get(after, upToId, 0) ?? 0;
    return {
      marker,
      upToId,
      total: emailTotal + otherTotal,
      emailTotal,
      emailChanges: list.all(after, upToId, 1, limit),
      otherTotal,
      otherChanges: list.all(after, upToId, 0, limit),
    };
  }

  /**
   * Sets the sync mark to `upToId` (what the administrator saw), or to the newest entry. A mark
   * never moves past the newest entry nor backwards.
   */
  markSynced(upToId?: number): SyncMarker {
    return this.db.transaction(() => {
      const newest = this.maxId();
      const previous = this.marker()?.id ?? 0;
      const id = Math.max(previous, Math.min(upToId ?? newest, newest));
      const marker = { id, at: this.clock().toISOString() };
      this.settings.setJson(SYNC_MARKER_KEY, marker);
      return marker;
    })();
  }

  /**
   * Every entry after the sync mark (scope 'sinceSync') or ever ('all'), oldest first; with
   * `upToId` (the {@link ChangesSinceSync.upToId} a screen shows and will mark) none newer than
   * that, so what is exported is exactly what "Mark as synced" then marks.
   */
  entries(scope: 'sinceSync' | 'all', upToId?: number): ChangeEntry[] {
    const after = scope === 'all' ? 0 : (this.marker()?.id ?? 0);
    return this.db
      .prepare<[number, number], ChangeEntry>(
        `SELECT ${ENTRY_COLUMNS} FROM audit_log a WHERE a.id > ? AND a.id <= ? ORDER BY a.id`,
      )
      .all(after, upToId ?? Number.MAX_SAFE_INTEGER);
  }

  /** One user's History, newest first. */
  forUser(userId: number, limit = DEFAULT_LIST_LIMIT): ChangeEntry[] {
    return this.db
      .prepare<[number, number], ChangeEntry>(
        `SELECT ${ENTRY_COLUMNS} FROM audit_log a WHERE a.user_id = ? ORDER BY a.id DESC LIMIT ?`,
      )
      .all(userId, limit);
  }
}
