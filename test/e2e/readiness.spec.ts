/**
 * Readiness in Chromium against the browser host (demo roster): open the dashboard, follow a
 * reason into Manage Users (filtered, the reasons on each badge), fix an address in View
 * Details — the reasons clearing as it is typed — and see the count drop.
 */
import { expect, test } from './fixtures.js';
import { expectNoAxeViolations, rowOf, search, usersTable } from './users-page.js';

const ROLE_BASED = 'Generic (role) address';

async function reasonCount(page: import('@playwright/test').Page, label: string): Promise<number> {
  const row = page.getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) });
  return Number(await row.getByRole('cell').textContent());
}

test('follow a reason into Manage Users, read the reasons, fix an address, see the count drop', async ({
  page,
  trax,
}) => {
  await page.goto(`${trax.url}#/readiness`);
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness' })).toBeVisible();
  await expect(page.getByText(/Two-factor sign-in (starts|started)/)).toBeVisible();
  await expect(page.getByText(/Next user to fix:/)).toBeVisible();
  const before = await reasonCount(page, ROLE_BASED);
  expect(before).toBeGreaterThanOrEqual(2);

  // The reason opens Manage Users with the Readiness filter set, and only those users.
  await page.getByRole('link', { name: ROLE_BASED }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page).toHaveURL(/#\/users$/);
  const filter = page.getByLabel('Readiness', { exact: true });
  await expect(filter).toHaveValue('role-based');
  await expect(usersTable(page).getByRole('rowheader')).toHaveCount(before);
  await expect(rowOf(page, 'OfficeManager')).toBeVisible();
  await expect(rowOf(page, 'JeremyStephens')).toHaveCount(0);

  // The badge's reasons show on keyboard focus (and are its description); Escape hides them.
  const badge = rowOf(page, 'FrontDesk').getByRole('button', { name: 'Not ready' });
  await badge.focus();
  const tip = page.getByRole('tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('frontdeskt@ is a generic address');
  await expect(badge).toHaveAccessibleDescription(/frontdeskt@ is a generic address/);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(badge).toBeFocused();
  // And on hover.
  await rowOf(page, 'OfficeManager').getByRole('button', { name: 'Not ready' }).hover();
  await expect(page.getByRole('tooltip')).toContainText('officemanager@ is a generic address');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'View Details for FrontDesk' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'View Details: FrontDesk' }),
  ).toBeVisible();
  const reasons = page.locator('.readiness-reasons');
  await expect(reasons).toContainText('frontdeskt@ is a generic address');
  await expect(reasons).toContainText('email.com is a placeholder domain');
  // The reasons follow the typing, before Save: the placeholder goes first, then the generic one.
  const email = page.getByLabel('Email Address');
  await email.fill('frontdeskt@maricopa-cares.org');
  await expect(reasons).not.toContainText('placeholder domain');
  await expect(reasons).toContainText('frontdeskt@ is a generic address');
  await expect(reasons).toContainText('(as typed, not saved yet)');
  await email.fill('dana.front@maricopa-cares.org');
  await expect(reasons).not.toContainText('generic address');
  // What is left is the test email nobody has sent yet.
  await expect(reasons).toContainText('No test email has been sent to this user yet.');
  // Typing another active user's address says so at once (the roster is asked, not the page).
  await email.fill('officemanager@email.com');
  await expect(reasons).toContainText('The same address is on 1 other active user');
  await email.fill('dana.front@maricopa-cares.org');
  await expect(reasons).not.toContainText('same address');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(reasons).not.toContainText('not saved yet');
  await expect(page.getByText(/frontdeskt@ is a generic address/)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Back in Manage Users the filter is still set, and FrontDesk has left the list.
  await page.getByRole('button', { name: 'Back to Manage Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(filter).toHaveValue('role-based');
  await expect(usersTable(page).getByRole('rowheader')).toHaveCount(before - 1);
  await expect(rowOf(page, 'FrontDesk')).toHaveCount(0);

  // The filter can be changed there: everyone again, inactive users too.
  await filter.selectOption('All');
  await search(page, 'JeremyStephens');
  await expect(rowOf(page, 'JeremyStephens')).toContainText('Out of scope');

  await page.getByRole('button', { name: 'Admin' }).click();
  await page.getByRole('link', { name: 'Readiness' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness' })).toBeVisible();
  await expect.poll(() => reasonCount(page, ROLE_BASED)).toBe(before - 1);
});

test('"Show every user who is not ready" opens Manage Users with that filter', async ({
  page,
  trax,
}) => {
  await page.goto(`${trax.url}#/readiness`);
  const notReady = Number(await page.getByTestId('not-ready-count').textContent());
  await page.getByRole('link', { name: 'Show every user who is not ready' }).click();
  await expect(page.getByLabel('Readiness', { exact: true })).toHaveValue('not-ready');
  await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
  await expect(page.locator('[aria-live="polite"]').last()).toContainText(
    `${notReady} users found.`,
  );
});

test('the Readiness dashboard passes axe', async ({ page, trax }) => {
  await page.goto(`${trax.url}#/readiness`);
  await expect(page.getByRole('table', { name: 'Reasons' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('View Details shows the reasons, keeps Organizations, and lists the History', async ({
  page,
  trax,
}) => {
  await page.goto(`${trax.url}#/users?readiness=role-based`);
  await page.getByRole('button', { name: 'View Details for OfficeManager' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'View Details: OfficeManager' }),
  ).toBeVisible();
  await expect(page.getByText('Not ready for two-factor sign-in:')).toBeVisible();
  await expect(page.getByText(/officemanager@ is a generic address/)).toBeVisible();

  await page.getByLabel('Email Address').fill('olivia.manning@maricopa-cares.org');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/officemanager@ is a generic address/)).toHaveCount(0);

  // A save that changes only the status is followed too: inactive users are out of scope.
  await page.getByLabel('Status').selectOption('Inactive');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.getByText('Not ready for two-factor sign-in:')).toHaveCount(0);
  await page.getByLabel('Status').selectOption('Active');
  await expect(page.getByText('Not ready for two-factor sign-in:')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.readiness-reasons')).not.toContainText('not saved yet');

  await page.getByRole('tab', { name: 'Organizations' }).click();
  await page.getByLabel('Add to Organizations').fill('Phoenix Youth Center');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Organizations' })).toContainText(
    'Phoenix Youth Center',
  );
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter a name.');

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('table', { name: 'History' });
  await expect(
    history.getByRole('row', { name: /Organizations\s+Phoenix Youth Center/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
