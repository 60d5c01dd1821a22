/**
 * Manage Users as the guide's administrator uses it (steps 1–3 and 6): the Admin menu, finding
 * active users and generic addresses, paging, sorting, selecting, bulk Activate / Deactivate,
 * Add User, and the demo-roster banner — by role and label, against the real browser host.
 */
import { expect, test } from './fixtures.js';
import {
  BULK_LABEL,
  expectNoAxeViolations,
  openManageUsers,
  pageOf,
  rowOf,
  search,
  userNamesShown,
  usersTable,
} from './users-page.js';

function sortedIgnoringCase(names: string[]): string[] {
  return [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
}

test('the demo roster is labelled as demo data and says how to replace it', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  const banner = page.getByRole('region', { name: 'Demo roster' });
  await expect(banner).toContainText('This is a demo roster.');
  // The browser host has no File menu: the banner links to the screen itself.
  await expect(banner).toHaveText(
    'This is a demo roster. Replace it by importing your roster: Import roster….',
  );
  await banner.getByRole('link', { name: 'Import roster…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import roster' })).toBeVisible();
});

test('the token leaves the address bar, and the Admin menu leads to Manage Users', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  expect(page.url()).not.toContain(trax.token);
  await page.getByRole('button', { name: 'Admin' }).click();
  const link = page.getByRole('link', { name: 'Manage Users' });
  await expect(link).toHaveAttribute('aria-current', 'page');
  await link.click();
  await expect(page).toHaveURL(/#\/users$/);
  await expect(link).toBeHidden();
  // A reload keeps working: the token was kept for this tab.
  await page.reload();
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
});

test('step 2: the Active filter shows active users only', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await page.getByLabel('Status', { exact: true }).selectOption('Active');
  await search(page, 'email.com');
  await expect(rowOf(page, 'FrontDesk')).toBeVisible();
  await expect(rowOf(page, 'JeremyStephens')).toHaveCount(0);
  const statuses = await usersTable(page)
    .getByRole('cell', { name: /^(Active|Inactive)$/ })
    .allInnerTexts();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['Active']));
});

test('step 3: searching "email.com" finds the generic addresses (Enter searches too)', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await page.getByLabel('Search (user name, first name, last name, or email)').fill('EMAIL.COM');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Page 1 of 1', { exact: true })).toBeVisible();
  expect(await userNamesShown(page)).toEqual([
    'AllisonBarry',
    'BrianJackson',
    'FrontDesk',
    'JeremyStephens',
    'OfficeManager',
  ]);
  await expect(rowOf(page, 'FrontDesk')).toContainText('frontdeskt@email.com');
  await expect(page.locator('[aria-live="polite"]')).toHaveText('5 users found. Page 1 of 1.');

  await search(page, 'no-such-person-anywhere');
  await expect(page.getByText('No users match “no-such-person-anywhere”.')).toBeVisible();
});

test('paging: Page X of Y, Next / Last / First, and "5 items per page" is remembered', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  const start = await pageOf(page);
  expect(start.page).toBe(1);
  expect(start.of).toBeGreaterThan(1);
  const firstPage = await userNamesShown(page);

  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText(`Page 2 of ${start.of}`, { exact: true })).toBeVisible();
  expect(await userNamesShown(page)).not.toEqual(firstPage);
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  await expect(page.getByText(`Page ${start.of} of ${start.of}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'First', exact: true }).click();
  await expect(page.getByText(`Page 1 of ${start.of}`, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Previous', exact: true })).toBeDisabled();

  await page.getByLabel('items per page').selectOption('5');
  await expect(usersTable(page).getByRole('rowheader')).toHaveCount(5);
  await expect.poll(async () => (await pageOf(page)).of).toBeGreaterThan(start.of);
  const small = await pageOf(page);
  expect(await userNamesShown(page)).toHaveLength(5);

  await page.reload();
  await expect(page.getByLabel('items per page')).toHaveValue('5');
  await expect(page.getByText(`Page 1 of ${small.of}`, { exact: true })).toBeVisible();
  expect(await userNamesShown(page)).toHaveLength(5);
});

test('sorting: each header sorts, a second press reverses, aria-sort tells which', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  const userNameHeader = page.getByRole('columnheader', { name: 'User Name' });
  await expect(userNameHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await userNamesShown(page);
  expect(ascending).toEqual(sortedIgnoringCase(ascending));

  await page.getByRole('button', { name: 'User Name' }).click();
  await expect(userNameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => userNamesShown(page)).not.toEqual(ascending);
  const descending = await userNamesShown(page);
  expect(descending).toEqual(sortedIgnoringCase(descending).reverse());

  await search(page, 'email.com');
  await page.getByRole('button', { name: 'Email' }).click();
  await expect(page.getByRole('columnheader', { name: 'Email', exact: true })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(userNameHeader).toHaveAttribute('aria-sort', 'none');
  await expect
    .poll(() => userNamesShown(page))
    .toEqual([
      'AllisonBarry', // abarry@
      'BrianJackson', // bjackson@
      'FrontDesk', // frontdeskt@
      'JeremyStephens', // jstephans@
      'OfficeManager', // officemanager@
    ]);
});

test('select all on the page, then all users that match the search', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await page.getByLabel('items per page').selectOption('10');
  await expect(usersTable(page).getByRole('rowheader')).toHaveCount(10);
  await expect(page.getByText('0 selected', { exact: true })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select all users on this page' }).check();
  await expect(page.getByText('10 selected', { exact: true })).toBeVisible();
  const names = await userNamesShown(page);
  await expect(page.getByRole('checkbox', { name: `Select ${names[0]}` })).toBeChecked();

  const selectAll = page.getByRole('button', {
    name: /^Select all \d+ users that match this search$/,
  });
  const total = Number(/(\d+)/.exec(await selectAll.innerText())?.[1]);
  expect(total).toBeGreaterThan(10);
  await selectAll.click();
  await expect(page.getByText(`${total} selected`, { exact: true })).toBeVisible();
  await expect(selectAll).toBeHidden();

  // Selection spans pages: the next page is selected too.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText(/^Page 2 of/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Select all users on this page' })).toBeChecked();

  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByText('0 selected', { exact: true })).toBeVisible();
});

test('Deactivate asks first; Go deactivates, says so, and the table refreshes', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await search(page, 'email.com');
  await page.getByRole('checkbox', { name: 'Select FrontDesk' }).check();
  await page.getByRole('checkbox', { name: 'Select OfficeManager' }).check();
  await expect(page.getByText('2 selected', { exact: true })).toBeVisible();
  await page.getByLabel(BULK_LABEL).selectOption('Deactivate');

  const go = page.getByRole('button', { name: 'Go', exact: true });
  await go.click();
  const dialog = page.getByRole('dialog', { name: 'Deactivate users?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(go).toBeFocused();
  await expect(rowOf(page, 'FrontDesk')).toContainText('Active');

  await go.click();
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 users deactivated.' })).toBeVisible();
  await expect(rowOf(page, 'FrontDesk').getByRole('cell', { name: 'Inactive' })).toBeVisible();
  await expect(rowOf(page, 'OfficeManager').getByRole('cell', { name: 'Inactive' })).toBeVisible();
  await expect(page.getByText('0 selected', { exact: true })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select FrontDesk' }).check();
  await page.getByLabel(BULK_LABEL).selectOption('Activate');
  await go.click();
  await expect(page.getByRole('status').filter({ hasText: '1 user activated.' })).toBeVisible();
  await expect(
    rowOf(page, 'FrontDesk').getByRole('cell', { name: 'Active', exact: true }),
  ).toBeVisible();
});

test('Go with nothing selected says what to do', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Select at least one user first.' }),
  ).toBeVisible();
});

test('Add User creates a user who then appears in the list', async ({ page, trax }) => {
  await openManageUsers(page, trax.url);
  await page.getByRole('button', { name: 'Add User' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add User' })).toBeVisible();
  await page.getByLabel('User Name').fill('  MariaLopez ');
  await page.getByLabel('Email Address').fill('maria.lopez@maricopa-cares.org');
  await page.getByLabel('First Name').fill('Maria');
  await page.getByLabel('Last Name').fill('Lopez');
  await page.getByLabel('Work Phone').fill('(602) 555-0101');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page).toHaveURL(/#\/users\/\d+$/);
  await expect(page.getByLabel('User Name')).toHaveValue('MariaLopez');

  await page.getByRole('button', { name: 'Back to Manage Users' }).click();
  await search(page, 'marialopez');
  await expect(rowOf(page, 'MariaLopez')).toContainText('maria.lopez@maricopa-cares.org');
});

test('Manage Users has no WCAG 2.1 AA violations (axe), also with a dialog open', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await expectNoAxeViolations(page);
  await page.getByRole('checkbox', { name: 'Select all users on this page' }).check();
  await expectNoAxeViolations(page);
  await page.getByLabel(BULK_LABEL).selectOption('Deactivate');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('Readiness and Last Test Email columns follow the guide’s, and a test email shows there', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  const headers = await usersTable(page).getByRole('columnheader').allInnerTexts();
  expect(headers.map((h) => h.replace(/[▲▼↕]/g, '').trim())).toEqual([
    '',
    'User Name',
    'First Name',
    'Last Name',
    'Email',
    'Work Phone',
    'Status',
    'Readiness',
    'Last Test Email',
    'Actions',
  ]);
  await search(page, 'email.com');
  await expect(rowOf(page, 'JeremyStephens')).toContainText('Out of scope');
  await expect(rowOf(page, 'FrontDesk').getByRole('button', { name: 'Not ready' })).toBeVisible();
  await expect(rowOf(page, 'FrontDesk')).toContainText('Not sent');

  // Nobody has had a test email yet, so nobody is ready.
  const readiness = page.getByLabel('Readiness', { exact: true });
  await readiness.selectOption('Ready');
  await expect(page.getByText('No users match “email.com” with Readiness “Ready”.')).toBeVisible();

  // Send one to DonnaDelgado (a personal address): she becomes Ready, with the time and result.
  await readiness.selectOption('All');
  await search(page, 'DonnaDelgado');
  await page.getByRole('checkbox', { name: 'Select DonnaDelgado' }).check();
  await page.getByLabel(BULK_LABEL).selectOption('Send Email');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByText(/^100% done\. Sent 1, failed 0, remaining 0\.$/)).toBeVisible();

  await page.getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('link', { name: 'Manage Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await search(page, '');
  await readiness.selectOption('Ready');
  await expect(usersTable(page).getByRole('rowheader')).toHaveText(['DonnaDelgado']);
  const donna = rowOf(page, 'DonnaDelgado');
  await expect(donna).toContainText('Ready');
  await expect(donna).toContainText(/\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2} [AP]M\s+Sent/);
  await expect(donna.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
});

test('Manage Users with the Readiness filter and a badge’s reasons open passes axe', async ({
  page,
  trax,
}) => {
  await openManageUsers(page, trax.url);
  await page.getByLabel('Readiness', { exact: true }).selectOption('Not ready');
  await expect(rowOf(page, 'AllisonBarry')).toBeVisible();
  await rowOf(page, 'AllisonBarry').getByRole('button', { name: 'Not ready' }).focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});
