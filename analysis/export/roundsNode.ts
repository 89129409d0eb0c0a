/* eslint-disable no-restricted-imports -- Node-only, as node.ts: `clstats export` on an analysis file with rounds. */
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { loadRoundsFile, runRoundsFile } from '../cli/rounds.js';
import { checkOutput, writeOutput } from '../cli/paths.js';
import { AnalysisError, formatMessageIn } from '../messages.js';
import { trendChartSpecs } from '../present/trendCharts.js';
import { changesCsv } from '../rounds/changesCsv.js';
import { roundsCsv, roundsJson } from '../rounds/roundsCsv.js';
import { buildMetadata, type ExportMetadata } from './metadata.js';
import { renderPng, renderSvg, sha256File, type ExportIo, type ExportOptions } from './node.js';
import { roundsWorkbookBytes } from './roundsExcel.js';
import { roundsReportHtml } from './roundsReport.js';
import { rScriptRounds } from './rscriptRounds.js';

/**
 * `clstats export` on an analysis file with survey rounds: every round run as `clstats run` runs them
 * (analysis/cli/rounds.ts), then the rounds' exports, beside the single-round ones of node.ts:
 *   --xlsx   the rounds workbook (trend tables, changes, every estimate, each round's metadata)
 *   --csv    every round's rows with `round` first; the changes beside it (FILE without .csv +
 *            .changes.csv); each round's metadata in FILE.metadata.json
 *   --json   every round's metadata, rows and gaps and the changes, with the export metadata
 *   --html   the rounds report (rounds, trend tables, trend charts, each round's metadata)
 *   --vega, --svg, --png  the trend charts (trend_sex.svg, trend_regions.png, ...)
 *   --r      the R script that recomputes every round and every change (rscriptRounds.ts)
 * The do-file is a single round's: it is refused here with what to do instead.
 */
export const changesPath = (csv: string) => `${csv.replace(/\.csv$/i, '')}.changes.csv`;

function planned(o: ExportOptions, chartIds: string[]): [string, string][] {
  const files: [string, string][] = [];
  for (const k of ['csv', 'json', 'xlsx', 'html', 'r'] as const) if (o[k]) files.push([`--${k}`, o[k]]);
  if (o.csv) files.push(['--csv', changesPath(o.csv)], ['--csv', `${o.csv}.metadata.json`]);
  for (const [k, ext] of [['vega', '.vl.json'], ['svg', '.svg'], ['png', '.png']] as const) {
    const dir = o[k];
    if (dir) for (const id of chartIds) files.push([`--${k}`, join(dir, `${id}${ext}`)]);
  }
  return files;
}

export async function roundsExportCommand(o: ExportOptions, json: unknown, io: ExportIo, createdAt: Date): Promise<number> {
  const file = o.file!;
  if (o.stata) {
    throw new AnalysisError('CLI_USAGE', { detail: `--stata reproduces one round: export it from an analysis file of that round (clstats export --help)` });
  }
  const { paths } = loadRoundsFile(file, json);
  const inputs = [file, ...paths.flatMap((p) => [p.main, ...p.joins])];
  for (const [option, p] of planned(o, [])) checkOutput(option, p, inputs);
  const progress = o.quiet ? undefined : (s: string) => io.err(s + '\n');
  const { rounds, result: rr } = await runRoundsFile(file, json, o.engine, progress);
  for (const r of rr.rounds) for (const m of r.result.messages) if (!o.quiet || m.severity !== 'info') io.err(`${r.label}: ${formatMessageIn(m, o.lang)}\n`);
  const write = (f: string, data: string | Uint8Array) => {
    checkOutput('clstats export', f, inputs);
    mkdirSync(dirname(resolve(f)), { recursive: true });
    writeOutput(f, data);
    if (!o.quiet) io.err(`wrote ${f}\n`);
  };
  try {
    const metas: ExportMetadata[] = [];
    for (const [i, r] of rr.rounds.entries()) {
      metas.push(buildMetadata(r.result, {
        sourceName: basename(paths[i]!.main),
        sourceSha256: await sha256File(paths[i]!.main),
        analysisFile: basename(file),
        appVersion: io.version,
        createdAt,
        ...(r.labels ? { labels: r.labels } : {}),
      }));
    }
    const specs = trendChartSpecs(rr, { lang: o.lang, framework: o.framework });
    for (const [option, p] of planned(o, specs.map((c) => c.id))) checkOutput(option, p, inputs);
    if (o.csv) {
      write(o.csv, roundsCsv(rr));
      write(changesPath(o.csv), changesCsv(rr.rounds, rr.changes));
      write(`${o.csv}.metadata.json`, JSON.stringify({ title: rounds.title, rounds: rr.rounds.map((r, i) => ({ label: r.label, year: r.year ?? null, metadata: metas[i] })) }, null, 2) + '\n');
    }
    if (o.json) write(o.json, roundsJson(rr, { export: metas }, rounds.title));
    // The script reads each round's data file by its path from the script's folder.
    if (o.r) write(o.r, rScriptRounds(rounds, rr, metas, { dataPaths: paths.map((p) => relative(dirname(resolve(o.r!)), p.main).split(sep).join('/')) }));
    if (o.xlsx) write(o.xlsx, await roundsWorkbookBytes(rr, metas, { lang: o.lang, title: rounds.title }));
    if (o.vega) for (const c of specs) write(join(o.vega, `${c.id}.vl.json`), JSON.stringify(c.spec, null, 2) + '\n');
    if (o.svg || o.png || o.html) {
      const svgs = await renderSvg(specs);
      if (o.svg) for (const s of svgs) write(join(o.svg, `${s.id}.svg`), s.svg);
      if (o.html) write(o.html, roundsReportHtml(rr, metas, { lang: o.lang, framework: o.framework, charts: svgs, survey: rounds.title }));
      if (o.png) for (const p of await renderPng(svgs, o.dpi)) write(join(o.png, `${p.id}.png`), p.png);
    }
    return 0;
  } catch (e) {
    if (e instanceof AnalysisError) throw e;
    io.err(`error EXPORT_FAILED: ${(e as Error).message}\n`);
    return 1;
  }
}
