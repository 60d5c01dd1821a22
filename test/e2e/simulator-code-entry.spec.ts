/**
 * The Login Simulator's code entry: the resend countdown (the page's clock), a resend and the old
 * code refused, the bound on resends and the wrong codes that carry across them, and a code
 * entered at 4:59 and at 5:00 (the host's clock stood still, so no timing is involved).
 */
import { expect, test } from './fixtures.js';
import {
  codeFromPanel,
  DEMO_PASSWORD,
  HINT,
  logIn,
  openSimulator,
  setPolicy,
  wrongCode,
} from './simulator-page.js';

const CODE_REFUSED = 'That code is not correct. Check the email and try again.';
const CODE_ENDED = 'That code can no longer be used. Please log in again to get a new code.';

test('Resend Code counts down, disabled until zero', async ({ page, trax }) => {
  await page.clock.install();
  await openSimulator(page, trax.url);
  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  const resend = page.getByRole('button', { name: /^Resend Code/ });
  await expect(resend).toHaveText('Resend Code (30 seconds)');
  await expect(resend).toBeDisabled();
  await page.clock.runFor(12_000);
  await expect(resend).toHaveText('Resend Code (18 seconds)');
  await expect(resend).toBeDisabled();
  await page.clock.runFor(18_000);
  await expect(resend).toHaveText('Resend Code');
  await expect(resend).toBeEnabled();
});

test('Resend Code sends a new code and the old one stops working', async ({ page, trax }) => {
  await setPolicy(page, trax.url, { resendCooldownSeconds: 0 });
  await openSimulator(page, trax.url);
  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  const first = await codeFromPanel(page);
  await page.getByRole('button', { name: 'Resend Code' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'A new code has been sent.' }),
  ).toBeVisible();
  const second = await codeFromPanel(page, first);
  await page.getByLabel('Code:').fill(first);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('alert')).toHaveText(CODE_REFUSED);
  await page.getByLabel('Code:').fill(second);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeVisible();
});

test('three resends at most, and a resend gives no new tries: the third wrong code ends the sign-in', async ({
  page,
  trax,
}) => {
  await setPolicy(page, trax.url, { resendCooldownSeconds: 0 });
  await openSimulator(page, trax.url);
  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  let code = await codeFromPanel(page);
  for (let i = 0; i < 2; i++) {
    await page.getByLabel('Code:').fill(wrongCode(code));
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(page.getByRole('alert')).toHaveText(CODE_REFUSED);
  }
  const resend = page.getByRole('button', { name: 'Resend Code' });
  for (let i = 0; i < 3; i++) {
    await resend.click();
    code = await codeFromPanel(page, code);
  }
  await resend.click();
  await expect(page.getByRole('alert')).toHaveText(
    'No more codes can be sent for this sign-in. Enter the last code sent, or log in again.',
  );
  await expect(resend).toBeDisabled();
  await expect(page.getByLabel('Code:')).toBeFocused();

  await page.getByLabel('Code:').fill(wrongCode(code));
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('status').filter({ hasText: CODE_ENDED })).toBeVisible();
  await expect(page.getByLabel('User Name:')).toBeVisible();
});

test.describe('with the host clock stood still', () => {
  test.use({ clockControl: true });

  test('a code entered at 5:00 is refused and the user logs in again; at 4:59 it works', async ({
    page,
    trax,
  }) => {
    const start = Date.now();
    trax.setClockTime(new Date(start));
    await openSimulator(page, trax.url);
    await logIn(page, 'FrontDesk', DEMO_PASSWORD);
    await expect(page.getByText(HINT)).toBeVisible();
    const expired = await codeFromPanel(page);
    await page.getByLabel('Code:').fill(expired);
    trax.setClockTime(new Date(start + 5 * 60_000));
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(page.getByRole('status').filter({ hasText: CODE_ENDED })).toBeVisible();
    await expect(page.getByLabel('Code:')).toHaveCount(0);
    await expect(page.getByLabel('User Name:')).toBeVisible();

    // A new code, issued at 5:00 on the stopped clock, entered 4:59 later.
    await logIn(page, 'FrontDesk', DEMO_PASSWORD);
    await expect(page.getByText(HINT)).toBeVisible();
    await page.getByLabel('Code:').fill(await codeFromPanel(page, expired));
    trax.setClockTime(new Date(start + 5 * 60_000 + 299_000));
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeVisible();
  });
});
