import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEPS, type Step } from '../../renderer/model/appState.js';
import { launchChromium, serveBuiltRenderer } from './browserApp.js';

/**
 * axe-core on every screen of the browser build, in every language the language menu offers: open,
 * data (with its validation report), map, define, results, charts, and screens that show errors (a
 * malformed file, a map step with a missing role). No violation of impact serious or critical is
 * allowed. axe-core is injected from node_modules by @axe-core/playwright: nothing is fetched.
 * After every step change the focus is on the new step's heading.
 */
let server: Server | undefined;
let origin = '';
let url = '';
let browser: Browser | undefined;
let context: BrowserContext;
const requests: string[] = [];
let setupError: Error | undefined;

function ready(): void {
  if (setupError) throw setupError;
}

beforeAll(async () => {
  try {
    browser = await launchChromium();
    const served = await serveBuiltRenderer();
    server = served.server;
    url = served.url;
    origin = new URL(url).origin;
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-GB' });
    context.on('request', (r) => requests.push(r.url()));
  } catch (e) {
    setupError = e as Error;
  }
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface Found {
  lang: string;
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical violations axe reports on the page as it is now. */
async function scan(page: Page, lang: string, screen: string): Promise<Found[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ lang, screen, id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Selects narrower than their longest option (which they then cut off), or wide enough only by
 * spilling out of their field: each visible select is measured against a copy of itself with the
 * same font, padding and border but no width set, which the browser sizes to its longest option.
 */
const NARROW_SELECTS = `[...document.querySelectorAll('select')].filter((s) => s.offsetParent !== null).flatMap((s) => {
  const style = getComputedStyle(s);
  const copy = s.cloneNode(true);
  copy.removeAttribute('id');
  // Longhands: the computed 'font' shorthand is empty when a longhand (tabular figures in a table) has no shorthand form.
  for (const p of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontStretch', 'fontVariantNumeric', 'letterSpacing', 'textTransform', 'paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth', 'borderLeftStyle', 'borderRightStyle', 'boxSizing', 'appearance']) copy.style[p] = style[p];
  Object.assign(copy.style, { position: 'absolute', left: '0', top: '0', visibility: 'hidden', width: 'auto', minWidth: '0', maxWidth: 'none' });
  document.body.appendChild(copy);
  const natural = copy.offsetWidth;
  copy.remove();
  const label = (s.labels?.[0]?.textContent ?? s.getAttribute('aria-label') ?? s.dataset.testid ?? '').trim();
  if (natural > s.offsetWidth + 1) return [label + ': ' + s.offsetWidth + 'px, longest option needs ' + natural + 'px'];
  // Wide enough, but not by spilling over its field onto the next one.
  const over = s.getBoundingClientRect().right - s.parentElement.getBoundingClientRect().right;
  return over > 1 ? [label + ': spills ' + Math.round(over) + 'px beyond its field'] : [];
})`;

/**
 * Text fields whose text is wider than the field, so that its end is hidden until the field is
 * scrolled: the hazardous occupations' one-line field showed "…, 9312, 961" for 9612 (a walk).
 */
const CLIPPED_FIELDS = `[...document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=number]), textarea')].filter((f) => f.offsetParent !== null).flatMap((f) =>
  f.scrollWidth > f.clientWidth + 1 || f.scrollHeight > f.clientHeight + 1 ? [(f.labels?.[0]?.textContent ?? f.id).trim() + ': ' + JSON.stringify(f.value)] : [])`;

const stepButton = (page: Page, step: Step) => page.locator('nav.steps button').nth(STEPS.indexOf(step));

/** The element that has the focus: its tag, and its text if it is a heading. */
const focused = (page: Page) =>
  page.evaluate<{ tag: string; text: string; inMain: boolean }>("({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent ?? '', inMain: !!document.activeElement?.closest('main') })");

/** After a step change the new step's heading (the h2 of the main area) has the focus. */
async function expectHeadingFocused(page: Page, where: string) {
  const heading = page.locator('main h2');
  await heading.first().waitFor();
  await expect.poll(() => focused(page), { message: `focus after going to ${where}` }).toEqual({ tag: 'H2', text: (await heading.first().textContent()) ?? '', inMain: true });
}

/** Walks every screen in one language, scanning each; returns what axe found. */
async function walk(page: Page, lang: string): Promise<Found[]> {
  const found: Found[] = [];
  const check = async (screen: string) => {
    found.push(...(await scan(page, lang, screen)));
    for (const narrow of await page.evaluate<string[]>(NARROW_SELECTS)) found.push({ lang, screen, id: 'select-too-narrow', impact: 'serious', help: 'A select is narrower than its longest option', targets: [narrow] });
    for (const clipped of await page.evaluate<string[]>(CLIPPED_FIELDS)) found.push({ lang, screen, id: 'field-text-hidden', impact: 'serious', help: 'A field is narrower than the text it holds', targets: [clipped] });
  };

  await page.goto(url);
  await page.getByTestId('language').selectOption(lang);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
  await check('open');

  // Data, with the validation report and its findings.
  await page.getByTestId('open-sample').click();
  await page.getByTestId('validation-report').waitFor({ timeout: 60_000 });
  await page.locator('.messages .message-code').first().waitFor({ timeout: 30_000 });
  await expectHeadingFocused(page, `${lang} data`);
  await check('data');

  // Map, with its design summary.
  await stepButton(page, 'map').click();
  await expectHeadingFocused(page, `${lang} map`);
  await page.locator('.design-panel dd').first().waitFor({ timeout: 30_000 });
  await check('map');

  // Map with a missing role (no weight, no cluster): the required-roles notice and the cluster notice.
  const weight = page.locator('.role-group').first().locator('select').first();
  const weightColumn = await weight.inputValue();
  // The third list of roles (weight, stratum, cluster), past the weights' divisor beside the weight.
  const psu = page.locator('.role-group').first().locator('select:not([data-testid="weight-divisor"])').nth(2);
  const psuColumn = await psu.inputValue();
  await weight.selectOption('');
  await psu.selectOption('');
  await page.getByTestId('cluster-required').waitFor();
  await expect(page.getByTestId('accept-mapping').isDisabled()).resolves.toBe(true);
  await check('map, missing roles');
  await weight.selectOption(weightColumn);
  await psu.selectOption(psuColumn);

  // A weight with blanks: the check's error in the design panel, then a run stopped by it (Define).
  await weight.selectOption('CL3');
  await page.locator('.design-panel .message-error').first().waitFor({ timeout: 30_000 });
  await check('map, validation error');
  await stepButton(page, 'define').click();
  await expectHeadingFocused(page, `${lang} define`);
  await page.getByTestId('run').click();
  await page.getByTestId('failure').locator('.message-error').first().waitFor({ timeout: 60_000 });
  await check('define, run stopped by an error');
  await stepButton(page, 'map').click();
  await expectHeadingFocused(page, `${lang} map`);
  await weight.selectOption(weightColumn);
  await page.locator('.design-panel dd').first().waitFor({ timeout: 30_000 });

  // Define, then run to the results and charts.
  await page.getByTestId('accept-mapping').click();
  await expectHeadingFocused(page, `${lang} define`);
  await check('define');
  // A framework's editor open: its bands, rules and lists.
  await page.getByTestId('framework-ilo_ge2020').check();
  const edit = page.locator('.fw-card.included button.link').first();
  await edit.click();
  await page.locator('.fw-editor').waitFor();
  await check('define, framework editor');
  await edit.click();
  await page.getByTestId('framework-ilo_ge2020').check();
  await page.getByTestId('run').click();
  await page.getByTestId('select-framework').selectOption('ilo_ge2020', { timeout: 120_000 });
  await page.getByTestId('estimate-total-all-total').waitFor();
  await expectHeadingFocused(page, `${lang} results`);
  await check('results');

  await stepButton(page, 'charts').click();
  await expectHeadingFocused(page, `${lang} charts`);
  await page.locator('main figure svg').first().waitFor({ timeout: 30_000 });
  await check('charts');

  // Back to the start with the keyboard: the focus follows to the Open heading.
  await stepButton(page, 'open').focus();
  await page.keyboard.press('Enter');
  await expectHeadingFocused(page, `${lang} open (keyboard)`);

  // A malformed data file: the core's coded error on the Open screen.
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.dropzone button').click();
  await (await chooser).setFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 1, 2, 0xff, 0xfe, 0]) });
  await page.getByTestId('failure').getByText('DATA_NOT_TEXT').waitFor({ timeout: 30_000 });
  await check('open, malformed file');
  return found;
}

describe('accessibility (axe-core) in the browser build', () => {
  it('has no serious or critical violation on any screen, in every language, including screens with errors', async () => {
    ready();
    const page = await context.newPage();
    await page.goto(url);
    const langs = await page.getByTestId('language').locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(langs).toEqual(expect.arrayContaining(['en', 'fr']));
    const found: Found[] = [];
    for (const lang of langs) found.push(...(await walk(page, lang)));
    const report = found.map((f) => `${f.lang} / ${f.screen}: ${f.id} (${f.impact}) ${f.help}\n    ${f.targets.join('\n    ')}`).join('\n');
    expect(found.length, `axe found:\n${report}`).toBe(0);
    await page.close();
  }, 600_000);

  it('fetched nothing beyond the app’s own files', () => {
    ready();
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((u) => !u.startsWith('about:') && new URL(u).origin !== origin)).toEqual([]);
  });
});
