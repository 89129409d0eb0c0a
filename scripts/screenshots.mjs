// Regenerates docs/screenshots/: one PNG per step of the workflow on the bundled sample survey, in
// the browser build driven by Debian's Chromium. Run after changing the renderer: npm run screenshots
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveRenderer } from './serve-renderer.mjs';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
execFileSync(process.execPath, ['scripts/build-renderer.mjs'], { stdio: 'inherit' });

const { server, url } = await serveRenderer(0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'en-GB', deviceScaleFactor: 1 });
  const shot = async (name, fullPage = false) => {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
    console.log(`docs/screenshots/${name}.png`);
  };
  await page.goto(url);
  await shot('1-open');
  await page.getByTestId('open-sample').click();
  await page.getByText('HAZARD_PART_UNMAPPED').first().waitFor({ timeout: 60_000 });
  await shot('2-data');
  await page.getByRole('button', { name: /Map/ }).click();
  await page.locator('.design-panel').getByText('Degrees of freedom').waitFor({ timeout: 30_000 });
  await shot('3-map', true);
  await page.getByTestId('accept-mapping').click();
  await page.getByRole('button', { name: 'Edit thresholds' }).first().click();
  await shot('4-define', true);
  await page.getByTestId('run').click();
  await page.getByTestId('estimate-total-all-total').waitFor({ timeout: 120_000 });
  await shot('5-results');
  await page.getByRole('button', { name: /Charts/ }).click();
  await page.locator('#ref-line').selectOption('africa');
  await page.getByTestId('chart-hazard').locator('svg').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await shot('6-charts', true);
  await page.getByTestId('language').selectOption('fr');
  await page.waitForTimeout(500);
  await shot('7-charts-fr', true);
} finally {
  await browser.close();
  server.close();
}
