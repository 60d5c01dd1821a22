import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './playwright.config.js';

// `npm run screenshots`: the README's pictures, taken from the real app (browser host on a fresh
// data folder with the demo roster) so they stay current. Kept out of `npm test`: the main config
// reads only test/e2e, and these write into docs/screenshots/.
export default defineConfig({
  testDir: 'test/screenshots',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
});
