/**
 * Readiness in Chromium against the browser host (demo roster): open the dashboard, follow a
 * reason to its users, fix an address in View Details, and see the count drop.
 */
import { expect, test } from './fixtures.js';
import { expectNoAxeViolations } from './users-page.js';

const ROLE_BASED = 'Generic (role) address';

async function reasonCount(page: import('@playwright/test').Page, label: string): Promise<number> {
  const row = page.getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) });
  return Number(await row.getByRole('cell').textContent());
}

test('follow a reason into the users, fix an address, and see the count drop', async ({
  page,
  trax,
}) => {
  await page.goto(`${trax.url}#/readiness`);
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness' })).toBeVisible();
  await expect(page.getByText(/Two-factor sign-in (starts|started)/)).toBeVisible();
  await expect(page.getByText(/Next user to fix:/)).toBeVisible();
  const before = await reasonCount(page, ROLE_BASED);
  expect(before).toBeGreaterThanOrEqual(2);

  await page.getByRole('link', { name: ROLE_BASED }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Users: ${ROLE_BASED}` })).toBeVisible();
  await expect(page.getByRole('row', { name: /OfficeManager/ })).toBeVisible();
  await page.getByRole('button', { name: 'View Details for FrontDesk' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'View Details: FrontDesk' }),
  ).toBeVisible();
  await page.getByLabel('Email Address').fill('dana.front@maricopa-cares.org');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.goto(`${trax.url}#/readiness`);
  await expect(page.getByRole('heading', { level: 1, name: 'Readiness' })).toBeVisible();
  await expect.poll(() => reasonCount(page, ROLE_BASED)).toBe(before - 1);
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
  await page.goto(`${trax.url}#/readiness/role-based`);
  await page.getByRole('button', { name: 'View Details for OfficeManager' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'View Details: OfficeManager' }),
  ).toBeVisible();
  await expect(page.getByText('Not ready for two-factor sign-in:')).toBeVisible();
  await expect(page.getByText(/officemanager@ is a generic address/)).toBeVisible();

  await page.getByLabel('Email Address').fill('olivia.manning@maricopa-cares.org');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/officemanager@ is a generic address/)).toHaveCount(0);

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
