import { defineConfig } from '@playwright/test';

// The Electron smoke test (Playwright's _electron). Where the Electron binary is missing, as on
// machines whose npm install had no internet, the spec skips itself and prints why.
export default defineConfig({
  testDir: 'test/electron',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
});
