/**
 * Generic key/value settings stored as JSON in the `settings` table. Every domain keeps its small
 * workstation settings here under its own key prefix (`prefs`, `mail.…`, `auth.…`).
 */
import type { Database } from './connection.js';

/** Reads and writes JSON values by key. */
export class SettingsStore {
  private readonly selectValue;
  private readonly upsertValue;

  constructor(db: Database) {
    this.selectValue = db.prepare<[string], { value: string }>(
      'SELECT value FROM settings WHERE key = ?',
    );
    this.upsertValue = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /**
   * The stored value of `key`, or `fallback` when it is missing or unreadable. The caller checks
   * the shape: a value written by another version may not match `T`.
   */
  getJson<T>(key: string, fallback: T): T {
    const row = this.selectValue.get(key);
    if (!row) return fallback;
    try {
      return JSON.parse(row.value) as T;
    } catch {
      return fallback;
    }
  }

  /** Stores `value` (anything JSON can represent) under `key`. */
  setJson(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`Setting ${key} cannot be stored as JSON.`);
    this.upsertValue.run(key, text);
  }
}
