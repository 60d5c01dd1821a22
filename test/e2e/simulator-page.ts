/**
 * How a person uses the Login Simulator and its settings, by role and label, shared by the
 * simulator's end-to-end specs.
 */
import { expect, type Page } from '@playwright/test';
import type { TraxHost } from './fixtures.js';

/** The documented demo password (src-main/auth/passwords.ts). */
export const DEMO_PASSWORD = 'Trax-Demo-2024!';
/** The code screen's sentence for FrontDesk (frontdeskt@email.com). */
export const HINT =
  'An authorization code has been sent to f*****t@e*****l.com. Enter it here to finish logging in.';

/** A code of the same shape that is certainly not `code` (its first digit moved on). */
export function wrongCode(code: string): string {
  return code.replace(/^./, (c) => String((Number(c) + 1) % 10));
}

/** Opens the Login Simulator. */
export async function openSimulator(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/simulator`);
  await expect(page.getByRole('heading', { level: 1, name: 'Login Simulator' })).toBeVisible();
}

/** Sets some policy fields through Settings → Two-factor sign-in. */
export async function setPolicy(
  page: Page,
  url: string,
  values: { goLiveDate?: string; resendCooldownSeconds?: number; failedSignIns?: number },
): Promise<void> {
  await page.goto(`${url}#/settings/two-factor`);
  await expect(page.getByRole('heading', { level: 1, name: 'Two-factor sign-in' })).toBeVisible();
  if (values.goLiveDate) await page.getByLabel('Go-live date').fill(values.goLiveDate);
  if (values.resendCooldownSeconds !== undefined) {
    await page.getByLabel('Resend cooldown (seconds)').fill(String(values.resendCooldownSeconds));
  }
  if (values.failedSignIns !== undefined) {
    await page
      .getByLabel('Failed sign-ins before the account locks')
      .fill(String(values.failedSignIns));
  }
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

/** Fills User Name: and Password: and presses Log In. */
export async function logIn(page: Page, userName: string, password: string): Promise<void> {
  await page.getByLabel('User Name:').fill(userName);
  await page.getByLabel('Password:').fill(password);
  await page.getByRole('button', { name: 'Log In' }).click();
}

/** The code in the email shown in the side panel, once it is a different email than `previous`. */
export async function codeFromPanel(page: Page, previous = ''): Promise<string> {
  const body = page.getByTestId('simulator-mail-body');
  await expect(body).toContainText('Your one-time authorization code is:');
  let code = '';
  await expect(async () => {
    const text = await body.innerText();
    code = /code is: (\S+)/.exec(text)?.[1] ?? '';
    expect(code).not.toBe('');
    expect(code).not.toBe(previous);
  }).toPass();
  return code;
}

/** Calls the host's API as the page does (token and our own Origin). */
export async function api(
  page: Page,
  trax: TraxHost,
  channel: string,
  input: unknown,
): Promise<unknown> {
  const response = await page.request.post(`${trax.origin}/api/${channel}`, {
    headers: { 'x-trax-token': trax.token, origin: trax.origin },
    data: input ?? {},
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value;
}
