/**
 * Benchmark (not part of the tests): `npm run bench -- [--sizes 100000,1000000,2000000] [--runs 3]
 * [--engines native,wasm,chromium] [--r-sizes 100000] [--formats parquet,sav,dta] [--out FILE]`.
 *
 * For each size it generates (seeded, cached in bench-data/) an LFS-style SYNTHETIC child file as CSV.
 * First, alternately and as whole processes (`node ...`, start to results written, peak memory from
 * GNU time): the plain-SQL baseline (scripts/bench/baseline.mjs: the same estimator in a few dozen
 * lines of DuckDB SQL, checked against the app's estimates and SEs) and the command line
 * (`clstats run --engine native|wasm`) on the same table set; every figure below is also printed as a
 * ratio to that baseline, measured in the same run (chromium: to the baseline in DuckDB-WASM). Then it
 * measures, as the median of several runs with min and max:
 *   import        CSV into the engine (the raw text table)
 *   classify      the validation report (with the design pass that also prepares the design), the
 *                 design's checks and the classification under all five presets (each indicator
 *                 expression evaluated and read as a column)
 *   table set     all five presets x children in employment, child labour, hazardous work x breakdowns
 *                 total, sex, age group, sex x age group, region, area, region x sex (every column):
 *                 the design's typed columns read, the estimation pass, variances, intervals, flags
 *   recompute     one interactive change: the 12-14 threshold of the GE headline edited, then the whole
 *                 table set recomputed from the loaded file, through the session the app keeps; then
 *                 three more edits (other thresholds), as an analyst goes on ("later edits")
 * and the peak resident memory. Then the import alone of the same file as Parquet, SPSS .sav and Stata
 * .dta (scripts/bench/formats.ts; --formats, default all three). Engines: native DuckDB (the command line's), DuckDB-WASM in Node, and
 * `chromium`: the app's own engine worker (renderer/engine/engineWorker.ts, built) in Debian's Chromium
 * driven by playwright-core, timed in the page around the worker's messages. Where Rscript and the
 * survey package are installed, the same work runs in R (svydesign, then svyby/svymean and svytotal for
 * each breakdown) on the sizes in --r-sizes, and the ratio R / native is printed per step.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, resolve } from 'node:path';
import { AnalysisSession } from '../../analysis/analysisSession.js';
import { createNativeEngine } from '../../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { classify } from '../../analysis/classify.js';
import type { ResultRow } from '../../analysis/run.js';
import { runAnalysis } from '../../analysis/run.js';
import { validateData } from '../../analysis/validate.js';
import { generate } from './generate.js';
import { inFormat, type BenchFormat } from './formats.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { fileSource } from '../../analysis/cli/files.js';
import { analysisFileFor, analysisFor, EDITS } from './benchAnalysis.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`npm run bench -- [--sizes 100000,1000000,2000000] [--runs 3] [--engines native,wasm,chromium]
                    [--formats parquet,sav,dta] [--r-sizes 100000]
Every figure is printed with its ratio to the plain-SQL baseline of the same run (docs/performance.md).
CLSTATS_CLASSIFY=sql|typed forces where the framework rules are evaluated (default: typed on DuckDB-WASM).`);
  process.exit(0);
}
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const sizes = (args.get('sizes') ?? '100000,1000000,2000000').split(',').map(Number);
const runs = Number(args.get('runs') ?? 3);
type EngineKind = 'native' | 'wasm' | 'chromium';
const engines = (args.get('engines') ?? 'native,wasm,chromium').split(',') as EngineKind[];
const rSizes = (args.get('r-sizes') ?? '100000').split(',').filter(Boolean).map(Number);
const formats = (args.get('formats') ?? 'parquet,sav,dta').split(',').filter(Boolean) as BenchFormat[];
const root = resolve(new URL('../..', import.meta.url).pathname);
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, min: s[0]!, max: s[s.length - 1]! };
};
const fmt = (xs: number[]) => {
  const { median, min, max } = stats(xs);
  return `${(median / 1000).toFixed(2)} s (${(min / 1000).toFixed(2)}-${(max / 1000).toFixed(2)})`;
};


interface Timing {
  import: number[];
  classify: number[];
  tableSet: number[];
  fold: number[];
  recompute: number[];
  /** Edits after the first (code already compiled by the JavaScript engine, as in a working session). */
  later: number[];
  estimates: number;
  /** Peak resident memory in MB (Node: this process; Chromium: its largest process). */
  peakMb: number;
  /** Chromium: the app's load and first table set, end to end. */
  first: number[];
  /** The results of a run (to check the baseline against). */
  rows: ResultRow[];
}

const emptyTiming = (): Timing => ({ import: [], classify: [], tableSet: [], fold: [], recompute: [], later: [], estimates: 0, peakMb: 0, first: [], rows: [] });

/** Splits a run's timings into classification and table set (see the header). */
function record(t: Timing, total: number, timings: Record<string, number>) {
  const tableSet = (timings.columns ?? 0) + (timings.fold ?? 0) + (timings.estimate ?? 0) + (timings.order ?? 0);
  t.tableSet.push(tableSet);
  t.classify.push(total - tableSet);
  t.fold.push(timings.fold ?? 0);
}

async function measure(kind: 'native' | 'wasm', file: string): Promise<Timing> {
  const t = emptyTiming();
  for (let i = 0; i < runs; i++) {
    const engine = kind === 'native' ? await createNativeEngine({ files: [file] }) : await createNodeWasmEngine();
    let t0 = performance.now();
    // As the command line and the app import: importData (dialect, encoding, checks), then the raw table.
    await importData(engine, kind === 'native' ? fileSource(file) : bytesSource(basename(file), new Uint8Array(readFileSync(file))));
    t.import.push(performance.now() - t0);
    const session = new AnalysisSession();
    t0 = performance.now();
    // As the command line and the app run: the validation report, then the run (which takes the
    // report's design pass from the session).
    const report = await validateData(engine, analysisFor(), basename(file), undefined, { session });
    if (!report.ok) throw new Error(`the benchmark file does not validate: ${report.findings.map((f) => f.text).join('; ')}`);
    const r = await runAnalysis(engine, analysisFor(), basename(file), { session, valuesChecked: true });
    record(t, performance.now() - t0, r.timings);
    t.estimates = r.rows.length;
    t.rows = r.rows;
    for (const [i, hours] of EDITS.entries()) {
      t0 = performance.now();
      await runAnalysis(engine, analysisFor(hours), basename(file), { session });
      (i === 0 ? t.recompute : t.later).push(performance.now() - t0);
    }
    await engine.close();
  }
  t.peakMb = process.resourceUsage().maxRSS / 1024;
  return t;
}

/** Resident memory (MB) of the largest Chromium process, sampled by the caller. */
function chromiumRssMb(): number {
  try {
    const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss='], { encoding: 'utf8' });
    return Math.max(0, ...out.split('\n').filter(Boolean).map((x) => Number(x) / 1024));
  } catch {
    return 0;
  }
}

/**
 * Runs in the page (plain JavaScript: a function compiled by tsx would carry its helpers along): posts
 * the file's bytes and the analysis file to the built engine worker as the app's EngineClient does,
 * and times each reply.
 */
const PAGE_SCRIPT = `async ({ workerUrl, name, analysis, edits }) => {
  const w = new Worker(workerUrl, { type: 'module' });
  let id = 0;
  const call = (req) => new Promise((res) => {
    const mine = ++id;
    w.onmessage = (e) => { if (e.data.kind === 'progress') console.log(JSON.stringify(e.data)); if (e.data.id === mine && e.data.kind !== 'progress') res(e.data); };
    w.postMessage({ ...req, id: mine });
  });
  const fail = (r) => { throw new Error(r.message ? r.message.text : r.kind); };
  // Start DuckDB-WASM first (the app starts it when it opens), so that import times the file alone.
  const warm = await call({ kind: 'load', name: 'warm.csv', bytes: new TextEncoder().encode('a,b\\n1,2\\n') });
  if (warm.kind !== 'loaded') fail(warm);
  const bytes = new Uint8Array(await (await fetch(name)).arrayBuffer());
  let t0 = performance.now();
  const loaded = await call({ kind: 'load', name, bytes });
  if (loaded.kind !== 'loaded') fail(loaded);
  const load = performance.now() - t0;
  if (!analysis) {
    w.terminate();
    return { load };
  }
  t0 = performance.now();
  const run = await call({ kind: 'run', analysis });
  if (run.kind !== 'result') fail(run);
  const first = performance.now() - t0;
  const recompute = [];
  for (const edited of edits) {
    t0 = performance.now();
    const again = await call({ kind: 'run', analysis: edited });
    if (again.kind !== 'result') fail(again);
    recompute.push(performance.now() - t0);
  }
  w.terminate();
  return { load, first, recompute, timings: run.result.timings, estimates: run.result.rows.length };
}`;

/**
 * The app's engine worker, as built for the app, in Debian's Chromium: the page posts the file's bytes
 * and the analysis file, exactly as the app's EngineClient does, and times each reply. With
 * `importOnly`, the file is only loaded (import, the Data step's profile, its SHA-256).
 */
async function inChromium(file: string, importOnly: boolean): Promise<{ out: PageResult; peak: number }> {
  const { launchChromium } = await import('../../test/e2e/chromium.js');
  const { serveRenderer } = await import('../serve-renderer.mjs');
  if (!existsSync(resolve(root, 'dist/renderer/index.html'))) execFileSync(process.execPath, ['scripts/build-renderer.mjs'], { cwd: root, stdio: 'inherit' });
  const worker = readdirSync(resolve(root, 'dist/renderer/assets')).find((f) => /^engineWorker.*\.js$/.test(f));
  if (!worker) throw new Error('no engine worker in dist/renderer/assets: run npm run build:renderer');
  // The file is served beside the built app (a link, removed afterwards): fulfilling a request with
  // it through playwright would send it over the DevTools pipe, which does not take hundreds of MB.
  const name = `bench-data.${file.split('.').pop()}`;
  const link = resolve(root, 'dist/renderer', name);
  rmSync(link, { force: true });
  symlinkSync(file, link);
  const browser = await launchChromium();
  const { server, url } = (await serveRenderer(0)) as { server: import('node:http').Server; url: string };
  let peak = 0;
  // BENCH_TRACE=1: the largest process's memory over time, with the page's steps (to find a peak's step).
  const trace = process.env.BENCH_TRACE === '1';
  const t0 = Date.now();
  const sampler = setInterval(() => {
    const mb = chromiumRssMb();
    peak = Math.max(peak, mb);
    if (trace) console.error(`trace ${((Date.now() - t0) / 1000).toFixed(2)} s ${mb.toFixed(0)} MB`);
  }, 250);
  try {
    const page = await browser.newPage();
    page.on('crash', () => console.error('Chromium: the page crashed'));
    page.on('console', (m) => (m.type() === 'error' ? console.error(`Chromium console: ${m.text()}`) : trace ? console.error(`trace ${((Date.now() - t0) / 1000).toFixed(2)} s page: ${m.text()}`) : undefined));
    // An empty page of the app's origin, so that the built worker loads as the app loads it.
    await page.route('**/bench-page', (route) => route.fulfill({ body: '<!doctype html><title>bench</title>', contentType: 'text/html' }));
    await page.goto(new URL('bench-page', url).href);
    const arg = {
      workerUrl: new URL(`assets/${worker}`, url).href,
      name,
      analysis: importOnly ? null : analysisFileFor(),
      edits: EDITS.map((h) => analysisFileFor(h)),
    };
    const out = (await page.evaluate(`(${PAGE_SCRIPT})(${JSON.stringify(arg)})`)) as PageResult;
    return { out, peak };
  } finally {
    clearInterval(sampler);
    rmSync(link, { force: true });
    server.close();
    await browser.close();
  }
}

interface PageResult {
  load: number;
  first: number;
  recompute: number[];
  timings: Record<string, number>;
  estimates: number;
}

async function measureChromium(file: string): Promise<Timing> {
  const t = emptyTiming();
  for (let i = 0; i < runs; i++) {
    const { out, peak } = await inChromium(file, false);
    t.import.push(out.load);
    t.first.push(out.load + out.first);
    record(t, out.first, out.timings);
    t.recompute.push(out.recompute[0]!);
    t.later.push(...out.recompute.slice(1));
    t.estimates = out.estimates;
    t.peakMb = Math.max(t.peakMb, peak);
  }
  return t;
}

/** Import alone (the raw table loaded; in Chromium also the Data step's profile), per engine. */
async function measureImport(kind: EngineKind, file: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (kind === 'chromium') {
      times.push((await inChromium(file, true)).out.load);
      continue;
    }
    const engine = kind === 'native' ? await createNativeEngine({ files: [file] }) : await createNodeWasmEngine();
    const t0 = performance.now();
    await importData(engine, kind === 'native' ? fileSource(file) : bytesSource(basename(file), new Uint8Array(readFileSync(file))));
    times.push(performance.now() - t0);
    await engine.close();
  }
  return times;
}

/** The benchmark's analysis file for the command line: the standard table set on `file`. */
function analysisPathFor(file: string): string {
  const path = file.replace(/\.csv$/, '.analysis.json');
  writeFileSync(path, JSON.stringify({ ...analysisFileFor(), data: { path: file } }, null, 2));
  return path;
}

/** Columns of the generated CSV and their types for the baseline's typed read. */
const CSV_COLUMNS = 'psu,stratum,weight,sex,age,region,area,econ_hours,chores_hours,absent_job,isic2,isco4,night_work,heavy_loads,dangerous_tools,dust_fumes,extreme_temp'.split(',');

/**
 * The spec of the plain-SQL baseline (scripts/bench/baseline.mjs) for the standard table set: the
 * typed columns under the `survey` table's names, the distinct indicator expressions of the five
 * presets (classify.ts: the framework definitions, the same for both) and the breakdowns.
 */
function baselineSpecFor(file: string): string {
  const a = analysisFor();
  const indicators: string[] = [];
  for (const fw of a.frameworks) {
    const c = classify(fw, a.mapping, a.options.missingHours);
    for (const ind of a.indicators) if (!indicators.includes(c.sql[ind])) indicators.push(c.sql[ind]);
  }
  const hazards = Object.keys(a.mapping.hazards ?? {});
  const spec = {
    csv: file,
    columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, c === 'weight' || c.endsWith('_hours') ? 'DOUBLE' : 'INTEGER'])),
    select: `stratum AS h, psu, weight AS _w, TRUE AS _in, sex, age, region, area, econ_hours, absent_job = 1 AS absent, ` +
      `chores_hours, isic2 AS industry, isco4 AS occupation, ${hazards.map((h) => `${h} = 1 AS "hz_${h}"`).join(', ')}`,
    indicators,
    ageGroups: a.ageGroups.map((g) => ({ from: g.from, to: g.to })),
    breakdowns: a.breakdowns.map((b) => b.map((d) => (d === 'age_group' ? 'ag' : d))),
  };
  const path = file.replace(/\.csv$/, '.baseline.json');
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

/** A whole process, timed from its start to its end, with its peak resident memory (GNU time). */
function timeProcess(args: string[]): { ms: number; peakMb: number } {
  const out = resolve(root, 'bench-data/.time');
  const hasTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = spawnSync(hasTime ? '/usr/bin/time' : process.execPath, hasTime ? ['-f', '%M', '-o', out, process.execPath, ...args] : args, {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${String(r.stderr).slice(-2000)}`);
  const peakMb = hasTime ? Number(readFileSync(out, 'utf8').trim().split('\n').pop()) / 1024 : 0;
  return { ms, peakMb };
}

interface EndToEnd {
  baseline: number[];
  baselinePeak: number;
  cli: number[];
  cliPeak: number;
}

/** The plain-SQL baseline and the command line, each as a whole process, alternately, `runs` times. */
function endToEnd(kind: 'native' | 'wasm', file: string): EndToEnd {
  const spec = baselineSpecFor(file);
  const analysis = analysisPathFor(file);
  const e: EndToEnd = { baseline: [], baselinePeak: 0, cli: [], cliPeak: 0 };
  for (let i = 0; i < runs; i++) {
    const b = timeProcess(['scripts/bench/baseline.mjs', spec, file.replace(/\.csv$/, `.baseline-${kind}.out.json`), kind]);
    e.baseline.push(b.ms);
    e.baselinePeak = Math.max(e.baselinePeak, b.peakMb);
    const c = timeProcess(['analysis/cli/bin.mjs', 'run', analysis, '--engine', kind, '--quiet', '--out', resolve(root, `bench-data/.results-${kind}.csv`)]);
    e.cli.push(c.ms);
    e.cliPeak = Math.max(e.cliPeak, c.peakMb);
  }
  return e;
}

/**
 * The baseline's estimates and standard errors against the app's, cell by cell: the largest relative
 * difference, and how many estimates were compared.
 */
function checkBaseline(file: string, kind: 'native' | 'wasm', rows: ResultRow[]): string {
  const out = file.replace(/\.csv$/, `.baseline-${kind}.out.json`);
  if (!existsSync(out) || !rows.length) return 'not checked';
  const a = analysisFor();
  const spec = JSON.parse(readFileSync(file.replace(/\.csv$/, '.baseline.json'), 'utf8')) as { indicators: string[] };
  const base = JSON.parse(readFileSync(out, 'utf8')) as { g: number; k: number; sex: number | null; ag: number | null; region: number | null; area: number | null; r: number; se: number }[];
  const keyOf = (k: number, cell: Record<string, string>) => JSON.stringify([k, cell.sex ?? '', cell.age_group ?? '', cell.region ?? '', cell.area ?? '']);
  const byKey = new Map(base.map((b) => [keyOf(b.k, {
    sex: b.sex === null ? '' : String(b.sex), age_group: b.ag === null ? '' : a.ageGroups[b.ag - 1]!.label, region: b.region === null ? '' : String(b.region), area: b.area === null ? '' : String(b.area),
  }), b]));
  let worst = 0;
  let compared = 0;
  for (const r of rows) {
    const fw = a.frameworks.find((f) => f.id === r.framework)!;
    const k = spec.indicators.indexOf(classify(fw, a.mapping, a.options.missingHours).sql[r.indicator]);
    const b = byKey.get(keyOf(k, r.cell));
    if (!b || r.estimate === null || r.se === null) return `MISMATCH: no baseline cell for ${r.framework} ${r.indicator} ${JSON.stringify(r.cell)}`;
    worst = Math.max(worst, Math.abs(b.r - r.estimate) / Math.abs(r.estimate || 1), Math.abs(b.se - r.se) / Math.abs(r.se || 1));
    compared++;
  }
  return `${compared} estimates and SEs, largest relative difference ${worst.toExponential(1)}`;
}

function rScript(file: string): string {
  return `suppressMessages(library(survey)); options(survey.lonely.psu = "adjust")
t <- function(e) unname(system.time(e)["elapsed"])
ti <- t(d <- read.csv("${file}", na.strings = ""))
emp <- with(d, econ_hours >= 1 | absent_job == 1)
haz <- emp & (d$isic2 %in% c(5,6,7,8,9,41,42,43) | d$isco4 %in% c(6224,7112,7212,8111,9311,9312,9612) | d$econ_hours >= 43 |
  d$night_work == 1 | d$heavy_loads == 1 | d$dangerous_tools == 1 | d$dust_fumes == 1 | d$extreme_temp == 1)
a <- d$age
d$y <- as.numeric(haz | (a <= 11 & emp) | (a >= 12 & a <= 14 & emp & d$econ_hours >= 14))
d$ag <- cut(a, c(4, 11, 14, 17), labels = c("5-11", "12-14", "15-17"))
tc <- t(des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = d, nest = TRUE))
des <- subset(des, !is.na(y))
te <- t({ svymean(~y, des); svytotal(~y, des)
  for (f in list(~sex, ~ag, ~interaction(sex, ag), ~region, ~area, ~interaction(region, sex))) {
    svyby(~y, f, des, svymean); svyby(~y, f, des, svytotal) } })
cat(ti, tc, te, "\\n")`;
}

async function main() {
  mkdirSync(resolve(root, 'bench-data'), { recursive: true });
  const lines: string[] = [];
  const say = (s: string) => {
    console.log(s);
    lines.push(s);
  };
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  say(`Machine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} runs per step, median (min-max); ` +
    `load average ${loadavg().map((x) => x.toFixed(1)).join(', ')} at the start.`);
  const baselineRows: string[] = [];
  const stepRows: string[] = [];
  const hasR = (() => {
    try {
      execFileSync('Rscript', ['-e', 'library(survey)'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const rRows: string[] = [];
  for (const n of sizes) {
    const file = resolve(root, `bench-data/children_${n}.csv`);
    if (!existsSync(file)) await generate(n, file);
    const native: Record<string, Timing> = {};
    // The plain-SQL baseline and the command line as whole processes, per engine (Chromium's baseline:
    // the same SQL in DuckDB-WASM, the app's engine, in Node).
    const ends: Partial<Record<'native' | 'wasm', EndToEnd>> = {};
    for (const kind of ['native', 'wasm'] as const) {
      if (engines.includes(kind) || (kind === 'wasm' && engines.includes('chromium'))) ends[kind] = endToEnd(kind, file);
    }
    for (const kind of engines) {
      const t = kind === 'chromium' ? await measureChromium(file) : await measure(kind, file);
      native[kind] = t;
      const e = ends[kind === 'chromium' ? 'wasm' : kind]!;
      const base = stats(e.baseline).median;
      const ratio = (xs: number[]) => `${fmt(xs)}, ${(stats(xs).median / base).toFixed(2)}x`;
      const whole = kind === 'chromium' ? t.first : e.cli;
      const check = kind === 'chromium' ? 'the app runs the core checked on wasm' : checkBaseline(file, kind, t.rows);
      baselineRows.push(
        `| ${n.toLocaleString('en')} | ${kind} | ${fmt(e.baseline)} | ${fmt(whole)} | **${(stats(whole).median / base).toFixed(2)}x** | ` +
          `${(kind === 'chromium' ? t.peakMb : e.cliPeak).toFixed(0)} MB | ${e.baselinePeak.toFixed(0)} MB | ${check} |`,
      );
      stepRows.push(
        `| ${n.toLocaleString('en')} | ${kind} | ${ratio(t.import)} | ${ratio(t.classify)} | ${ratio(t.tableSet)} | ${ratio(t.fold)} | ${ratio(t.recompute)} | ${ratio(t.later)} | ${t.estimates} | ${t.peakMb.toFixed(0)} MB |`,
      );
    }
    if (hasR && rSizes.includes(n) && native.native) {
      const out = execFileSync('Rscript', ['-e', rScript(file)], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split(/\s+/).map(Number);
      const [ri, rc, re] = out as [number, number, number];
      const nat = native.native;
      // R's table set here is ONE indicator under ONE framework; ours is 15 framework x indicator pairs.
      const perIndicator = stats(nat.tableSet).median / 1000 / 15;
      rRows.push(
        `| ${n.toLocaleString('en')} | ${ri.toFixed(2)} s | ${(stats(nat.import).median / 1000).toFixed(2)} s | ${(ri / (stats(nat.import).median / 1000)).toFixed(1)}x | ` +
          `${rc.toFixed(2)} s | ${(stats(nat.classify).median / 1000).toFixed(2)} s | ${(rc / (stats(nat.classify).median / 1000)).toFixed(1)}x | ` +
          `${re.toFixed(2)} s | ${perIndicator.toFixed(3)} s | ${(re / perIndicator).toFixed(0)}x |`,
      );
    }
  }
  say('');
  say('Against the plain-SQL baseline (scripts/bench/baseline.mjs: typed read_csv, one GROUP BY GROUPING SETS to domain x PSU, one to the cells, one variance query), ' +
    'each a whole process (`node ...`, start to results written), alternately in the same run; chromium: the app\'s load and first full table set in the page, against the baseline in DuckDB-WASM in Node:');
  say('');
  say('| children | engine | plain-SQL baseline | ours, end to end | ratio | peak memory, ours | peak memory, baseline | checked against the baseline |');
  say('|---|---|---|---|---|---|---|---|');
  for (const r of baselineRows) say(r);
  say('');
  say('Steps, in the benchmark process (native, wasm) or the page (chromium), each with its ratio to the engine\'s baseline above (chromium: the WASM baseline):');
  say('');
  say('| children | engine | import | validate, prepare, classify | full table set | of which the estimation pass | recompute after a threshold edit | later edits | estimates | peak RSS |');
  say('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of stepRows) say(r);
  if (rRows.length) {
    say('');
    say('Side by side with R survey 4.1.1 (same file; R: read.csv, svydesign, then svymean/svytotal and svyby for the seven breakdowns of ONE indicator; ours: the native engine, table set divided by its 15 framework x indicator pairs):');
    say('');
    say('| children | R read | our import | ratio | R design | our classify (all 5 presets) | ratio | R one indicator, all domains | ours per indicator | ratio |');
    say('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rRows) say(r);
  } else if (!hasR) {
    say('');
    say('R with the survey package is not installed here: no side-by-side comparison (apt-get install r-base-core r-cran-survey).');
  }
  if (formats.length) {
    say('');
    say(`Import of the same file in other formats (import alone; in Chromium the app's whole load step: import, the Data step's profile and the file's SHA-256; ${runs} runs, median (min-max)):`);
    say('');
    say(`| children | format | size | ${engines.join(' | ')} |`);
    say(`|---|---|---|${engines.map(() => '---|').join('')}`);
    for (const n of sizes) {
      const csv = resolve(root, `bench-data/children_${n}.csv`);
      for (const f of formats) {
        const file = await inFormat(csv, f);
        if (!file) {
          say(`| ${n.toLocaleString('en')} | ${f} | not written: ${f === 'parquet' ? 'DuckDB' : f === 'sav' ? 'pspp' : 'pspp and readstat'} missing (apt-get install pspp readstat) |`);
          continue;
        }
        const cells: string[] = [];
        for (const kind of engines) cells.push(fmt(await measureImport(kind, file)));
        say(`| ${n.toLocaleString('en')} | ${f} | ${(statSync(file).size / 2 ** 20).toFixed(0)} MB | ${cells.join(' | ')} |`);
      }
    }
  }
  const out = args.get('out');
  if (out) writeFileSync(resolve(root, out), lines.join('\n') + '\n');
}

await main();
