/**
 * How a person finds things on Manage Users and View Details, by role and label, shared by the
 * renderer's end-to-end specs.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const SEARCH_LABEL = 'Search (user name, first name, last name, or email)';
export const BULK_LABEL = 'Apply the following action for the selected user(s):';

/** Opens the app (the URL carries the token) and waits for the first page of users. */
export async function openManageUsers(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByText(/^Page \d+ of \d+$/)).toBeVisible();
}

/** Types into the search box and presses Search. */
export async function search(page: Page, query: string): Promise<void> {
  await page.getByLabel(SEARCH_LABEL).fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
}

/** The results table. */
export function usersTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Users' });
}

/** The table row whose User Name cell is `userName`. */
export function rowOf(page: Page, userName: string): Locator {
  return usersTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: userName, exact: true }) });
}

/** The User Name cells of the page shown, in order. */
export async function userNamesShown(page: Page): Promise<string[]> {
  return usersTable(page).getByRole('rowheader').allInnerTexts();
}

/** The "Page X of Y" text as numbers. */
export async function pageOf(page: Page): Promise<{ page: number; of: number }> {
  const text = await page.getByText(/^Page \d+ of \d+$/).innerText();
  const [, current, last] = /Page (\d+) of (\d+)/.exec(text) ?? [];
  return { page: Number(current), of: Number(last) };
}

/** Fails the test with the list of WCAG 2.1 A/AA violations axe finds on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** Presses Tab (keyboard only) until `target` has focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}
