/* eslint-disable no-restricted-imports -- Node-only by design: the command line's `export` command (files,
   hashes, headless chart rendering). Only analysis/cli/main.ts imports this file; the library beside it
   (index.ts and everything it exports) stays free of Node and chart imports, as the lint rule wants. */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkOutput, writeOutput } from '../cli/paths.js';
import { concatBytes } from '../import/bytes.js';
import { AnalysisError, formatMessageIn } from '../messages.js';
import { resultsJson } from '../output.js';
import type { VegaLiteSpec } from '../present/chartMarks.js';
import { chartSpecs } from '../present/chartSpecs.js';
import type { FileLabels } from '../present/labels.js';
import { longCsv } from '../present/longCsv.js';
import { GE2020_REGIONS, isGe2020Region, type Ge2020Region } from '../present/referenceLines.js';
import type { AnalysisResult } from '../run.js';
import { workbookBytes } from './excel.js';
import { parseLang, type Lang } from './i18n.js';
import { buildMetadata, type ExportMetadata } from './metadata.js';
import { reportHtml, type ReportChart } from './report.js';
import { roundsJsonOf } from '../cli/rounds.js';
import { roundsExportCommand } from './roundsNode.js';
import { nationalEstimates, rScript } from './rscript.js';
import { stataDo } from './stata.js';

/**
 * `clstats export`: runs the analysis file once and writes any of the exports. PNG files are made by
 * a headless Chrome, Chromium or Edge through playwright-core (the browser the user already has;
 * vega's own PNG path needs the native `canvas` package): the SVG that vega renders is drawn at
 * dpi/96 device pixels per CSS pixel and the PNG is stamped with its resolution (pHYs), so it prints
 * at the chart's size.
 */
export const EXPORT_HELP = `clstats export <analysis.json> [outputs] [options]

Outputs (at least one):
  --xlsx FILE     Excel workbook: a sheet per table (boys, girls, total), all estimates, gaps, metadata
  --csv FILE      the long format of clstats run (with the file's value labels), and FILE.metadata.json beside it
  --json FILE     the JSON of clstats run --format json, with the metadata block in metadata.export
  --html FILE     self-contained report (tables, charts, methods, metadata); print it to PDF from a browser
  --r FILE        R script (survey package) that recomputes every estimate from the data file
  --stata FILE    Stata do-file (svy) for the same estimates (not tested: Stata is not available here)
  --vega DIR      the Vega-Lite spec of each chart (.vl.json)
  --svg DIR       each chart as SVG
  --png DIR       each chart as PNG at --dpi (needs Chrome, Chromium or Edge; CLSTATS_BROWSER=path)
Options:
  --lang en|fr|es       language of tables, charts, report and messages (default en)
  --framework ID        framework of the charts and key figures (default the first; the sampling errors are every framework's)
  --reference REGION    GE 2020 child labour prevalence of a region as a dashed line on the region chart:
                        ${GE2020_REGIONS.map((r) => r.id).join(', ')}
  --no-ci --no-se --no-n  leave the interval, SE or unweighted n columns out of the tables
  --dpi N               PNG resolution (default 300)
  --date ISO            date and time written in the exports (default SOURCE_DATE_EPOCH, else now)
  --engine native|wasm  --quiet
On an analysis file with rounds: the workbook and report hold the trend tables (each round and the
change between rounds), the chart files are the trend charts, --csv writes every round's rows with a
"round" column and the changes beside it (rounds.csv: rounds.changes.csv); --r writes an R script that
recomputes every round and every change and writes both CSVs; --stata is per round.`;

export interface ExportOptions {
  file?: string;
  xlsx?: string;
  csv?: string;
  json?: string;
  html?: string;
  r?: string;
  stata?: string;
  vega?: string;
  svg?: string;
  png?: string;
  lang: Lang;
  framework?: string;
  reference?: Ge2020Region;
  ci: boolean;
  se: boolean;
  n: boolean;
  dpi: number;
  date?: string;
  engine: 'native' | 'wasm';
  quiet: boolean;
}

export interface ExportIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** The application's version, written into every export. */
  version: string;
  runFile: (path: string, engine: 'native' | 'wasm', progress?: (s: string) => void) => Promise<{ result: AnalysisResult; dataPath: string; imported?: { labels: FileLabels; delimiter?: string } }>;
  /** The files the analysis file reads (itself and its data file): no export may overwrite them. */
  inputsOf: (path: string) => string[];
}

function usage(detail: string): never {
  throw new AnalysisError('CLI_USAGE', { detail: `${detail} (clstats export --help)` });
}

export function parseExportArgs(argv: string[]): ExportOptions {
  const o: ExportOptions = { lang: 'en', ci: true, se: true, n: true, dpi: 300, engine: 'native', quiet: false };
  const files = ['xlsx', 'csv', 'json', 'html', 'r', 'stata', 'vega', 'svg', 'png'] as const;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    const name = a.replace(/^--/, '');
    if ((files as readonly string[]).includes(name)) o[name as (typeof files)[number]] = value();
    else if (a === '--lang') o.lang = parseLang(value()) ?? usage(`--lang must be en, fr or es, not "${argv[i]}"`);
    else if (a === '--framework') o.framework = value();
    else if (a === '--reference') {
      const r = value();
      o.reference = isGe2020Region(r) ? r : usage(`--reference must be one of ${GE2020_REGIONS.map((x) => x.id).join(', ')}, not "${r}"`);
    }
    else if (a === '--no-ci') o.ci = false;
    else if (a === '--no-se') o.se = false;
    else if (a === '--no-n') o.n = false;
    else if (a === '--dpi') {
      o.dpi = Number(value());
      if (!(o.dpi >= 72 && o.dpi <= 1200)) usage(`--dpi must be a number from 72 to 1200, not "${argv[i]}"`);
    } else if (a === '--date') o.date = value();
    else if (a === '--engine') o.engine = value() === 'wasm' ? 'wasm' : argv[i] === 'native' ? 'native' : usage(`--engine must be native or wasm, not "${argv[i]}"`);
    else if (a === '--quiet') o.quiet = true;
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (!o.file) o.file = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!o.file) usage('export needs an analysis file');
  if (!files.some((k) => o[k])) usage('name at least one output (--xlsx, --csv, --json, --html, --r, --stata, --vega, --svg or --png)');
  return o;
}

/** The export's date: --date, else SOURCE_DATE_EPOCH (reproducible builds), else now. */
export function exportDate(date: string | undefined, env: Record<string, string | undefined> = process.env): Date {
  if (date !== undefined) {
    const d = new Date(date);
    if (Number.isNaN(d.getTime())) usage(`--date must be an ISO 8601 date, not "${date}"`);
    return d;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// Loaded only when charts are exported, and left out of the command line's bundle: vega-canvas
// looks for the optional native `canvas` package, and playwright-core carries its own files.
const VEGA = 'vega';
const VEGA_LITE = 'vega-lite';
const PLAYWRIGHT = 'playwright-core';

/** Renders Vega-Lite specs to SVG with vega's headless View (no canvas, no browser). */
export async function renderSvg(specs: { id: string; title: string; spec: VegaLiteSpec }[]): Promise<ReportChart[]> {
  const vega = (await import(VEGA)) as typeof import('vega');
  const vl = (await import(VEGA_LITE)) as typeof import('vega-lite');
  const out: ReportChart[] = [];
  for (const c of specs) {
    const compiled = vl.compile(c.spec as unknown as Parameters<typeof vl.compile>[0]).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    try {
      out.push({ id: c.id, title: c.title, svg: await view.toSVG() });
    } finally {
      view.finalize();
    }
  }
  return out;
}

/** A browser for PNG: CLSTATS_BROWSER, else the usual places of Chromium, Chrome and Edge. */
export function findBrowser(env: Record<string, string | undefined> = process.env): string | null {
  const candidates = [
    env.CLSTATS_BROWSER,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Stamps a PNG with its resolution (a pHYs chunk after IHDR, replacing any), so it prints at size. */
export function pngWithDpi(png: Uint8Array, dpi: number): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, 8)];
  let at = 8;
  while (at < png.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const chunk = png.subarray(at, at + 12 + len);
    if (type !== 'pHYs') chunks.push(chunk);
    if (type === 'IHDR') {
      const ppm = Math.round(dpi / 0.0254);
      const phys = new Uint8Array(21);
      const d = new DataView(phys.buffer);
      d.setUint32(0, 9);
      phys.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
      d.setUint32(8, ppm);
      d.setUint32(12, ppm);
      phys[16] = 1; // unit: metre
      d.setUint32(17, crc32(phys.subarray(4, 17)));
      chunks.push(phys);
    }
    at += 12 + len;
  }
  return concatBytes(chunks);
}

/** Draws each SVG in a headless browser at dpi/96 device pixels per CSS pixel and returns PNG bytes. */
export async function renderPng(svgs: ReportChart[], dpi: number, browserPath = findBrowser()): Promise<{ id: string; png: Uint8Array }[]> {
  const { chromium } = (await import(PLAYWRIGHT)) as typeof import('playwright-core');
  if (!browserPath) {
    throw new Error('PNG export needs Chrome, Chromium or Edge, and none was found: set CLSTATS_BROWSER to its path (--svg needs no browser)');
  }
  const browser = await chromium.launch({ executablePath: browserPath, headless: true, args: ['--disable-gpu', '--font-render-hinting=none'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: dpi / 96 });
    const out: { id: string; png: Uint8Array }[] = [];
    for (const s of svgs) {
      await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#ffffff">${s.svg}</body></html>`);
      const el = await page.$('svg');
      if (!el) throw new Error(`chart ${s.id} has no SVG`);
      out.push({ id: s.id, png: pngWithDpi(new Uint8Array(await el.screenshot({ type: 'png' })), dpi) });
    }
    return out;
  } finally {
    await browser.close();
  }
}

const posix = (p: string) => p.split(sep).join('/');

/**
 * Every file the export writes, with the option that names it. The chart files under --vega, --svg
 * and --png are named by chart id, known once the analysis has run (none before).
 */
function plannedFiles(o: ExportOptions, chartIds: string[]): [string, string][] {
  const files: [string, string][] = [];
  for (const k of ['csv', 'json', 'xlsx', 'r', 'stata', 'html'] as const) if (o[k]) files.push([`--${k}`, o[k]]);
  if (o.csv) files.push(['--csv', `${o.csv}.metadata.json`]);
  for (const [k, ext] of [['vega', '.vl.json'], ['svg', '.svg'], ['png', '.png']] as const) {
    const dir = o[k];
    if (dir) for (const id of chartIds) files.push([`--${k}`, join(dir, `${id}${ext}`)]);
  }
  return files;
}

/** Refuses, before anything is written, any export that is an input file or a folder. */
function checkPlanned(o: ExportOptions, chartIds: string[], inputs: string[]): void {
  for (const [option, path] of plannedFiles(o, chartIds)) checkOutput(option, path, inputs);
}

export async function exportCommand(argv: string[], io: ExportIo): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    io.out(EXPORT_HELP + '\n');
    return 0;
  }
  const o = parseExportArgs(argv);
  const createdAt = exportDate(o.date);
  // An analysis file with survey rounds: the rounds' exports (roundsNode.ts).
  const rounds = roundsJsonOf(o.file!);
  if (rounds) return roundsExportCommand(o, rounds, io, createdAt);
  const progress = o.quiet ? undefined : (s: string) => io.err(s + '\n');
  const inputs = io.inputsOf(o.file!);
  checkPlanned(o, [], inputs);
  const { result, dataPath, imported } = await io.runFile(o.file!, o.engine, progress);
  for (const m of result.messages) if (!o.quiet || m.severity !== 'info') io.err(formatMessageIn(m, o.lang) + '\n');
  // The do-file reads one data file; the R script joins a file set (rscriptJoins.ts).
  if (o.stata && result.analysis.joins.length) {
    throw new AnalysisError('CLI_USAGE', { detail: '--stata reads one data file, and this analysis joins others: export the R script (--r), which joins them' });
  }

  const write = (f: string, data: string | Uint8Array) => {
    checkOutput('clstats export', f, inputs); // a last guard, should an export ever miss plannedFiles
    mkdirSync(dirname(resolve(f)), { recursive: true });
    writeOutput(f, data);
    if (!o.quiet) io.err(`wrote ${f}\n`);
  };
  try {
    // A file set's joined files, each once (hl.sav serves the child's and the mother's join), as the command line found them.
    const near = (p: string) => (isAbsolute(p) ? p : resolve(dirname(o.file!), p));
    const joinedPaths = [...new Set(result.analysis.joins.map((j) => near(j.data.path)))];
    const joinedFiles = await Promise.all(joinedPaths.map(async (p) => ({ file: basename(p), sha256: await sha256File(p) })));
    const meta: ExportMetadata = buildMetadata(result, {
      sourceName: basename(dataPath),
      sourceSha256: await sha256File(dataPath),
      joinedFiles,
      analysisFile: basename(o.file!),
      appVersion: io.version,
      createdAt,
      ...(imported ? { labels: imported.labels } : {}),
    });
    // The file's value labels name regions and extra breakdowns in every export, as on screen.
    const labels = imported?.labels ?? null;
    const tableOpts = { ci: o.ci, se: o.se, n: o.n, lang: o.lang, labels, framework: o.framework };
    const specs = chartSpecs(result, { lang: o.lang, framework: o.framework, labels, reference: o.reference ?? null });
    checkPlanned(o, specs.map((c) => c.id), inputs);
    if (o.csv) {
      write(o.csv, longCsv(result, labels));
      write(`${o.csv}.metadata.json`, JSON.stringify(meta, null, 2) + '\n');
    }
    if (o.json) write(o.json, resultsJson(result, { export: meta }) + '\n');
    if (o.xlsx) write(o.xlsx, await workbookBytes(result, meta, tableOpts));
    if (o.r) write(o.r, rScript(result.analysis, meta, { dataPath: posix(relative(dirname(resolve(o.r)), dataPath)), national: nationalEstimates(result) }));
    if (o.stata) write(o.stata, stataDo(result.analysis, meta, { dataPath: posix(relative(dirname(resolve(o.stata)), dataPath)), ...(imported?.delimiter ? { delimiter: imported.delimiter } : {}) }));
    if (o.vega) for (const c of specs) write(join(o.vega, `${c.id}.vl.json`), JSON.stringify(c.spec satisfies VegaLiteSpec, null, 2) + '\n');
    if (o.svg || o.png || o.html) {
      const svgs = await renderSvg(specs);
      if (o.svg) for (const s of svgs) write(join(o.svg, `${s.id}.svg`), s.svg);
      if (o.html) write(o.html, reportHtml(result, meta, { ...tableOpts, charts: svgs }));
      if (o.png) for (const p of await renderPng(svgs, o.dpi)) write(join(o.png, `${p.id}.png`), p.png);
    }
    return 0;
  } catch (e) {
    if (e instanceof AnalysisError) throw e; // a coded message (an output refused or not written)
    io.err(`error EXPORT_FAILED: ${(e as Error).message}\n`);
    return 1;
  }
}
