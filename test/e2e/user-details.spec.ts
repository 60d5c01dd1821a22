/**
 * View Details and Add User as the guide's administrator uses them (steps 2–5): fix a generic
 * email, Save, see it in the list; validation next to the fields; the unsaved-changes question;
 * the tabs; axe; and the whole flow by keyboard alone.
 */
import { expect, test } from './fixtures.js';
import {
  expectNoAxeViolations,
  openManageUsers,
  rowOf,
  search,
  SEARCH_LABEL,
  tabTo,
} from './users-page.js';

test.use({ timezoneId: 'UTC' });

test('guide steps 2–5: active users, generic address, View Details, new email, Save, list shows it', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await page.getByLabel('Status', { exact: true }).selectOption('Active');
  await search(page, 'email.com');
  await expect(rowOf(page, 'FrontDesk')).toContainText('frontdeskt@email.com');

  await page.getByRole('button', { name: 'View Details for FrontDesk' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'View Details: FrontDesk' }),
  ).toBeVisible();
  for (const tab of ['Profile', 'Organizations', 'Permissions', 'Participant Assignments']) {
    await expect(page.getByRole('tab', { name: tab })).toBeVisible();
  }
  await expect(page.getByLabel('Email Address')).toHaveValue('frontdeskt@email.com');
  await page.getByLabel('Email Address').fill('  dana.front@maricopa-cares.org ');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByLabel('Email Address')).toHaveValue('dana.front@maricopa-cares.org');

  // Back keeps the search, the filter and the page; the row shows the new address.
  await page.getByRole('button', { name: 'Back to Manage Users' }).click();
  await expect(page.getByLabel(SEARCH_LABEL)).toHaveValue('email.com');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('Active');
  await expect(rowOf(page, 'FrontDesk')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'View Details for OfficeManager' })).toBeVisible();
  await search(page, 'FrontDesk');
  await expect(rowOf(page, 'FrontDesk')).toContainText('dana.front@maricopa-cares.org');
});

test('the read-only dates are shown like the guide, in local time', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await search(page, 'AllisonBarry');
  await page.getByRole('button', { name: 'View Details for AllisonBarry' }).click();
  const readOnly = page.locator('dl');
  await expect(readOnly).toContainText('Last Login Date');
  await expect(page.getByText('2/15/2022 7:39 PM')).toBeVisible();
  await expect(readOnly).toContainText('Password Failures Since Last Success');
});

test('validation: messages next to the fields, focus on the first, nothing saved', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await search(page, 'OfficeManager');
  await page.getByRole('button', { name: 'View Details for OfficeManager' }).click();
  const firstName = page.getByLabel('First Name');
  const email = page.getByLabel('Email Address');
  const userName = page.getByLabel('User Name');

  await firstName.fill('   ');
  await email.fill('office manager@email');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(
    'Enter a valid email address, like name@agency.gov.',
  );
  await expect(firstName).toHaveAttribute('aria-invalid', 'true');
  await expect(firstName).toHaveAccessibleDescription('First Name is required.');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // A user name taken by another user, in different case: the server says so, next to it.
  await firstName.fill('Office');
  await email.fill('office.manager@maricopa-cares.org');
  await userName.fill('frontdesk');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(userName).toBeFocused();
  await expect(userName).toHaveAttribute('aria-invalid', 'true');
  await expect(userName).toHaveAccessibleDescription(/taken|already|in use/i);
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');

  // Nothing was saved: leaving discards, and the list still shows the old values.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await search(page, 'email.com');
  await expect(rowOf(page, 'OfficeManager')).toContainText('officemanager@email.com');
  await expect(rowOf(page, 'FrontDesk')).toHaveCount(1);
});

test('Add User with empty required fields shows each message and creates no one', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await page.getByRole('button', { name: 'Add User' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('User Name')).toBeFocused();
  for (const [label, message] of [
    ['User Name', 'User Name is required.'],
    ['Email Address', 'Email Address is required.'],
    ['First Name', 'First Name is required.'],
    ['Last Name', 'Last Name is required.'],
  ] as const) {
    await expect(page.getByLabel(label)).toHaveAttribute('aria-required', 'true');
    await expect(page.getByLabel(label)).toHaveAccessibleDescription(message);
  }
  await expect(page).toHaveURL(/#\/users\/new$/);
});

test('leaving with unsaved changes asks first: Cancel, Back, and closing the tab', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await search(page, 'BrianJackson');
  await page.getByRole('button', { name: 'View Details for BrianJackson' }).click();
  await page.getByLabel('Work Phone').fill('(602) 555-0199');

  await page.getByRole('button', { name: 'Cancel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Work Phone')).toHaveValue('(602) 555-0199');
  await expect(page).toHaveURL(/#\/users\/\d+$/);

  await page.goBack();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/users\/\d+$/);
  await expect(page.getByLabel('Work Phone')).toHaveValue('(602) 555-0199');

  // Closing the tab: the browser's own "leave site?" question.
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    });
  });
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});

test('unchanged details leave without a question, and the tabs follow the arrow keys', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await search(page, 'BrianJackson');
  await page.getByRole('button', { name: 'View Details for BrianJackson' }).click();

  const profile = page.getByRole('tab', { name: 'Profile' });
  await expect(profile).toHaveAttribute('aria-selected', 'true');
  await profile.focus();
  await page.keyboard.press('ArrowRight');
  const organizations = page.getByRole('tab', { name: 'Organizations' });
  await expect(organizations).toBeFocused();
  await expect(organizations).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Organizations' })).toContainText(
    'No Organizations yet.',
  );
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'History' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(profile).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Profile' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Focus comes back to the row the administrator left from.
  await expect(page.getByRole('button', { name: 'View Details for BrianJackson' })).toBeFocused();
});

test('keyboard only: from search to Save with Tab, Enter, Space and arrows', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  const keyboard = page.keyboard;

  await keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await tabTo(page, page.getByLabel(SEARCH_LABEL));
  await keyboard.type('email.com');
  await keyboard.press('Enter');
  await expect(rowOf(page, 'JeremyStephens')).toBeVisible();

  await tabTo(page, page.getByLabel('Status', { exact: true }));
  await keyboard.type('Active');
  await expect(rowOf(page, 'JeremyStephens')).toHaveCount(0);

  await tabTo(page, page.getByRole('checkbox', { name: 'Select BrianJackson' }));
  await keyboard.press('Space');
  await expect(page.getByText('1 selected', { exact: true })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'View Details for AllisonBarry' }));
  await keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'View Details: AllisonBarry' }),
  ).toBeFocused();

  await tabTo(page, page.getByRole('tab', { name: 'Profile' }));
  await keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Organizations' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true');

  await tabTo(page, page.getByLabel('Email Address'));
  await keyboard.press('ControlOrMeta+A');
  await keyboard.type('allison.barry@maricopa-cares.org');
  await tabTo(page, page.getByRole('button', { name: 'Save' }));
  await keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Cancel' }));
  await keyboard.press('Enter');
  // Her address is no longer generic, so the same search no longer lists her.
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeFocused();
  await expect(rowOf(page, 'AllisonBarry')).toHaveCount(0);
  await tabTo(page, page.getByLabel(SEARCH_LABEL));
  await keyboard.press('ControlOrMeta+A');
  await keyboard.type('barry');
  await keyboard.press('Enter');
  await expect(rowOf(page, 'AllisonBarry')).toContainText('allison.barry@maricopa-cares.org');
});

test.describe('when the app does not answer', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource|net::ERR_FAILED/] });

  test('Manage Users says so instead of a blank table, and Try again recovers', async ({
    page,
    trax,
  }) => {
    await openManageUsers(page, trax.url);
    // The connection to the app fails, as when the host was stopped.
    await page.route('**/api/users.search', (route) => route.abort('failed'));
    await search(page, 'FrontDesk');
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);

    await page.unroute('**/api/users.search');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(rowOf(page, 'FrontDesk')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('View Details of a user who does not exist says so', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await page.goto(`${trax.origin}/#/users/99999`);
  await expect(page.getByRole('alert')).toContainText(/no longer exists|no user/i);
  await expect(page.getByLabel('Email Address')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to Manage Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
});
