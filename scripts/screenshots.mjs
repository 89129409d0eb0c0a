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
  await page.getByTestId('framework-ilo_ge2020').check();
  await page.getByTestId('run').click();
  await page.getByTestId('select-framework').selectOption('ilo_ge2020', { timeout: 120_000 });
  await page.getByTestId('select-indicator').selectOption('child_labour');
  await page.getByTestId('estimate-total-all-total').waitFor({ timeout: 30_000 });
  await shot('5-results');
  await page.getByRole('button', { name: /Charts/ }).click();
  await page.locator('#ref-line').selectOption('africa');
  const charts = async () => {
    await page.getByTestId('chart-sex_age').locator('svg').waitFor({ timeout: 30_000 });
    await page.getByTestId('chart-regions').locator('svg').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
  };
  await charts();
  await shot('6-charts', true);
  await page.getByTestId('language').selectOption('fr');
  await page.getByRole('heading', { name: 'Graphiques' }).waitFor();
  await page.waitForTimeout(500);
  await shot('7-charts-fr', true);

  // The Spanish set: the data, results (with the sampling errors) and charts steps.
  await page.getByTestId('language').selectOption('es');
  await page.getByRole('heading', { name: 'Gráficos' }).waitFor();
  await page.getByRole('button', { name: /Datos/ }).click();
  await page.getByTestId('validation-report').waitFor({ timeout: 30_000 });
  await shot('8-data-es');
  await page.getByRole('button', { name: /Resultados/ }).click();
  await page.getByTestId('estimate-total-all-total').waitFor({ timeout: 30_000 });
  await shot('9-results-es');
  const errors = page.locator('.sampling-errors');
  if (await errors.count()) {
    await errors.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${OUT}10-sampling-errors-es.png` });
    console.log('docs/screenshots/10-sampling-errors-es.png');
  } else {
    console.warn('no sampling-errors table on the Results step: 10-sampling-errors-es.png not taken');
  }
  await page.getByRole('button', { name: /Gráficos/ }).click();
  await charts();
  await shot('11-charts-es', true);

  // Two rounds of the sample (2017 and 2023): the rounds analysis file opened with both rounds' files.
  const rounds = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'en-GB', deviceScaleFactor: 1 });
  await rounds.goto(url);
  const sample = new URL('../sample-data/', import.meta.url).pathname;
  const chooser = rounds.waitForEvent('filechooser');
  await rounds.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles([
    `${sample}mics6_rounds.analysis.json`,
    ...['fs', 'hh', 'hl'].flatMap((f) => [`${sample}mics6_2017/2017_${f}.sav`, `${sample}mics6/${f}.sav`]),
  ]);
  await rounds.getByRole('heading', { name: 'The data' }).waitFor({ timeout: 120_000 });
  await rounds.getByRole('button', { name: /Define/ }).click();
  await rounds.getByTestId('run').click();
  await rounds.getByTestId('trends-title').waitFor({ timeout: 300_000 });
  await rounds.getByTestId('select-framework').selectOption('ilo_ge2020');
  await rounds.getByTestId('select-indicator').selectOption('child_labour');
  await rounds.waitForTimeout(300);
  await rounds.screenshot({ path: `${OUT}12-trends.png` });
  console.log('docs/screenshots/12-trends.png');
  await rounds.getByRole('button', { name: /Charts/ }).click();
  for (const id of ['trend_sex', 'trend_regions']) await rounds.getByTestId(`chart-${id}`).locator('svg').waitFor({ timeout: 60_000 });
  await rounds.waitForTimeout(500);
  await rounds.screenshot({ path: `${OUT}13-trend-charts.png`, fullPage: true });
  console.log('docs/screenshots/13-trend-charts.png');
} finally {
  await browser.close();
  server.close();
}
