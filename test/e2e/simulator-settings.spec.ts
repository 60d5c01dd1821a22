/**
 * Settings → Two-factor sign-in shows and edits the support phone and email the code email names:
 * the same values Settings → Email delivery shows (one stored copy), with Email delivery's rules;
 * axe on the page with a field message.
 */
import { expect, test } from './fixtures.js';
import { codeFromPanel, DEMO_PASSWORD, logIn, openSimulator } from './simulator-page.js';
import { expectNoAxeViolations } from './users-page.js';

test('support phone and email on Two-factor sign-in are the ones Email delivery shows and the code email names', async ({
  page,
  trax,
}) => {
  await page.goto(`${trax.url}#/settings/two-factor`);
  await expect(page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' })).toBeVisible();
  const phone = page.getByLabel('Support phone');
  const email = page.getByLabel('Support email');
  await expect(phone).toHaveValue('1.886.954.9557');
  await expect(email).toHaveValue('support@nfocus.com');

  await phone.fill('602.555.0100');
  await email.fill('help desk');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Support email must look like name@example.com.')).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await email.fill('help@agency.gov');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.goto(`${trax.url}#/settings/email`);
  await expect(page.getByRole('heading', { level: 1, name: 'Email delivery' })).toBeVisible();
  await expect(page.getByLabel('Support phone')).toHaveValue('602.555.0100');
  await expect(page.getByLabel('Support email')).toHaveValue('help@agency.gov');

  await openSimulator(page, trax.url);
  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  await codeFromPanel(page);
  await expect(page.getByTestId('simulator-mail-body')).toContainText(
    /please contact client support at 602\.555\.0100\s+or help@agency\.gov/,
  );
});
