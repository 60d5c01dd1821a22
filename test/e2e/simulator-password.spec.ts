/**
 * View Details → Login simulator password as an administrator uses it: set a user's password and
 * sign in with it in the simulator; lock an account with wrong passwords (threshold lowered in
 * Settings → Two-factor sign-in), see the failure count and date in View Details, then Unlock;
 * axe on View Details with the section.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { codeFromPanel, DEMO_PASSWORD, logIn, openSimulator, setPolicy } from './simulator-page.js';
import { expectNoAxeViolations, openManageUsers, search } from './users-page.js';

const SIGN_IN_REFUSED =
  'The user name or password is incorrect, or the account cannot sign in right now.';
const GUIDE_DATE = /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2} (AM|PM)$/;

async function openDetails(page: Page, url: string, userName: string) {
  await openManageUsers(page, url);
  await search(page, userName);
  await page.getByRole('button', { name: `View Details for ${userName}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `View Details: ${userName}` }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Login simulator password' })).toBeVisible();
}

/** The value shown beside a read-only label of the Profile tab. */
function readOnly(page: Page, label: string) {
  return page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

test('set a password in View Details, then sign in with it in the simulator', async ({
  page,
  trax,
}) => {
  await openDetails(page, trax.url, 'AllisonBarry');
  await expect(
    page.getByText('This user signs in to the Login Simulator with the demo password.'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Set password…' }).click();
  await expect(page.getByLabel('New Password', { exact: true })).toBeFocused();

  await page.getByLabel('New Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm New Password').fill('short');
  await page.getByRole('button', { name: 'Save' }).last().click();
  await expect(page.getByText('The new password must be at least 8 characters.')).toBeVisible();
  await expect(page.getByLabel('New Password', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.getByLabel('New Password', { exact: true }).fill('Admin-Set-Pass-1');
  await page.getByLabel('Confirm New Password').fill('Admin-Set-Pass-2');
  await page.getByRole('button', { name: 'Save' }).last().click();
  await expect(page.getByText('The two new passwords do not match.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Confirm New Password').fill('Admin-Set-Pass-1');
  await page.getByRole('button', { name: 'Save' }).last().click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Thank you. The new Login Simulator password has been saved.' }),
  ).toBeVisible();
  await expect(page.getByText('This user has their own Login Simulator password.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Set password…' })).toBeFocused();

  await openSimulator(page, trax.url);
  await logIn(page, 'AllisonBarry', DEMO_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText(SIGN_IN_REFUSED);
  await logIn(page, 'AllisonBarry', 'Admin-Set-Pass-1');
  await page.getByLabel('Code:').fill(await codeFromPanel(page));
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Allison Barry' })).toBeVisible();
});

test('wrong passwords lock the account; View Details shows the failures and unlocks it', async ({
  page,
  trax,
}) => {
  await setPolicy(page, trax.url, { failedSignIns: 2 });
  await openSimulator(page, trax.url);
  for (const wrong of ['wrong-password-1', 'wrong-password-2']) {
    await logIn(page, 'FrontDesk', wrong);
    await expect(page.getByRole('alert')).toHaveText(SIGN_IN_REFUSED);
  }
  // Locked: even the right password is refused, with the same words.
  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText(SIGN_IN_REFUSED);
  await expect(page.getByLabel('Code:')).toHaveCount(0);

  await openDetails(page, trax.url, 'FrontDesk');
  await expect(readOnly(page, 'Password Failures Since Last Success')).toHaveText('2');
  await expect(readOnly(page, 'Last Password Failure Date')).toHaveText(GUIDE_DATE);
  await expect(page.getByText(/^Locked until \d{1,2}\/\d{1,2}\/\d{4} /)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'The account has been unlocked.' }),
  ).toBeVisible();
  await expect(page.getByText(/^Locked until/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unlock' })).toHaveCount(0);

  await openSimulator(page, trax.url);
  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  await expect(page.getByLabel('Code:')).toBeVisible();
});
