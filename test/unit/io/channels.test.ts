import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type TraxApp } from '../../../src-main/app.js';

let app: TraxApp | undefined;
let dir = '';
afterEach(() => {
  app?.close();
  app = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function start() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'trax-rio-app-'));
  app = createApp({
    dataDir: dir,
    shell: 'browser',
    seedDemo: false,
    clock: () => new Date('2024-03-11T12:00:00.000Z'),
  });
  return app;
}

const FILE = [
  'User Name,First Name,Last Name,Email,Work Phone,Status',
  'FrontDesk,Front,Desk,frontdeskt@email.com,(602) 954-9557,Active',
  'BrianJackson,Brian,Jackson,brian.jackson@agency.gov,(602) 954-9557,Active',
].join('\r\n');

describe('readiness, import, export and change-log channels through the gateway', () => {
  it('refuses a bad file with its reason', async () => {
    const { invoke } = start();
    expect(await invoke('io.previewImport', { text: '' })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'The file is empty.' },
    });
  });

  it('imports, shows readiness, lists and marks the changes, and exports them', async () => {
    const { invoke } = start();
    const preview = await invoke('io.previewImport', { text: FILE });
    expect(preview).toMatchObject({ ok: true, value: { counts: { add: 2 } } });
    const applied = await invoke('io.applyImport', {
      text: FILE,
      options: { missingUsers: 'leave' },
    });
    expect(applied).toMatchObject({ ok: true, value: { added: 2 } });

    const summary = await invoke('readiness.summary', undefined);
    expect(summary).toMatchObject({
      ok: true,
      value: {
        goLiveDate: '2024-04-23',
        daysLeft: 43,
        active: 2,
        notReady: 2,
        testEmailChecked: true,
      },
    });
    const ids = await invoke('users.matchingIds', { readiness: 'role-based' });
    expect(ids).toMatchObject({ ok: true, value: { ids: [1] } });

    const since = await invoke('changes.sinceSync', {});
    expect(since).toMatchObject({ ok: true, value: { total: 12, emailTotal: 2 } });
    const exported = await invoke('io.exportChanges', {});
    expect(exported).toMatchObject({
      ok: true,
      value: { fileName: 'trax-changes-since-last-sync-2024-03-11.csv' },
    });
    expect(await invoke('changes.markSynced', {})).toMatchObject({ ok: true, value: { id: 12 } });
    expect(await invoke('changes.sinceSync', undefined)).toMatchObject({
      ok: true,
      value: { total: 0 },
    });
  });

  it('validates the tab form field by field', async () => {
    const { invoke } = start();
    await invoke('io.applyImport', { text: FILE });
    expect(await invoke('tabs.add', { id: 1, tab: 'organizations', form: { name: '  ' } })).toEqual(
      {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Please correct the highlighted fields.',
          fields: { name: 'Enter a name.' },
        },
      },
    );
    expect(
      await invoke('tabs.add', { id: 1, tab: 'organizations', form: { name: 'Intake' } }),
    ).toEqual({
      ok: true,
      value: { names: ['Intake'] },
    });
    const history = await invoke('changes.forUser', { id: 1 });
    if (!history.ok) throw new Error(history.error.message);
    const { entries } = history.value as { entries: unknown[] };
    expect(entries).toHaveLength(7);
    expect(entries[0]).toMatchObject({ field: 'organizations', newValue: 'Intake', source: 'tab' });
  });
});
