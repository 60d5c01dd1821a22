/**
 * The Login Simulator as an administrator rehearses it: the 2FA banner in both states (the host's
 * clock stood still on the guide's day), the FAQ, a full sign-in reading the code from the Outbox
 * panel, a wrong code then the right one, My Profile, Change Password and signing in with the new
 * password, Remember Me, the code over real SMTP, Forgot password; axe on Login, Code entry, My
 * Profile and the FAQ. Code entry's resend and expiry are in simulator-code-entry.spec.ts.
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
  wrongCode,
} from './simulator-page.js';
import { expectNoAxeViolations } from './users-page.js';

const BANNER_HERE = 'Two Factor Authentication (2FA) is here!';
const BANNER_SOON = 'Two Factor Authentication (2FA) is coming soon!';

test.describe('the banner, with the host clock stood still', () => {
  test.use({ clockControl: true });

  test('says "coming soon" with the days left before the go-live date, "is here!" from it; More Information', async ({
    page,
    trax,
  }) => {
    // The guide's own day: 43 days before 4/23/2024, the default go-live date (local noon).
    trax.setClockTime(new Date(2024, 2, 11, 12, 0, 0));
    await openSimulator(page, trax.url);
    await expect(page.getByRole('heading', { name: BANNER_SOON })).toBeVisible();
    await expect(
      page.getByText(
        'Beginning 43 days from now (4/23/2024) all Trax users will be required to authenticate with a passcode using the email address listed in their Trax user profile.',
      ),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    trax.setClockTime(new Date(2024, 3, 22, 23, 59, 0));
    await openSimulator(page, trax.url);
    await expect(
      page.getByText(/^Beginning 1 day from now \(4\/23\/2024\) all Trax users/),
    ).toBeVisible();

    // From the first minute of the go-live day on.
    trax.setClockTime(new Date(2024, 3, 23, 0, 1, 0));
    await openSimulator(page, trax.url);
    await expect(page.getByRole('heading', { name: BANNER_HERE })).toBeVisible();
    await expect(
      page.getByText(
        'All Trax users are now required to authenticate with a passcode using the email address listed in their Trax user profile.',
      ),
    ).toBeVisible();

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
});

test('the banner follows the go-live date set in Settings', async ({ page, trax }) => {
  // The default go-live date, the guide's 4/23/2024, is long past.
  await openSimulator(page, trax.url);
  await expect(page.getByRole('heading', { name: BANNER_HERE })).toBeVisible();
  // A date far enough ahead that the test cannot cross it, whatever the time of day.
  await setPolicy(page, trax.url, { goLiveDate: '2999-01-01' });
  await openSimulator(page, trax.url);
  await expect(page.getByRole('heading', { name: BANNER_SOON })).toBeVisible();
  await expect(page.getByText(/^Beginning \d+ days from now \(1\/1\/2999\)/)).toBeVisible();
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

  await codeInput.fill(wrongCode(code));
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

test('Remember Me keeps the user name on this workstation; unchecking it forgets the name', async ({
  page,
  trax,
}) => {
  await openSimulator(page, trax.url);
  await page.getByLabel('User Name:').fill('AllisonBarry');
  await page.getByLabel('Password:').fill(DEMO_PASSWORD);
  await page.getByLabel('Remember Me').check();
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByLabel('Code:')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('User Name:')).toHaveValue('AllisonBarry');
  await expect(page.getByLabel('Remember Me')).toBeChecked();
  await expect(page.getByTestId('simulator-mail-body')).toContainText('Hello Allison.');

  // Logging in with Remember Me unchecked forgets the name on this workstation.
  await page.getByLabel('Password:').fill(DEMO_PASSWORD);
  await page.getByLabel('Remember Me').uncheck();
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.getByLabel('Code:')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('User Name:')).toHaveValue('');
  await expect(page.getByLabel('Remember Me')).not.toBeChecked();
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
