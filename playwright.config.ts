import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright cannot download its own browsers on our machines. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline, containerised Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// End-to-end tests against the browser host (test/e2e/fixtures.ts starts one per test on a
// fresh data folder). Two workers at most: the machines have two cores.
export default defineConfig({
  testDir: 'test/e2e',
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env['CI'],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
});
