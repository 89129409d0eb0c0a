import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFile } from '../../analysis/cli/main.js';
import { NUMBER_FORMATS, workbookBytes } from '../../analysis/export/excel.js';
import { LANGS, t, type Lang } from '../../analysis/export/i18n.js';
import { buildMetadata, type ExportMetadata } from '../../analysis/export/metadata.js';
import { renderSvg } from '../../analysis/export/node.js';
import { reportHtml, type ReportChart } from '../../analysis/export/report.js';
import type { FileLabels } from '../../analysis/present/labels.js';
import { chartSpecs, type ChartSpec } from '../../analysis/present/chartSpecs.js';
import { formatNumber, formatPercent, MISSING } from '../../analysis/present/format.js';
import { longCsv } from '../../analysis/present/longCsv.js';
import { PALETTE } from '../../analysis/present/palette.js';
import { samplingErrors } from '../../analysis/present/samplingErrors.js';
import { standardTable, type StandardTable } from '../../analysis/present/standardTable.js';
import type { TableModel } from '../../analysis/present/tableModel.js';
import { chartLocale } from '../../analysis/present/chartLocale.js';
import type { AnalysisResult } from '../../analysis/run.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { I18nContext, makeI18n } from '../../renderer/components/I18n.js';
// @ts-expect-error -- as above
import { ResultsScreen } from '../../renderer/screens/ResultsScreen.js';
import { parseCsv } from '../engines.js';

/**
 * One analysis, every medium, every language: the small survey of test/fixtures/import/formats as
 * SPSS (regions and school attendance with value labels), with small-cell thresholds that flag and
 * suppress some region-by-sex cells. The table model, the Excel workbook read back, the HTML report,
 * the CSV, the chart specs and their SVG, and the Results step rendered by React must show the same
 * region names, the same formatted numbers, flags and "–", and the same palette.
 */
const DIR = new URL('../fixtures/import/formats/', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const FW = 'ilo_ge2020';
const SELECTED = { framework: FW, indicator: 'child_labour' as const };

let result: AnalysisResult;
let labels: FileLabels;
let meta: ExportMetadata;
let regions: string[];

beforeAll(async () => {
  const base = JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8'));
  delete base.$schema;
  const analysis = {
    ...base,
    data: { path: DIR + 'survey.sav' },
    // School attendance as the MICS background characteristic: headed by the language's word everywhere.
    mapping: { ...base.mapping, region: { column: 'region_code' }, background: { school_attendance: 'school' } },
    // Boys and girls by age (coloured bars), by region (flagged cells); area without sex ("–" cells).
    breakdowns: [...base.breakdowns, ['sex', 'age_group']],
    options: { ...base.options, smallCell: { rule: 'mics-dhs', suppressBelow: 45, parenthesesBelow: 60 } },
  };
  const file = join(mkdtempSync(join(tmpdir(), 'clstats-media-')), 'survey.analysis.json');
  writeFileSync(file, JSON.stringify(analysis));
  const run = await runFile(file);
  result = run.result;
  labels = run.imported.labels;
  meta = buildMetadata(result, { sourceName: 'survey.sav', sourceSha256: null, appVersion: '0.1.0', createdAt: '2025-01-01T00:00:00.000Z', labels });
  regions = Object.values(labels.values.region_code!);
});

const decode = (s: string) =>
  s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&').trim();

/** Every row of every table in an HTML text, as the texts of its cells. */
const htmlRows = (html: string): string[][] =>
  [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1]!)));

/** The model's rows as a text medium must show them: label, then each cell's text. */
const modelRows = (t: TableModel): string[][] => t.lines.filter((l) => l.kind !== 'group').map((l) => [l.label, ...l.cells.map((c) => c.text)]);

/** An Excel cell as Excel displays it under its number format, written in `lang`. */
function excelText(lang: Lang, cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v !== 'number') return String(v ?? '');
  const f = cell.numFmt;
  if (f === NUMBER_FORMATS.percentCaution) return `(${formatNumber(lang, v, 1)})`;
  if (f === NUMBER_FORMATS.gap) return v === 0 ? formatNumber(lang, v, 1) : `${v > 0 ? '+' : '-'}${formatNumber(lang, Math.abs(v), 1)}`;
  const digits: Record<string, number> = { [NUMBER_FORMATS.percent]: 1, [NUMBER_FORMATS.se]: 2, [NUMBER_FORMATS.count]: 0, [NUMBER_FORMATS.p]: 3 };
  return formatNumber(lang, v, digits[f] ?? 2);
}

/** A sheet's rows as the model's: an interval's two cells read as one "lower–upper" text. */
function sheetRows(lang: Lang, ws: ExcelJS.Worksheet, table: TableModel): string[][] {
  const cols = table.groups.flatMap((g) => g.columns);
  const out: string[][] = [];
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (!table.lines.some((l) => l.kind !== 'group' && l.label === label)) return;
    const texts = [String(label)];
    let c = 2;
    for (const col of cols) {
      if (col.kind !== 'interval') {
        texts.push(excelText(lang, row.getCell(c++)));
        continue;
      }
      const [lo, hi] = [excelText(lang, row.getCell(c++)), excelText(lang, row.getCell(c++))];
      const caution = lo.startsWith('(');
      texts.push(lo === MISSING ? MISSING : caution ? `(${lo.slice(1, -1)}–${hi.slice(1, -1)})` : `${lo}–${hi}`);
    }
    out.push(texts);
  });
  return out;
}

describe.each(LANGS)('one analysis in every medium (%s)', (lang) => {
  let table: StandardTable;
  let errors: TableModel;
  let specs: ChartSpec[];
  let svgs: ReportChart[];
  let html: string;
  beforeAll(async () => {
    table = standardTable(result, lang, FW, 'child_labour', { labels, sourceName: 'survey.sav' })!;
    errors = samplingErrors(result, lang, { framework: FW, labels })!;
    specs = chartSpecs(result, { lang, framework: FW, labels, reference: 'africa' });
    svgs = await renderSvg(specs);
    html = reportHtml(result, meta, { lang, framework: FW, labels, charts: svgs });
  });

  const regionLines = () => table.lines.filter((l) => l.kind === 'value' && l.dim === 'region');
  /** The total column's estimate of each region, as the table writes it. */
  const regionEstimates = () => new Map(regionLines().map((l) => [l.label, l.cells[table.groups[0]!.columns.length * 2]!.text]));

  it('the table model: regions by their value labels, flags in parentheses and "*", "–" where there is no figure', () => {
    expect(regionLines().map((l) => l.label)).toEqual(regions);
    const texts = table.lines.flatMap((l) => l.cells.map((c) => c.text));
    expect(texts.some((x) => /^\(.+\)$/.test(x))).toBe(true);
    expect(texts).toContain('*');
    expect(texts).toContain(MISSING);
    expect(table.footnotes.map((n) => n.id)).toEqual(expect.arrayContaining(['flags', 'missing', 'gap']));
    // Numbers in the language's own format: 39.6 / 39,6.
    const decimal = chartLocale(lang).number.decimal;
    expect(regionEstimates().get(regions[0]!)).toMatch(new RegExp(`^\\d+\\${decimal}\\d$`));
  });

  it('the background characteristic: one heading, the language’s word, in the table, the workbook, the report and the app', async () => {
    const heading = t(lang, 'bg.school_attendance');
    expect(table.lines.filter((l) => l.kind === 'group').map((l) => l.label).at(-1)).toBe(heading);
    expect(table.lines.filter((l) => l.dim === 'school' && l.kind === 'value').map((l) => l.label)).toEqual(Object.values(labels.values.school!));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBytes(result, meta, { lang, labels, framework: FW })) as unknown as ArrayBuffer);
    const firsts: unknown[] = [];
    wb.worksheets.find((w) => w.name.startsWith(`${table.n} `))!.eachRow((row) => firsts.push(row.getCell(1).value));
    expect(firsts).toContain(heading);
    expect(htmlRows(html).map((r) => r[0])).toContain(heading);
    const screen = renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n(lang) }, createElement(ResultsScreen, { result, labels, selected: SELECTED, onSelect: () => undefined })),
    );
    expect(htmlRows(screen).map((r) => r[0])).toContain(heading);
    // The metadata names the column by the same word.
    expect(decode(/<table class="meta">([\s\S]*?)<\/table>/.exec(html)![1]!)).toContain(heading);
  });

  it('Excel: the same names and the same numbers, stored as numbers under display formats', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBytes(result, meta, { lang, labels, framework: FW })) as unknown as ArrayBuffer);
    const ws = wb.worksheets.find((w) => w.name.startsWith(`${table.n} `))!;
    expect(sheetRows(lang, ws, table)).toEqual(modelRows(table));
    // One sampling-errors sheet per framework, in the analysis' order, whichever framework is shown.
    const sheets = wb.worksheets.filter((w) => w.name.startsWith(t(lang, 'sheet.samplingErrors')));
    const frameworks = result.analysis.frameworks;
    expect(frameworks.length).toBeGreaterThan(1);
    expect(sheets.length).toBe(frameworks.length);
    frameworks.forEach((fw, i) => {
      const model = samplingErrors(result, lang, { framework: fw.id, labels })!;
      expect(sheetRows(lang, sheets[i]!, model)).toEqual(modelRows(model));
    });
  });

  it('report (HTML, and so the PDF): the same table and sampling errors, cell for cell', () => {
    const rows = htmlRows(html);
    for (const t of [table, errors]) expect(rows).toEqual(expect.arrayContaining(modelRows(t)));
    // Every framework's sampling errors, each under an id of its own.
    for (const fw of result.analysis.frameworks) expect(html).toContain(`id="sampling-errors-${fw.id}"`);
  });

  it('Results step (React): the same table and sampling errors, cell for cell, in the palette of the charts', () => {
    const screen = renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n(lang) }, createElement(ResultsScreen, { result, labels, selected: SELECTED, onSelect: () => undefined })),
    );
    const rows = htmlRows(screen);
    for (const t of [table, errors]) expect(rows).toEqual(expect.arrayContaining(modelRows(t)));
    for (const r of regions) expect(screen).toContain(`>${r}</th>`);
    const css = readFileSync(join(ROOT, 'renderer/styles.css'), 'utf8').toLowerCase();
    for (const k of ['male', 'female', 'total'] as const) expect(css).toContain(`.group-${k} { box-shadow: inset 0 -3px 0 ${PALETTE[k].toLowerCase()}; }`);
  });

  it('CSV: region_label and school_label from the file; its numbers write as the table does', () => {
    const rows = parseCsv(longCsv(result, labels));
    expect(Object.keys(rows[0]!).filter((k) => k.endsWith('_label'))).toEqual(['sex_label', 'area_label', 'region_label', 'school_label']);
    const byRegion = rows.filter((r) => r.framework === FW && r.indicator === 'child_labour' && r.breakdown === 'region');
    expect(byRegion.map((r) => r.region_label)).toEqual(regions);
    const estimates = regionEstimates();
    for (const r of byRegion) {
      const shown = r.flag === 'suppressed' ? '*' : r.flag === 'caution' ? `(${formatPercent(lang, Number(r.estimate))})` : formatPercent(lang, Number(r.estimate));
      expect(shown).toBe(estimates.get(r.region_label!));
    }
    expect(rows.find((r) => r.breakdown === 'school' && r.school === '1')!.school_label).toBe('Fréquente');
  });

  it('charts (spec and SVG): the same names and labels, the one palette, the GE 2020 line, the language’s number format', () => {
    const regionSpec = specs.find((c) => c.id === 'regions')!.spec as { layer: { data: { values: { group: string; label: string }[] } }[]; config: { locale: unknown } };
    const data = regionSpec.layer[0]!.data.values;
    expect(new Set(data.map((d) => d.group))).toEqual(new Set(regions));
    const estimates = regionEstimates();
    for (const d of data) expect(d.label).toBe(estimates.get(d.group));
    expect(regionSpec.config.locale).toEqual(chartLocale(lang));
    const text = JSON.stringify(specs);
    expect(text).not.toMatch(/"ci0"|"ci1"|"extent":"ci"|"errorbar"|"errorband"/);
    const svg = Object.fromEntries(svgs.map((s) => [s.id, s.svg.toLowerCase()]));
    for (const r of regions) expect(svgs.find((s) => s.id === 'regions')!.svg).toContain(r);
    for (const label of estimates.values()) expect(svgs.find((s) => s.id === 'regions')!.svg).toContain(`>${label}<`);
    expect(svgs.find((s) => s.id === 'regions')!.svg).toContain(`${t(lang, 'ref.africa')} ${formatPercent(lang, 0.216)}\u00a0%`);
    expect(svg.regions).toContain(PALETTE.total.toLowerCase());
    expect(svg.regions).toContain(PALETTE.reference.toLowerCase());
    for (const k of ['male', 'female', 'total'] as const) expect(svg.sex_age).toContain(PALETTE[k].toLowerCase());
    // The report carries the same SVG.
    expect(html).toContain(`>${[...estimates.values()][0]}<`);
  });

  it('the GE 2020 reference line is drawn beside GE 2020 child labour only, not beside hazardous work (a walk)', () => {
    const name = t(lang, 'ref.africa');
    expect(JSON.stringify(specs.find((c) => c.id === 'regions')!.spec)).toContain(name);
    const other = chartSpecs(result, { lang, framework: FW, indicator: 'hazardous_work', labels, reference: 'africa' });
    expect(JSON.stringify(other.find((c) => c.id === 'regions')!.spec)).not.toContain(name);
  });

  it('metadata in words in the workbook and the report: no JSON', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBytes(result, meta, { lang, labels })) as unknown as ArrayBuffer);
    const values: string[] = [];
    wb.getWorksheet(wb.worksheets.at(-1)!.name)!.eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
    expect(values.filter((v) => /^[{[]|"column"|"rule"/.test(v))).toEqual([]);
    expect(values).toContain(t(lang, 'words.sex', { column: 'sex', male: '1', female: '2' }));
    const metaHtml = /<table class="meta">([\s\S]*?)<\/table>/.exec(html)![1]!;
    expect(decode(metaHtml)).not.toMatch(/\{"|"rule"/);
  });
});
