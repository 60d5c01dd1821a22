/**
 * Guide section 6 end to end: select users in Manage Users, Send Email, Go, Send; progress
 * reaches 100% and the messages are in the Outbox (the default Local outbox mode). Over SMTP to
 * a real server on loopback: Cancel and Resume, Retry failed, the results table's status filter
 * and pages, and the notice after a crash that leads to Resume. Plus axe checks of each screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startTestSmtp, type Script } from '../unit/mail/test-smtp-server.js';
import { test, expect, startHostProcess, stopHostProcess, type TraxHost } from './fixtures.js';
import { api } from './simulator-page.js';
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

/** Points the host's Email delivery at a server on 127.0.0.1:`port` (no AUTH, one connection). */
async function smtpSettings(page: Page, trax: TraxHost, port: number) {
  const current = (await api(page, trax, 'mail.getSettings', {})) as { settings: object };
  await api(page, trax, 'mail.saveSettings', {
    settings: {
      ...current.settings,
      mode: 'smtp',
      host: '127.0.0.1',
      port,
      security: 'none',
      user: '',
      fromAddress: 'trax-admin@agency.gov',
      connections: 1,
    },
  });
}

/** A real SMTP server on loopback, and the host's Email delivery pointed at it. */
async function smtpServer(page: Page, trax: TraxHost, script: Script) {
  const server = await startTestSmtp({ script });
  await smtpSettings(page, trax, server.port);
  return server;
}

/** The first `count` active users with a usable address, as Manage Users lists them. */
async function recipients(page: Page, trax: TraxHost, count: number) {
  const found = (await api(page, trax, 'users.search', { status: 'Active', pageSize: 100 })) as {
    rows: { id: number; userName: string; email: string }[];
  };
  const users = found.rows.filter((r) => /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(r.email));
  expect(users.length).toBeGreaterThanOrEqual(count);
  return users.slice(0, count);
}

/** Starts a Send Email job with the default message; answers its id. */
async function startJob(page: Page, trax: TraxHost, users: { id: number }[]) {
  const form = (await api(page, trax, 'mail.defaults', {})) as { subject: string; body: string };
  const { jobId } = (await api(page, trax, 'mail.startJob', {
    userIds: users.map((u) => u.id),
    form: { subject: form.subject, body: form.body },
  })) as { jobId: number };
  return jobId;
}

const summary = (page: Page) => page.locator('.job-summary');
const resultRows = (page: Page) =>
  page.getByRole('table', { name: 'Results per recipient' }).locator('tbody tr');
const addressesReceived = (server: Awaited<ReturnType<typeof startTestSmtp>>) =>
  server.received.map((m) => (m.to && 'text' in m.to ? m.to.text : ''));

test('Cancel stops a job after the message in flight; Resume sends the rest once', async ({
  page,
  trax,
}) => {
  let slow = true;
  const server = await smtpServer(page, trax, () => (slow ? { delayMs: 400 } : 'accept'));
  try {
    const jobId = await startJob(page, trax, await recipients(page, trax, 12));
    await page.goto(`${trax.url}#/mail/jobs/${jobId}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Send Email: progress' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await expect(page.getByText(/— Cancelled, started/)).toBeVisible();
    await expect(summary(page)).toHaveText(
      /^\d+% done\. Sent \d+, failed 0, remaining [1-9]\d*\.$/,
    );
    const resume = page.getByRole('button', { name: 'Resume' });
    await expect(resume).toBeVisible();
    await expectNoAxeViolations(page);

    slow = false;
    await resume.click();
    await expect(summary(page)).toHaveText('100% done. Sent 12, failed 0, remaining 0.');
    const addresses = addressesReceived(server);
    expect(addresses).toHaveLength(12);
    expect(new Set(addresses).size).toBe(12);
  } finally {
    await server.close();
  }
});

test('Retry failed re-sends only the failed rows; the results filter by status, in pages', async ({
  page,
  trax,
}) => {
  const users = await recipients(page, trax, 30);
  const refused = [users[3]!, users[27]!];
  const refusedAddresses = new Set(refused.map((u) => u.email.toLowerCase()));
  const server = await smtpServer(page, trax, (to, attempt) =>
    refusedAddresses.has(to.toLowerCase()) && attempt === 1
      ? { reply: 550, message: '5.1.1 Mailbox unavailable' }
      : 'accept',
  );
  try {
    const jobId = await startJob(page, trax, users);
    await page.goto(`${trax.url}#/mail/jobs/${jobId}`);
    await expect(summary(page)).toHaveText('100% done. Sent 28, failed 2, remaining 0.');

    // All rows, 25 to a page.
    await expect(page.getByText('Page 1 of 2')).toBeVisible();
    await expect(resultRows(page)).toHaveCount(25);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    await expect(resultRows(page)).toHaveCount(5);

    // Only the failed ones, with the server's reason.
    await page.getByLabel('Show').selectOption({ label: 'Failed (2)' });
    await expect(page.getByText('Page 1 of 1')).toBeVisible();
    await expect(resultRows(page)).toHaveCount(2);
    for (const user of refused) {
      await expect(resultRows(page).filter({ hasText: user.userName })).toContainText(
        'The server refused the message: 550 5.1.1 Mailbox unavailable',
      );
    }
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Retry failed' }).click();
    await expect(summary(page)).toHaveText('100% done. Sent 30, failed 0, remaining 0.');
    await expect(resultRows(page)).toHaveText(['No recipients in this state.']);
    await page.getByLabel('Show').selectOption({ label: 'Sent (30)' });
    await expect(page.getByText('Page 1 of 2')).toBeVisible();
    await expect(resultRows(page)).toHaveCount(25);

    const addresses = addressesReceived(server);
    expect(addresses).toHaveLength(30);
    expect(new Set(addresses).size).toBe(30);
    for (const user of refused) expect(server.attempts.get(user.email)).toBe(2);
  } finally {
    await server.close();
  }
});

test('after Trax Admin stopped mid-send, a notice on the next start leads to Resume', async ({
  page,
}) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'trax-e2e-crash-'));
  let slow = true;
  const server = await startTestSmtp({ script: () => (slow ? { delayMs: 300 } : 'accept') });
  let { host, child } = await startHostProcess(dataDir);
  try {
    // Only the API on this first host: a page open on it would log the crash as errors.
    await smtpSettings(page, host, server.port);
    const users = await recipients(page, host, 10);
    const jobId = await startJob(page, host, users);
    await expect.poll(() => server.received.length).toBeGreaterThanOrEqual(2);
    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;

    ({ host, child } = await startHostProcess(dataDir));
    slow = false;
    await page.goto(host.url);
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'A Send Email job was interrupted.' });
    await expect(notice).toContainText(/were not sent yet/);
    await expectNoAxeViolations(page);
    await notice.getByRole('link', { name: 'Open the job’s progress to resume it' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'Send Email: progress' }),
    ).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/mail/jobs/${jobId}$`));
    await expect(page.getByText(/— Interrupted, started/)).toBeVisible();
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(summary(page)).toHaveText(
      /^100% done\. Sent \d+, failed 0(, uncertain \d+)?, remaining 0\.$/,
    );
    const addresses = addressesReceived(server);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.length).toBeLessThanOrEqual(10);

    await page.getByRole('button', { name: /Admin/ }).click();
    await page.getByRole('link', { name: 'Mail log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mail log' })).toBeVisible();
    await expect(page.getByText('A Send Email job was interrupted.')).toHaveCount(0);
  } finally {
    await stopHostProcess(child);
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
