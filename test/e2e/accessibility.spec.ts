/**
 * WCAG 2.1 AA (axe) on the screens the other specs do not already check, one test per screen,
 * and the key screens again in the dark colour scheme (a second palette, so a second contrast
 * check). Screens already checked elsewhere: Manage Users (manage-users), View Details Profile
 * (user-details), compose, progress, Outbox list and message, Email delivery (mail), Readiness
 * (readiness), Import preview (import), Login, Code entry, My Profile, FAQ (simulator), Backups
 * (backup).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { codeFromPanel, DEMO_PASSWORD, logIn, openSimulator } from './simulator-page.js';
import { BULK_LABEL, expectNoAxeViolations, openManageUsers, search } from './users-page.js';

/** Axe in the light scheme, then in the dark one; the page is left light. */
async function expectNoAxeViolationsLightAndDark(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Manage Users → search → View Details of `userName`. */
async function openDetails(page: Page, url: string, userName: string): Promise<void> {
  await openManageUsers(page, url);
  await search(page, userName);
  await page.getByRole('button', { name: `View Details for ${userName}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `View Details: ${userName}` }),
  ).toBeVisible();
}

/** Selects `userNames` in Manage Users, Send Email, Go, Send; waits for 100%. */
async function sendTestEmail(page: Page, url: string, userNames: string[]): Promise<void> {
  await openManageUsers(page, url);
  await search(page, 'email.com');
  for (const name of userNames) {
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
  await page.getByLabel(BULK_LABEL).selectOption('Send Email');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Send Email' })).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(/^100% done\./)).toBeVisible();
}

for (const tab of ['Organizations', 'Permissions', 'Participant Assignments']) {
  test(`View Details – ${tab} tab`, async ({ page, trax }) => {
    await openDetails(page, trax.url, 'FrontDesk');
    await page.getByRole('tab', { name: tab }).click();
    const panel = page.getByRole('tabpanel', { name: tab });
    await expect(panel).toContainText(`No ${tab} yet.`);
    await expectNoAxeViolations(page);

    // With an entry, and with the message of an empty name.
    await panel.getByLabel(`Add to ${tab}`).fill('Phoenix Youth Center');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(panel.getByRole('list', { name: tab })).toContainText('Phoenix Youth Center');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(panel.getByRole('alert')).toBeVisible();
    await expectNoAxeViolationsLightAndDark(page);
  });
}

test('View Details – History tab', async ({ page, trax }) => {
  await openDetails(page, trax.url, 'FrontDesk');
  await page.getByLabel('Work Phone').fill('(602) 555-0199');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('table', { name: 'History' })).toContainText('(602) 555-0199');
  await expectNoAxeViolationsLightAndDark(page);
});

test('View Details – Profile tab, dark scheme', async ({ page, trax }) => {
  await openDetails(page, trax.url, 'OfficeManager');
  await expectNoAxeViolationsLightAndDark(page);
});

test('Two-factor sign-in settings', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/settings/two-factor`);
  await expect(page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' })).toBeVisible();
  await expect(page.getByLabel('Go-live date')).not.toHaveValue('');
  await expectNoAxeViolationsLightAndDark(page);

  // A value out of range: the message is next to the field.
  const cooldown = page.getByLabel('Resend cooldown (seconds)');
  await cooldown.fill('601');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(cooldown).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

test('Email delivery settings, dark scheme', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/settings/email`);
  await expect(page.getByRole('heading', { level: 1, name: 'Email delivery' })).toBeVisible();
  await page.getByRole('radio', { name: /SMTP/ }).check();
  await page.getByLabel('Security').selectOption('none');
  await expect(page.getByText(/with no security, the password and every message/)).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
});

test('Login page and Code entry, dark scheme', async ({ page, trax }) => {
  await openSimulator(page, trax.url);
  await logIn(page, 'FrontDesk', 'wrong-password');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);

  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  await expect(page.getByLabel('Code:')).toBeVisible();
  await codeFromPanel(page);
  await page.getByLabel('Code:').fill('000000');
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
});

test('My Profile – Change Password', async ({ page, trax }) => {
  await openSimulator(page, trax.url);
  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  await page.getByLabel('Code:').fill(await codeFromPanel(page));
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeVisible();
  await page.getByRole('button', { name: 'Front Desk' }).click();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Change Password' }).click();
  await expect(page.getByRole('heading', { name: 'Change Password' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('New Password', { exact: true }).fill('Fresh-Pass-2026');
  await page.getByLabel('Confirm New Password').fill('Fresh-Pass-2027');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The two new passwords do not match.')).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
});

test('Forgot password', async ({ page, trax }) => {
  await openSimulator(page, trax.url);
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot password?' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('User Name:').fill('AllisonBarry');
  await page.getByRole('button', { name: 'Send Reset Code' }).click();
  await expect(page.getByLabel('Reset Code:')).toBeVisible();
  await page.getByLabel('New Password', { exact: true }).fill('short');
  await page.getByLabel('Confirm New Password').fill('short');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('New Password', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expectNoAxeViolationsLightAndDark(page);
});

test('FAQ, dark scheme', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/simulator/faq`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Frequently Asked Questions' }),
  ).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
});

test('Changes since last sync', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/changes`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Changes since last sync' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as synced' })).toBeVisible();
  await expectNoAxeViolations(page);

  await openDetails(page, trax.url, 'OfficeManager');
  await page.getByLabel('Email Address').fill('olivia.manning@maricopa-cares.org');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.goto(`${trax.url}#/changes`);
  await expect(page.getByRole('table', { name: /^Email changes/ })).toContainText(
    'olivia.manning@maricopa-cares.org',
  );
  await expectNoAxeViolationsLightAndDark(page);

  await page.getByRole('button', { name: 'Mark as synced' }).click();
  await expect(page.getByRole('dialog', { name: 'Mark as synced?' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('Mail log', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/mail/jobs`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mail log' })).toBeVisible();
  await expect(page.getByText('No email has been sent yet.')).toBeVisible();
  await expectNoAxeViolations(page);

  await sendTestEmail(page, trax.url, ['FrontDesk', 'OfficeManager']);
  await page.goto(`${trax.url}#/mail/jobs`);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expectNoAxeViolationsLightAndDark(page);
});

test('Send Email compose, progress and Outbox message, dark scheme', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await search(page, 'email.com');
  await page.getByRole('checkbox', { name: 'Select FrontDesk' }).check();
  await page.getByLabel(BULK_LABEL).selectOption('Send Email');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('article', { name: 'Message preview' })).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(/^100% done\./)).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);

  await page.goto(`${trax.url}#/mail/outbox`);
  await expectNoAxeViolationsLightAndDark(page);
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox message' })).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
});

test('Readiness, dark scheme', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/readiness`);
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Reasons' })).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
});

test('Import roster with a preview, dark scheme', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/import`);
  await expect(page.getByRole('heading', { level: 1, name: 'Import roster' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Roster file (CSV)').setInputFiles({
    name: 'roster.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'User Name,First Name,Last Name,Email,Work Phone,Status\n' +
        'PatQuincy,Pat,Quincy,pat.quincy@valley-family.org,,Active\n' +
        'RayNolan,Ray,Nolan,ray.nolan@agency,,Active\n',
    ),
  });
  await expect(page.getByTestId('import-counts')).toContainText('1 to add');
  await expectNoAxeViolationsLightAndDark(page);
});

test('Manage Users with the Admin menu open, dark scheme', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await page.getByRole('button', { name: 'Admin' }).click();
  await expect(page.getByRole('link', { name: 'Readiness' })).toBeVisible();
  await expectNoAxeViolationsLightAndDark(page);
});
