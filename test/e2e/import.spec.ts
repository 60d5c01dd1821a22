/**
 * Import, export and sync in Chromium against the browser host: import a file, fix its errors,
 * apply; export the users Manage Users shows (every page, in its order); export the changes
 * since the last sync and mark them as synced.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures.js';
import {
  expectNoAxeViolations,
  openManageUsers,
  search,
  userNamesShown,
  usersTable,
} from './users-page.js';

const HEADER = 'User Name,First Name,Last Name,Email,Work Phone,Status';

function csv(...rows: string[]) {
  return {
    name: 'roster.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, ...rows].join('\r\n')),
  };
}

test('import a file, fix its errors, apply, export the changes and mark them synced', async ({
  page,
  trax,
}) => {
  await page.goto(`${trax.url}#/import`);
  await expect(page.getByRole('heading', { level: 1, name: 'Import roster' })).toBeVisible();

  const file = page.getByLabel('Roster file (CSV)');
  await file.setInputFiles(
    csv(
      'PatQuincy,Pat,Quincy,pat.quincy@valley-family.org,,Active',
      'RayNolan,Ray,Nolan,ray.nolan@agency,,Active',
    ),
  );
  const errors = page.getByRole('table', { name: /Rows with errors/ });
  await expect(
    errors.getByRole('row', {
      name: /3 RayNolan Email "ray.nolan@agency" is not a valid email address/,
    }),
  ).toBeVisible();
  await expect(page.getByTestId('import-counts')).toContainText('1 to add');
  await expect(page.getByTestId('import-counts')).toContainText('1 rejected');
  await expectNoAxeViolations(page);

  // The administrator fixes the file and picks it again.
  await file.setInputFiles(
    csv(
      'PatQuincy,Pat,Quincy,pat.quincy@valley-family.org,,Active',
      'RayNolan,Ray,Nolan,ray.nolan@agency.gov,,Active',
    ),
  );
  await expect(page.getByTestId('import-counts')).toContainText('2 to add');
  await expect(errors).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import applied' })).toContainText(
    'Added 2',
  );

  await page.goto(`${trax.url}#/changes`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Changes since last sync' }),
  ).toBeVisible();
  const emailChanges = page.getByRole('table', { name: /Email changes/ });
  await expect(emailChanges.getByRole('row', { name: /RayNolan/ })).toContainText(
    'ray.nolan@agency.gov',
  );

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export changes' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(
    /^trax-changes-since-last-sync-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const text = readFileSync(await saved.path(), 'utf8');
  expect(text).toContain('Email changes,');
  expect(text).toContain('RayNolan,Email Address,,ray.nolan@agency.gov,import');
  await expect(page.getByRole('status').filter({ hasText: 'Downloading' })).toHaveText(
    `Downloading ${saved.suggestedFilename()} (see your browser's downloads).`,
  );

  await page.getByRole('button', { name: 'Mark as synced' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark as synced?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Mark as synced' }).click();
  await expect(page.getByText(/0 changes since/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as synced' })).toBeDisabled();
});

test('a file that is not a roster is refused with its reason', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/import`);
  await page
    .getByLabel('Roster file (CSV)')
    .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await expect(page.getByRole('alert')).toHaveText('empty.csv: The file is empty.');
  await page.getByLabel('Roster file (CSV)').setInputFiles({
    name: 'roster.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
  });
  await expect(page.getByRole('alert')).toContainText('roster.xlsx: The file is not a CSV file');
  // UTF-16 without a byte-order mark (with one, the browser itself reads it as UTF-16): named
  // as such rather than called binary.
  await page.getByLabel('Roster file (CSV)').setInputFiles({
    name: 'roster.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${HEADER}\r\nJaneDoe,Jane,Doe,jane.doe@agency.gov,,Active\r\n`, 'utf16le'),
  });
  await expect(page.getByRole('alert')).toContainText(
    'roster.txt: The file is not UTF-8 text (it looks like UTF-16',
  );
});

test('Export these users: the search, filters and sort of Manage Users, every page', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await page.getByLabel('items per page').selectOption('10');
  await search(page, 'a');
  await page.getByLabel('Status', { exact: true }).selectOption('Active');
  await page.getByLabel('Readiness', { exact: true }).selectOption('Not ready');
  const emailSort = usersTable(page).getByRole('button', { name: 'Email', exact: true });
  await emailSort.click();
  await emailSort.click();
  await expect(page.getByRole('columnheader', { name: 'Email', exact: true })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // What the administrator sees, page after page.
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  const pages = Number(/of (\d+)/.exec(await page.getByText(/^Page 1 of/).innerText())?.[1]);
  expect(pages).toBeGreaterThan(1);
  const shown: string[] = [];
  for (let n = 1; n <= pages; n++) {
    await expect(page.getByText(`Page ${n} of ${pages}`, { exact: true })).toBeVisible();
    shown.push(...(await userNamesShown(page)));
    if (n < pages) await page.getByRole('button', { name: 'Next', exact: true }).click();
  }

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export these users (CSV)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^trax-roster-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows: string[][] = parse(readFileSync(await saved.path(), 'utf8'), { bom: true });
  expect(rows[0]).toEqual([
    'User Name',
    'First Name',
    'Last Name',
    'Email',
    'Work Phone',
    'Status',
  ]);
  // The same users in the same order, all pages (not only the one on screen).
  expect(rows.slice(1).map((r) => r[0])).toEqual(shown);
  expect(rows.slice(1).every((r) => r[5] === 'Active')).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Downloading' })).toHaveText(
    `Downloading ${saved.suggestedFilename()} (see your browser's downloads).`,
  );
  await expectNoAxeViolations(page);
});
