/**
 * The guide's steps 2–5 in the real Electron window: Manage Users, search, View Details of
 * FrontDesk, a new email, Save, and the list shows it; then the native menus open More
 * Information and Manage Users. Skipped, with the reason printed, where
 * the Electron binary is missing or there is no display.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary, missingDisplay } from '../../src-main/electron-binary.js';

const binary = findElectronBinary();
const reason =
  'missing' in binary ? `the Electron binary is missing (${binary.missing})` : missingDisplay();
if (reason) console.log(`Skipping the Electron smoke test: ${reason}.`);

test('guide steps 2–5 in the Electron window', async () => {
  test.skip(reason !== null || !('path' in binary), reason ?? '');
  if (!('path' in binary)) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-electron-'));
  const env = { ...process.env };
  delete env['ELECTRON_RUN_AS_NODE'];
  const app = await electron.launch({
    executablePath: binary.path,
    args: ['.', '--data-dir', dataDir],
    env: env as Record<string, string>,
  });
  try {
    const page = await app.firstWindow();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /content security policy/i.test(m.text()))
        problems.push(m.text());
    });
    expect(page.url()).toBe('app://trax/index.html');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

    await page.getByLabel('Search (user name, first name, last name, or email)').fill('FrontDesk');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: 'View Details for FrontDesk' }).click();
    await page.getByLabel('Email Address').fill('dana.front@maricopa-cares.org');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.getByRole('button', { name: 'Back to Manage Users' }).click();
    await expect(page.getByRole('table', { name: 'Users' })).toContainText(
      'dana.front@maricopa-cares.org',
    );

    // The native menus reach the renderer: Help → More Information, then Admin → Manage Users.
    const chooseMenuItem = (menu: string, item: string) =>
      app.evaluate(
        ({ Menu }, [menuLabel, itemLabel]) => {
          const top = Menu.getApplicationMenu()?.items.find((i) => i.label === menuLabel);
          const entry = top?.submenu?.items.find((i) => i.label === itemLabel);
          if (!entry) throw new Error(`No menu item ${menuLabel} → ${itemLabel}`);
          entry.click();
        },
        [menu, item] as const,
      );
    await chooseMenuItem('Help', 'More Information');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Frequently Asked Questions' }),
    ).toBeVisible();
    await chooseMenuItem('Admin', 'Manage Users');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    expect(page.url()).toBe('app://trax/index.html#/users');

    // The renderer is isolated: no Node, no ipcRenderer, only the named bridge.
    expect(await page.evaluate('typeof require + typeof process')).toBe('undefinedundefined');
    expect(await page.evaluate('typeof window.traxAdmin["users.search"]')).toBe('function');
    expect(await page.evaluate('"ipcRenderer" in window.traxAdmin')).toBe(false);
    expect(await page.evaluate('typeof window.traxAdmin.onMenuCommand')).toBe('function');
    expect(problems).toEqual([]);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
