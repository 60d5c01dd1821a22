/**
 * Import and sync in Chromium against the browser host: import a file, fix its errors, apply;
 * export the changes since the last sync and mark them as synced.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';
import { expectNoAxeViolations } from './users-page.js';

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
  expect(text).toContain('RayNolan,Email Address,,ray.nolan@agency.gov,import');

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
});
