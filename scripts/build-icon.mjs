// Renders the app icon (renderer/public/icon.svg, the single source) to electron/icon.png, 512 x 512,
// which electron-builder turns into each platform's icon format. Uses Debian's Chromium.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../renderer/public/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="512" height="512" ')}</body></html>`);
  await page.screenshot({ path: new URL('../electron/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
  await browser.close();
}
