/**
 * The lint rule that keeps Electron inside src-main/shell/, checked through ESLint's Node API
 * with the project's own eslint.config.js: every way of reaching the module from a service is
 * an error, and the same code inside shell/ (or a look-alike package name) is not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

const WAYS_IN: [string, string][] = [
  ['an import', "import { app } from 'electron';\nvoid app;"],
  [
    'a type-only import',
    "import type { WebContents } from 'electron';\nexport type W = WebContents;",
  ],
  ['a subpath import', "import { app } from 'electron/main';\nvoid app;"],
  ['a re-export', "export { app } from 'electron';"],
  ['require()', "const { app } = require('electron');\nvoid app;"],
  ['require() of a subpath', "const { app } = require('electron/main');\nvoid app;"],
  ['a dynamic import()', "export const load = () => import('electron');"],
  ['a dynamic import() of a subpath', "export const load = () => import('electron/common');"],
  ['import = require()', "import electron = require('electron');\nvoid electron;"],
];

const ELECTRON_MESSAGE = 'Only src-main/shell/ may import electron.';

/** The messages ESLint reports for `code` as if it were the file `filePath`. */
async function messagesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('outside src-main/shell/', () => {
  it.each(WAYS_IN)('rejects %s of electron', async (_way, code) => {
    const messages = await messagesFor(code, 'src-main/roster/uses-electron.ts');
    expect(
      messages.some((m) => m.includes(ELECTRON_MESSAGE)),
      messages.join('\n'),
    ).toBe(true);
  });

  it('lets other packages whose names start with electron through', async () => {
    const code = [
      "import { build } from 'electron-builder';",
      "export const b = build, r = require.resolve('electron/package.json');",
      "export const load = () => import('electron-store');",
    ].join('\n');
    const messages = await messagesFor(code, 'src-main/roster/uses-electron.ts');
    expect(messages.filter((m) => m.includes(ELECTRON_MESSAGE))).toEqual([]);
  });
});

describe('inside src-main/shell/', () => {
  it.each(WAYS_IN)('allows %s of electron', async (_way, code) => {
    const messages = await messagesFor(code, 'src-main/shell/uses-electron.ts');
    expect(messages.filter((m) => m.includes(ELECTRON_MESSAGE))).toEqual([]);
  });
});
