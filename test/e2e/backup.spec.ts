/**
 * Backups as an administrator uses them: back up, change an email, restore (after confirming),
 * see the old email again; Ctrl+F finds the search box from any screen; axe on the screen.
 */
import { expect, test } from './fixtures.js';
import type { Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  openManageUsers,
  rowOf,
  search,
  SEARCH_LABEL,
} from './users-page.js';

test.use({ timezoneId: 'UTC' });

async function openBackups(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
}

function backupsScreen(page: Page) {
  return page.getByRole('region', { name: 'Backups' });
}

test('back up, change an email, restore after confirming: the old email is back', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await openBackups(page);
  await expect(page.getByText('No backups yet.')).toBeVisible();
  await expect(page.getByText(trax.dataDir, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Back up database now' }).click();
  await expect(
    // In the screen itself (the app-wide live region announces the same words).
    backupsScreen(page).getByText(/^Backed up the database as trax-admin-.*-manual\.db\.$/),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Backups of the database' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const backupName = await table.getByRole('rowheader').first().innerText();

  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('link', { name: 'Manage Users' }).click();
  await search(page, 'FrontDesk');
  await page.getByRole('button', { name: 'View Details for FrontDesk' }).click();
  await page.getByLabel('Email Address').fill('dana.front@maricopa-cares.org');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await openBackups(page);
  const restoreButton = page.getByRole('button', { name: `Restore ${backupName}…` });
  await restoreButton.click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('The current data will be kept as a backup first');
  // Cancel first: nothing happens and focus returns to the button.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(restoreButton).toBeFocused();

  await restoreButton.click();
  await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(
    backupsScreen(page).getByText(/^Restored the backup from .*before-restore\.db\.$/),
  ).toBeVisible();
  // The replaced data is listed as a backup of its own.
  await expect(table.getByRole('rowheader', { name: /-before-restore\.db$/ })).toBeVisible();

  await page.getByRole('button', { name: 'Admin', exact: true }).click();
  await page.getByRole('link', { name: 'Manage Users' }).click();
  await search(page, 'FrontDesk');
  await expect(rowOf(page, 'FrontDesk')).toContainText('frontdeskt@email.com');
});

test('Ctrl+F focuses the search box, from Manage Users and from another screen', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await page.getByRole('button', { name: 'Admin', exact: true }).focus();
  await page.keyboard.press('Control+f');
  await expect(page.getByLabel(SEARCH_LABEL)).toBeFocused();

  await openBackups(page);
  await page.getByRole('button', { name: 'Back up database now' }).focus();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByLabel(SEARCH_LABEL)).toBeFocused();
  await page.keyboard.type('FrontDesk');
  await page.keyboard.press('Enter');
  await expect(rowOf(page, 'FrontDesk')).toBeVisible();
});

test('the Backups screen has no WCAG 2.1 AA violations, with and without backups', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await openBackups(page);
  await expect(page.getByText('No backups yet.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Back up database now' }).click();
  await expect(page.getByRole('table', { name: 'Backups of the database' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: /^Restore trax-admin-/ }).click();
  await expect(page.getByRole('dialog', { name: 'Restore this backup?' })).toBeVisible();
  await expectNoAxeViolations(page);
});
