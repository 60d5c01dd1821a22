/**
 * Guide section 6 end to end: select users in Manage Users, Send Email, Go, Send; progress
 * reaches 100% and the messages are in the Outbox (the default Local outbox mode). Plus axe
 * checks of compose, progress, Outbox and Settings → Email delivery.
 */
import { test, expect } from './fixtures.js';
import { BULK_LABEL, expectNoAxeViolations, openManageUsers, search } from './users-page.js';

const USERS = ['FrontDesk', 'OfficeManager', 'BrianJackson'];

test('select three users, Send Email, Go, Send: 100% and the messages are in the Outbox', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await search(page, 'email.com');
  for (const name of USERS) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByLabel(BULK_LABEL).selectOption('Send Email');
  await page.getByRole('button', { name: 'Go', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Send Email' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recipients: 3 users' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Subject' })).not.toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Body' })).toHaveValue(
    /^Hello \{\{User First Name\}\}\./,
  );

  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('article', { name: 'Message preview' });
  await expect(preview).toContainText('Hello Front.');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Send Email: progress' })).toBeVisible();
  await expect(page.getByText(/^100% done\. Sent 3, failed 0, remaining 0\.$/)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('value', '3');
  const results = page.getByRole('table');
  for (const name of USERS) {
    await expect(results.getByRole('row').filter({ hasText: name })).toContainText('Sent');
  }
  await expectNoAxeViolations(page);

  // View Details shows each user's last test email.
  await openManageUsers(page, trax.url);
  await search(page, 'FrontDesk');
  await page.getByRole('button', { name: 'View Details for FrontDesk' }).click();
  await expect(page.locator('p', { hasText: 'Last test email:' })).toContainText(
    'Sent (Local outbox only)',
  );

  await page.goto(trax.url + '#/mail/outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  await expect(page.getByText('3 messages, newest first.')).toBeVisible();
  const list = page.getByRole('table');
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list).toContainText('Front Desk <frontdeskt@email.com>');
  await expectNoAxeViolations(page);

  await list.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox message' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Message preview' })).toContainText('Thank You.');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Back to the Outbox' }).click();
  await page.getByRole('button', { name: 'Clear outbox' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the Outbox?' });
  await dialog.getByRole('button', { name: 'Clear outbox' }).click();
  await expect(page.getByText('The Outbox is empty.')).toBeVisible();
});

test('Settings → Email delivery: saves, warns about no security, accessible', async ({
  page,
  trax,
}) => {
  await page.goto(trax.url + '#/settings/email');
  await expect(page.getByRole('heading', { level: 1, name: 'Email delivery' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Local outbox/ })).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: /SMTP/ }).check();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Host is required for SMTP.')).toBeVisible();

  await page.getByLabel('Host').fill('smtp.example.com');
  await page.getByLabel('From address').fill('admin@example.com');
  await page.getByLabel('Security').selectOption('none');
  await expect(page.getByText(/with no security, the password and every message/)).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Email delivery settings saved.')).toBeVisible();
  await expectNoAxeViolations(page);
});
