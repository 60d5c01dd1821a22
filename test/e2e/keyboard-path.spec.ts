/**
 * The guide's whole path with the keyboard alone — find a generic address, fix it in View
 * Details, send a test email, rehearse the sign-in in the Login Simulator — plus the dialog's
 * focus trap and focus return. Only page.keyboard gives input: no clicks and no fill(); text on
 * screen (the code in the side panel) is read as a person would read it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { DEMO_PASSWORD } from './simulator-page.js';
import { BULK_LABEL, rowOf, SEARCH_LABEL, tabTo } from './users-page.js';

const NEW_ADDRESS = 'dana.front@maricopa-cares.org';

/** The element with focus has a visible focus indicator (an outline or a box shadow). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const focused = page.locator(':focus');
  await expect(focused, 'something has focus').toHaveCount(1);
  const indicator = await focused.evaluate((el) => {
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    if (!style) return 'no style';
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    return outline || shadow ? 'visible' : `no indicator on ${el.outerHTML.slice(0, 80)}`;
  });
  expect(indicator).toBe('visible');
}

/** Tabs to `target` (see tabTo), checks its focus is visible, and presses `key` on it. */
async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await expectVisibleFocus(page);
  await page.keyboard.press(key);
}

/** Opens an Admin menu entry with the keyboard: Tab to "Admin", Enter, Tab to the entry, Enter. */
async function openAdminScreen(page: Page, label: string): Promise<void> {
  const admin = page.getByRole('button', { name: 'Admin' });
  await press(page, admin);
  await expect(admin).toHaveAttribute('aria-expanded', 'true');
  await press(
    page,
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }),
  );
}

test('the guide path by keyboard alone: find, fix, test email, sign in with the code', async ({
  page,
  trax,
}) => {
  test.setTimeout(60_000);
  await page.goto(trax.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByText(/^Page \d+ of \d+$/)).toBeVisible();

  // The first Tab reaches the skip link, which takes the keyboard past the header.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await expectVisibleFocus(page);

  // Find the generic addresses: Ctrl+F goes to the search box.
  await page.keyboard.press('Control+f');
  const searchBox = page.getByLabel(SEARCH_LABEL);
  await expect(searchBox).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.type('@email.com');
  await page.keyboard.press('Enter');
  await expect(rowOf(page, 'FrontDesk')).toBeVisible();
  await expect(rowOf(page, 'OfficeManager')).toBeVisible();

  // View Details of FrontDesk; change the address; Save.
  await press(page, page.getByRole('button', { name: 'View Details for FrontDesk' }));
  await expect(
    page.getByRole('heading', { level: 1, name: 'View Details: FrontDesk' }),
  ).toBeFocused();
  const email = page.getByLabel('Email Address');
  await tabTo(page, email);
  await expectVisibleFocus(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(NEW_ADDRESS);
  await press(page, page.getByRole('button', { name: 'Save', exact: true }));
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(email).toHaveValue(NEW_ADDRESS);

  // Back in Manage Users: find FrontDesk again, select, "Send Email", Go.
  await press(page, page.getByRole('button', { name: 'Back to Manage Users' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(searchBox).toBeFocused();
  await page.keyboard.type('FrontDesk');
  await page.keyboard.press('Enter');
  await expect(rowOf(page, 'FrontDesk')).toContainText(NEW_ADDRESS);
  const select = page.getByRole('checkbox', { name: 'Select FrontDesk' });
  await press(page, select, 'Space');
  await expect(select).toBeChecked();
  const action = page.getByLabel(BULK_LABEL);
  await tabTo(page, action);
  await expectVisibleFocus(page);
  // Type-ahead picks the option in a closed <select>, as a keyboard user would.
  await page.keyboard.type('Send');
  await expect(action).toHaveValue('send-email');
  await press(page, page.getByRole('button', { name: 'Go', exact: true }));

  // Compose: the recipient is there; Send.
  await expect(page.getByRole('heading', { level: 1, name: 'Send Email' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Recipients: 1 user' })).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Send', exact: true }));

  // Progress: delivered to the Local outbox.
  await expect(page.getByRole('heading', { level: 1, name: 'Send Email: progress' })).toBeVisible();
  // The summary is a polite live region, so the progress is announced without moving focus.
  const summary = page.getByText(/^100% done\. Sent 1, failed 0, remaining 0\.$/);
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute('aria-live', 'polite');
  await expect(
    page.getByRole('table').getByRole('row').filter({ hasText: 'FrontDesk' }),
  ).toContainText('Sent');

  // The Outbox holds it, addressed to the new address.
  await openAdminScreen(page, 'Outbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const message = page.getByRole('table').getByRole('row').filter({ hasText: NEW_ADDRESS });
  await expect(message).toHaveCount(1);
  await press(page, message.getByRole('link'));
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox message' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Message preview' })).toContainText(
    'Hello Front.',
  );

  // The Login Simulator: sign in as FrontDesk, read the code from the side panel, type it.
  await openAdminScreen(page, 'Login Simulator');
  await expect(page.getByRole('heading', { level: 1, name: 'Login Simulator' })).toBeVisible();
  await tabTo(page, page.getByLabel('User Name:'));
  await expectVisibleFocus(page);
  await page.keyboard.type('FrontDesk');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password:')).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');

  const codeInput = page.getByLabel('Code:');
  await expect(codeInput).toBeFocused();
  await expect(
    page.getByText(
      'An authorization code has been sent to d*****t@m*****s.org. Enter it here to finish logging in.',
    ),
  ).toBeVisible();
  const body = page.getByTestId('simulator-mail-body');
  await expect(body).toContainText('Your one-time authorization code is:');
  const code = /code is: (\S+)/.exec(await body.innerText())?.[1] ?? '';
  expect(code).not.toBe('');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  // Signed in: the focus lands on the welcome, not on the page's start.
  await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeFocused();
  await expectVisibleFocus(page);

  // The user's name in the upper right (just before the welcome) opens My Profile.
  const userMenu = page.getByRole('button', { name: 'Front Desk' });
  await page.keyboard.press('Shift+Tab');
  await expect(userMenu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(userMenu).toHaveAttribute('aria-expanded', 'true');
  await press(page, page.getByRole('button', { name: 'My Profile' }));
  await expect(page.getByRole('heading', { name: 'Profile Info' })).toBeFocused();
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue(NEW_ADDRESS);
});

test('a dialog keeps the focus inside until answered, then gives it back to its opener', async ({
  page,
  trax,
}) => {
  // One message in the Outbox, sent by keyboard from the Login Simulator.
  await page.goto(`${trax.url}#/simulator`);
  await tabTo(page, page.getByLabel('User Name:'));
  await page.keyboard.type('AllisonBarry');
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Code:')).toBeFocused();

  await openAdminScreen(page, 'Outbox');
  await expect(page.getByText('1 message, newest first.')).toBeVisible();
  const clear = page.getByRole('button', { name: 'Clear outbox' });
  await press(page, clear);

  const dialog = page.getByRole('dialog', { name: 'Clear the Outbox?' });
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole('button', { name: 'Clear outbox' });
  const cancel = dialog.getByRole('button', { name: 'Cancel' });
  // The safe answer has focus first.
  await expect(cancel).toBeFocused();
  await expectVisibleFocus(page);
  // Tab from the last button wraps to the first, Shift+Tab from the first to the last.
  await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(cancel).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(cancel).toBeFocused();

  // Escape closes it, nothing is cleared, and the focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(clear).toBeFocused();
  await expect(page.getByText('1 message, newest first.')).toBeVisible();

  // Cancel by Enter does the same.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(clear).toBeFocused();
});
