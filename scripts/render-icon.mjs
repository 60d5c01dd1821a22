/**
 * Renders resources/icon.svg to resources/icon.png (512×512, transparent corners), the icon
 * electron-builder turns into each platform's format. Run after editing the SVG:
 * `node scripts/render-icon.mjs` (uses Debian's Chromium, like the end-to-end tests).
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('resources/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'resources/icon.png', omitBackground: true });
} finally {
  await browser.close();
}
