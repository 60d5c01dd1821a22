/**
 * The Login Simulator as an administrator rehearses it: the 2FA banner in both states, the FAQ,
 * a full sign-in reading the code from the Outbox panel, a wrong code then the right one, the
 * resend countdown and a resend, a code entered after its lifetime (the host's clock moved), My
 * Profile, Change Password and signing in with the new password; axe on Login, Code entry, My
 * Profile and the FAQ.
 */
import { startTestSmtp } from '../unit/mail/test-smtp-server.js';
import { expect, test } from './fixtures.js';
import {
  api,
  codeFromPanel,
  DEMO_PASSWORD,
  HINT,
  logIn,
  openSimulator,
  setPolicy,
} from './simulator-page.js';
import { expectNoAxeViolations } from './users-page.js';

function isoDateInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('the banner says "is here!" after the go-live date and "coming soon" before it; More Information', async ({
  page,
  trax,
}) => {
  // The default go-live date is the guide's 4/23/2024, long past.
  await openSimulator(page, trax.url);
  await expect(
    page.getByRole('heading', { name: 'Two Factor Authentication (2FA) is here!' }),
  ).toBeVisible();
  await expect(
    page.getByText(
      'All Trax users are now required to authenticate with a passcode using the email address listed in their Trax user profile.',
    ),
  ).toBeVisible();

  const goLive = isoDateInDays(43);
  await setPolicy(page, trax.url, { goLiveDate: goLive });
  await openSimulator(page, trax.url);
  await expect(
    page.getByRole('heading', { name: 'Two Factor Authentication (2FA) is coming soon!' }),
  ).toBeVisible();
  const [y, m, d] = goLive.split('-').map(Number);
  await expect(
    page.getByText(
      `Beginning 43 days from now (${m}/${d}/${y}) all Trax users will be required to authenticate with a passcode using the email address listed in their Trax user profile.`,
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'More Information' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Frequently Asked Questions' }),
  ).toBeVisible();
  for (const question of [
    'Can I use my phone number to get an authorization code?',
    'Can our organization turn off two-factor Authentication?',
    'What if I do not receive an email with an authorization code?',
    'What if our users are sharing a user account?',
  ]) {
    await expect(page.getByText(question)).toBeVisible();
  }
  await expect(
    page.getByText('No, all Trax users will be required to authenticate this way.'),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});

test('sign in with the emailed code: a wrong code, then the right one; My Profile; Change Password', async ({
  page,
  trax,
}) => {
  await openSimulator(page, trax.url);
  await logIn(page, 'FrontDesk', 'wrong-password');
  await expect(page.getByRole('alert')).toHaveText(
    'The user name or password is incorrect, or the account cannot sign in right now.',
  );

  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  await expect(page.getByText(HINT)).toBeVisible();
  const codeInput = page.getByLabel('Code:');
  await expect(codeInput).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(codeInput).toHaveAttribute('inputmode', 'numeric');
  await expect(page.getByText('* The code will expire after 5 minutes.')).toBeVisible();
  const code = await codeFromPanel(page);
  await expect(page.getByTestId('simulator-mail-body')).toContainText('Hello Front.');
  await expectNoAxeViolations(page);

  const wrong = code.replace(/^./, (c) => String((Number(c) + 1) % 10));
  await codeInput.fill(wrong);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'That code is not correct. Check the email and try again.',
  );
  await codeInput.fill(code);
  await page.getByRole('button', { name: 'Log In' }).click();

  await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeVisible();
  await page.getByRole('button', { name: 'Front Desk' }).click();
  await page.getByRole('button', { name: 'My Profile' }).click();
  await expect(page.getByRole('heading', { name: 'Profile Info' })).toBeVisible();
  await expect(page.getByLabel('User Name', { exact: true })).toHaveValue('FrontDesk');
  await expect(page.getByLabel('User Name', { exact: true })).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Email', { exact: true })).toHaveValue('frontdeskt@email.com');
  await expect(page.getByLabel('Email', { exact: true })).toHaveAttribute('readonly', '');
  await expect(
    page.getByText(
      'If the username or email address needs to be changed, please contact your TraxSolutions administrator.',
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Change Password' }).click();
  await page.getByLabel('Old Password').fill('not-the-old-one');
  await page.getByLabel('New Password', { exact: true }).fill('Fresh-Pass-2026');
  await page.getByLabel('Confirm New Password').fill('Fresh-Pass-2027');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The two new passwords do not match.')).toBeVisible();
  await page.getByLabel('Confirm New Password').fill('Fresh-Pass-2026');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The old password is not correct.')).toBeVisible();
  await page.getByLabel('Old Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your password has been changed.' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Front Desk' }).click();
  await page.getByRole('button', { name: 'Log Out' }).click();
  await logIn(page, 'FrontDesk', DEMO_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('The user name or password is incorrect');
  await logIn(page, 'FrontDesk', 'Fresh-Pass-2026');
  await expect(page.getByText(HINT)).toBeVisible();
  await page.getByLabel('Code:').fill(await codeFromPanel(page, code));
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeVisible();
});

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
  await expect(page.getByRole('alert')).toHaveText(
    'That code is not correct. Check the email and try again.',
  );
  await page.getByLabel('Code:').fill(second);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeVisible();
});

test('Remember Me keeps the user name on this workstation', async ({ page, trax }) => {
  await openSimulator(page, trax.url);
  await page.getByLabel('User Name:').fill('AllisonBarry');
  await page.getByLabel('Password:').fill(DEMO_PASSWORD);
  await page.getByLabel('Remember Me').check();
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByLabel('Code:')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('User Name:')).toHaveValue('AllisonBarry');
  await expect(page.getByLabel('Remember Me')).toBeChecked();
  // Let the page finish loading (banner, mail panel) before the host stops.
  await expect(page.getByRole('heading', { name: /^Two Factor Authentication/ })).toBeVisible();
  await expect(page.getByTestId('simulator-mail-body')).toContainText('Hello Allison.');
});

test('the code email reaches a real SMTP server on loopback and its code signs in', async ({
  page,
  trax,
}) => {
  const server = await startTestSmtp();
  try {
    const current = (await api(page, trax, 'mail.getSettings', {})) as { settings: object };
    await api(page, trax, 'mail.saveSettings', {
      settings: {
        ...current.settings,
        mode: 'smtp',
        host: '127.0.0.1',
        port: server.port,
        security: 'none',
        user: '',
        fromAddress: 'trax-admin@agency.gov',
      },
    });
    await openSimulator(page, trax.url);
    await logIn(page, 'FrontDesk', DEMO_PASSWORD);
    await expect(page.getByText(HINT)).toBeVisible();
    await expect(page.getByText('Email delivery is set to SMTP')).toBeVisible();
    await expect.poll(() => server.received.length).toBe(1);
    const mail = server.received[0];
    expect(mail?.subject).toBe('Your TraxSolutions authorization code');
    const code = /code is: (\S+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(mail?.text).toContain('Hello Front.');
    await page.getByLabel('Code:').fill(code);
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeVisible();
  } finally {
    await server.close();
  }
});

test('Forgot password? emails a reset code and the new password signs in', async ({
  page,
  trax,
}) => {
  await openSimulator(page, trax.url);
  await page.getByRole('button', { name: 'Forgot password?' }).click();
  await page.getByLabel('User Name:').fill('AllisonBarry');
  await page.getByRole('button', { name: 'Send Reset Code' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'a password reset code has been sent' }),
  ).toBeVisible();
  const body = page.getByTestId('simulator-mail-body');
  await expect(body).toContainText('Your password reset code is:');
  const code = /reset code is: (\S+)/.exec(await body.innerText())?.[1] ?? '';
  await page.getByLabel('Reset Code:').fill(code);
  await page.getByLabel('New Password', { exact: true }).fill('Reset-Pass-2026');
  await page.getByLabel('Confirm New Password').fill('Reset-Pass-2026');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your password has been reset.' }),
  ).toBeVisible();
  await logIn(page, 'AllisonBarry', 'Reset-Pass-2026');
  await expect(page.getByLabel('Code:')).toBeVisible();
  await expect(body).toContainText('Hello Allison.');
});

test.describe('with the host clock moved by the test', () => {
  test.use({ clockControl: true });

  test('a code entered after 5 minutes is refused and the user logs in again; at 4:59 it works', async ({
    page,
    trax,
  }) => {
    await openSimulator(page, trax.url);
    await logIn(page, 'FrontDesk', DEMO_PASSWORD);
    await expect(page.getByText(HINT)).toBeVisible();
    const expired = await codeFromPanel(page);
    await page.getByLabel('Code:').fill(expired);
    trax.setClockOffset(5 * 60_000);
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(
      page.getByRole('status').filter({
        hasText: 'That code can no longer be used. Please log in again to get a new code.',
      }),
    ).toBeVisible();
    await expect(page.getByLabel('Code:')).toHaveCount(0);
    await expect(page.getByLabel('User Name:')).toBeVisible();

    // A new code, entered 4:59 after it was issued. The host's clock is only ever read at the
    // request, so the offset is reduced by the real time that passed since before Log In.
    const offset = 5 * 60_000;
    const beforeLogIn = Date.now();
    await logIn(page, 'FrontDesk', DEMO_PASSWORD);
    await expect(page.getByText(HINT)).toBeVisible();
    await page.getByLabel('Code:').fill(await codeFromPanel(page, expired));
    trax.setClockOffset(offset + 299_000 - (Date.now() - beforeLogIn));
    await page.getByRole('button', { name: 'Log In' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome, Front Desk' })).toBeVisible();
  });
});
