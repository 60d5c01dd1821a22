/**
 * "Save this export" from the renderer: main takes a plain suggested file name and the text,
 * never a path, and the administrator chooses the folder in the save dialog. Names that could
 * reach another folder, NUL bytes, odd shapes and oversized text are refused before any dialog.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MAX_EXPORT_CHARS,
  parseSaveRequest,
  saveDialogFilters,
  saveExport,
} from '../../src-main/shell/save-file.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real folder as "the one chosen in the dialog"; records what the dialog was offered. */
function dialogIn() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trax-save-'));
  folders.push(dir);
  const offered: string[] = [];
  return {
    dir,
    offered,
    deps: {
      choosePath: (fileName: string) => {
        offered.push(fileName);
        return Promise.resolve(path.join(dir, fileName));
      },
      write: (filePath: string, text: string) => writeFile(filePath, text, 'utf8'),
    },
  };
}

describe('saving an export', () => {
  it('writes the text where the administrator chose, under the suggested name', async () => {
    const d = dialogIn();
    const text = 'User Name,Email Address\r\nFrontDesk,dana@example.org\r\n';
    const result = await saveExport({ fileName: 'roster-2026-12-03.csv', text }, d.deps);
    expect(result).toEqual({
      ok: true,
      value: { saved: true, filePath: path.join(d.dir, 'roster-2026-12-03.csv') },
    });
    expect(d.offered).toEqual(['roster-2026-12-03.csv']);
    expect(readFileSync(path.join(d.dir, 'roster-2026-12-03.csv'), 'utf8')).toBe(text);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const d = dialogIn();
    const result = await saveExport(
      { fileName: 'roster.csv', text: 'x' },
      { ...d.deps, choosePath: () => Promise.resolve(null) },
    );
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(readdirSync(d.dir)).toEqual([]);
  });

  it('reports a failed write with the reason', async () => {
    const d = dialogIn();
    const result = await saveExport(
      { fileName: 'roster.csv', text: 'x' },
      { ...d.deps, choosePath: () => Promise.resolve(path.join(d.dir, 'gone', 'roster.csv')) },
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/^The file could not be saved: /),
      },
    });
  });

  it.each([
    ['a path', '../../.bashrc'],
    ['a relative folder', 'exports/roster.csv'],
    ['a Windows path', 'C:\\Users\\Public\\roster.csv'],
    ['a backslash', '..\\roster.csv'],
    ['dot-dot', '..'],
    ['a hidden file', '.profile'],
    ['a NUL byte', 'roster.csv\u0000.exe'],
    ['a newline', 'roster\n.csv'],
    ['a Windows device', 'CON.csv'],
    ['a trailing dot', 'roster.'],
    ['an empty name', ''],
    ['blanks', '   '],
    ['a very long name', 'a'.repeat(200) + '.csv'],
  ])('refuses %s as the file name without showing a dialog', async (_name, fileName) => {
    const d = dialogIn();
    const result = await saveExport({ fileName, text: 'x' }, d.deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(d.offered).toEqual([]);
    expect(readdirSync(d.dir)).toEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'roster.csv'],
    ['an array', ['roster.csv', 'x']],
    ['a missing text', { fileName: 'roster.csv' }],
    ['a text that is not a string', { fileName: 'roster.csv', text: 42 }],
    ['a name that is not a string', { fileName: ['roster.csv'], text: 'x' }],
    ['an extra path field', { fileName: 'roster.csv', text: 'x', path: '/etc' }],
    ['a prototype key', JSON.parse('{"fileName":"roster.csv","text":"x","__proto__":{"a":1}}')],
  ])('refuses %s', (_name, input) => {
    expect(parseSaveRequest(input)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('refuses text over the size limit, and accepts text at it', () => {
    const at = 'x'.repeat(MAX_EXPORT_CHARS);
    expect(parseSaveRequest({ fileName: 'big.csv', text: at }).ok).toBe(true);
    expect(parseSaveRequest({ fileName: 'big.csv', text: at + 'x' })).toMatchObject({
      ok: false,
      error: { message: 'The export is too large to save.' },
    });
  });

  it('offers the suggested extension first in the dialog', () => {
    expect(saveDialogFilters('roster.csv')[0]).toEqual({
      name: 'CSV (comma-separated values)',
      extensions: ['csv'],
    });
    expect(saveDialogFilters('notes')).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
