/**
 * The README's screenshots (`npm run screenshots`), one PNG per main screen in docs/screenshots/.
 * Each test starts the browser host on a fresh data folder with the demo roster (the e2e `trax`
 * fixture) and walks to its screens as an administrator would. Not part of `npm test`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures.js';
import { codeFromPanel, DEMO_PASSWORD, logIn, openSimulator } from '../e2e/simulator-page.js';
import { BULK_LABEL, openManageUsers, search } from '../e2e/users-page.js';

const OUT = 'docs/screenshots';

/** Writes docs/screenshots/NAME.png of the whole page, with no focus ring or caret in it. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.locator(':focus').evaluateAll((elements) => elements.forEach((el) => el.blur()));
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true, caret: 'hide' });
}

test('Manage Users and View Details', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await page.getByLabel('Status', { exact: true }).selectOption('Active');
  await search(page, 'email.com');
  await page.getByRole('checkbox', { name: 'Select FrontDesk' }).check();
  await page.getByRole('checkbox', { name: 'Select OfficeManager' }).check();
  await shoot(page, 'manage-users');

  await page.getByRole('button', { name: 'View Details for OfficeManager' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'View Details: OfficeManager' }),
  ).toBeVisible();
  await expect(page.getByText('Not ready for two-factor sign-in:')).toBeVisible();
  await shoot(page, 'view-details');
});

test('Readiness', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/readiness`);
  await expect(page.getByRole('table', { name: 'Reasons' })).toBeVisible();
  await shoot(page, 'readiness');
});

test('Send Email: compose, progress, Outbox, Outbox message', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await search(page, 'email.com');
  for (const name of ['FrontDesk', 'OfficeManager', 'BrianJackson']) {
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
  await page.getByLabel(BULK_LABEL).selectOption('Send Email');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('article', { name: 'Message preview' })).toContainText('Hello');
  await shoot(page, 'send-email');

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(/^100% done\./)).toBeVisible();
  await shoot(page, 'send-email-progress');

  await page.goto(`${trax.url}#/mail/outbox`);
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link')).toHaveCount(3);
  await shoot(page, 'outbox');

  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox message' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Message preview' })).toContainText('Hello');
  await shoot(page, 'outbox-message');
});

test('Login Simulator: login page, code entry, My Profile', async ({ page, trax }) => {
  await openSimulator(page, trax.url);
  await expect(page.getByRole('heading', { name: /^Two Factor Authentication/ })).toBeVisible();
  await expect(page.getByText(/^No email yet\./)).toBeVisible();
  await shoot(page, 'login');

  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  const code = await codeFromPanel(page);
  await shoot(page, 'code-entry');

  await page.getByLabel('Code:').fill(code);
  await page.getByRole('button', { name: 'Log In' }).click();
  await page.getByRole('button', { name: 'Front Desk' }).click();
  await page.getByRole('button', { name: 'My Profile' }).click();
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('frontdeskt@email.com');
  await shoot(page, 'my-profile');
});

test('Settings: Email delivery and Two-factor sign-in', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/settings/email`);
  await expect(page.getByRole('heading', { level: 1, name: 'Email delivery' })).toBeVisible();
  // As an administrator fills it in for their mail server (not saved).
  await page.getByRole('radio', { name: /^SMTP/ }).check();
  await page.getByLabel('Host').fill('smtp.maricopa-cares.org');
  await page.getByLabel('User name').fill('trax-admin');
  await page.getByLabel('From address').fill('trax-admin@maricopa-cares.org');
  await shoot(page, 'settings-email');

  await page.goto(`${trax.url}#/settings/two-factor`);
  await expect(page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' })).toBeVisible();
  await expect(page.getByLabel('Code length (characters)')).toHaveValue('6');
  await shoot(page, 'settings-two-factor');
});

test('More Information (FAQ)', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/simulator/faq`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Frequently Asked Questions' }),
  ).toBeVisible();
  await shoot(page, 'faq');
});

test('Import roster preview', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/import`);
  await page.getByLabel('Roster file (CSV)').setInputFiles({
    name: 'roster.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'User Name,First Name,Last Name,Email,Work Phone,Status',
        'PatQuincy,Pat,Quincy,pat.quincy@valley-family.org,(602) 555-0110,Active',
        'FrontDesk,Dana,Front,dana.front@maricopa-cares.org,(602) 555-0100,Active',
        'RayNolan,Ray,Nolan,ray.nolan@agency,,Active',
      ].join('\r\n'),
    ),
  });
  await expect(page.getByTestId('import-counts')).toContainText('1 to add');
  await shoot(page, 'import-preview');
});
