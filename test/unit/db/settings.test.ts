import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/connection.js';
import { PrefsRepository } from '../../../src-main/db/prefs-repository.js';
import { SettingsStore } from '../../../src-main/db/settings-store.js';
import { tempDatabase } from './temp-db.js';

let t: ReturnType<typeof tempDatabase>;
afterEach(() => t?.cleanup());

describe('SettingsStore', () => {
  it('answers the fallback for a missing key and the stored JSON value after a write', () => {
    t = tempDatabase();
    const store = new SettingsStore(t.db);
    expect(store.getJson('mail.mode', 'outbox')).toBe('outbox');
    store.setJson('mail.mode', { mode: 'smtp', port: 587 });
    store.setJson('mail.mode', { mode: 'smtp', port: 2525 });
    expect(store.getJson('mail.mode', null)).toEqual({ mode: 'smtp', port: 2525 });
  });

  it('answers the fallback when a stored value is not JSON', () => {
    t = tempDatabase();
    t.db.prepare("INSERT INTO settings (key, value) VALUES ('broken', '{nope')").run();
    expect(new SettingsStore(t.db).getJson('broken', 7)).toBe(7);
  });
});

describe('PrefsRepository', () => {
  it('defaults to 25 items per page and remembers a choice across restarts', () => {
    t = tempDatabase();
    expect(new PrefsRepository(t.db).get()).toEqual({ itemsPerPage: 25 });
    expect(new PrefsRepository(t.db).set({ itemsPerPage: 5 })).toEqual({ itemsPerPage: 5 });
    t.db.close();
    const reopened = openDatabase(t.file, { clock: t.clock });
    expect(new PrefsRepository(reopened).get()).toEqual({ itemsPerPage: 5 });
    reopened.close();
  });

  it('ignores a stored page size that is not one of the choices', () => {
    t = tempDatabase();
    new SettingsStore(t.db).setJson('prefs', { itemsPerPage: 7 });
    expect(new PrefsRepository(t.db).get().itemsPerPage).toBe(25);
    expect(() => new PrefsRepository(t.db).set({ itemsPerPage: 7 })).toThrow(/5, 10, 25, 50/);
  });

  it('keeps the demo-roster flag', () => {
    t = tempDatabase();
    const prefs = new PrefsRepository(t.db);
    expect(prefs.isDemoRoster()).toBe(false);
    prefs.setDemoRoster(true);
    expect(prefs.isDemoRoster()).toBe(true);
    prefs.setDemoRoster(false);
    expect(prefs.isDemoRoster()).toBe(false);
  });
});
