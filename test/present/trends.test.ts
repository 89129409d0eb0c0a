import ExcelJS from 'exceljs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { NUMBER_FORMATS } from '../../analysis/export/excel.js';
import { LANGS, t, type Lang } from '../../analysis/export/i18n.js';
import { runRoundsFile, roundsJsonOf } from '../../analysis/cli/rounds.js';
import { buildMetadata, type ExportMetadata } from '../../analysis/export/metadata.js';
import { renderSvg } from '../../analysis/export/node.js';
import { roundsWorkbookBytes } from '../../analysis/export/roundsExcel.js';
import { roundsReportHtml } from '../../analysis/export/roundsReport.js';
import { fill } from '../../analysis/i18n/index.js';
import { chartLocale } from '../../analysis/present/chartLocale.js';
import { formatCount, formatP, formatPercent, formatPoints, MISSING } from '../../analysis/present/format.js';
import { PALETTE } from '../../analysis/present/palette.js';
import { CHANGE_COLUMNS } from '../../analysis/rounds/changesCsv.js';
import { standardTable } from '../../analysis/present/standardTable.js';
import type { TableModel } from '../../analysis/present/tableModel.js';
import { trendChartSpecs, type TrendDatum } from '../../analysis/present/trendCharts.js';
import { SIGNIFICANT, trendTable, type TrendLine, type TrendTable } from '../../analysis/present/trendTable.js';
import type { ChangeRow, RoundsResult } from '../../analysis/rounds/types.js';
import type { AnalysisResult, ResultRow } from '../../analysis/run.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { TableView } from '../../renderer/components/TableView.js';
import { ROUND_A, ROUND_B, sampleRounds } from './roundsFixture.js';

/**
 * Survey rounds in the presentation layer: the trend table (its rows are the standard table's, its
 * numbers the changes' own), the not-comparable words in every language, the trend charts (each
 * round's own interval), the rounds' CSVs, workbook, report and the screen's table. The two rounds
 * are real runs of the MICS sample (roundsFixture.ts); the changes are computed there by the issue's
 * formulas, independently of the core.
 */
const FW = 'ilo_ge2020';
const REGIONS: Record<string, string> = { '1': 'Northern Highlands', '2': 'Eastern Plains', '3': 'Central', '4': 'Western Coast', '5': 'Southern Lakes', '6': 'Capital District' };

let rr: RoundsResult;
let b: AnalysisResult;

beforeAll(async () => {
  const s = await sampleRounds();
  // The core hands each round its labels (with the shared categories for recoded dimensions).
  const labels = { variables: {}, values: { HH7: REGIONS } };
  rr = { ...s.rr, rounds: s.rr.rounds.map((r) => ({ ...r, labels: { ...labels, missing: {}, declaredMissing: {} } })) };
  b = s.b;
}, 120_000);

const same = (x: Record<string, string>, y: Record<string, string>) => {
  const keep = (c: Record<string, string>) => JSON.stringify(Object.entries(c).filter(([, v]) => v !== '').sort());
  return keep(x) === keep(y);
};
/** The change of a line's domain, found in the core's list by cell. */
const changeOf = (rows: ChangeRow[], ind: string, line: TrendLine) =>
  rows.find((c) => c.framework === FW && c.indicator === ind && same(c.cell, line.rows[1]?.cell ?? line.rows[0]!.cell))!;
const valueLines = (tb: TrendTable) => tb.lines.filter((l) => l.kind !== 'group');
const modelRows = (tb: TableModel): string[][] => tb.lines.filter((l) => l.kind !== 'group').map((l) => [l.label, ...l.cells.map((c) => c.text)]);
const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&').trim();
const htmlRows = (html: string): string[][] =>
  [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1]!)));

describe('the trend table', () => {
  it('rows: total, sex, then the standard table’s characteristics in its order and with its names', () => {
    const tb = trendTable(rr, 'en', FW, 'child_labour')!;
    const std = standardTable(b, 'en', FW, 'child_labour', { labels: rr.rounds[1]!.labels })!;
    expect(tb.lines[0]!.label).toBe(t('en', 'dim.total'));
    expect(tb.lines.filter((l) => l.kind === 'group').map((l) => l.dim)).toEqual(['sex', ...std.lines.filter((l) => l.kind === 'group').map((l) => l.dim)]);
    expect(tb.lines.filter((l) => l.dim === 'sex' && l.kind === 'value').map((l) => l.label)).toEqual([t('en', 'sex.male'), t('en', 'sex.female')]);
    for (const dim of std.lines.filter((l) => l.kind === 'group').map((l) => l.dim)) {
      const names = (lines: { dim: string; kind: string; label: string }[]) => lines.filter((l) => l.dim === dim).map((l) => l.label);
      expect(names(tb.lines), dim).toEqual(names(std.lines));
    }
    expect(tb.lines.filter((l) => l.dim === 'region' && l.kind === 'value').map((l) => l.label)).toEqual(Object.values(REGIONS));
  });

  it('columns: each round (its label and year as the heading), then the change between them', () => {
    const tb = trendTable(rr, 'en', FW, 'child_labour')!;
    expect(tb.groups.map((g) => g.label)).toEqual([ROUND_A, ROUND_B, `Change, ${ROUND_A} to ${ROUND_B}`]);
    expect(tb.groups.map((g) => g.columns.map((c) => c.key))).toEqual([
      ['estimate', 'ci', 'n'], ['estimate', 'ci', 'n'], ['difference', 'se', 'ci', 'p', 'mark', 'relative', 'aarr'],
    ]);
    // Without years there is no AARR; a round label without its year gets it in the heading.
    const noYears = trendTable({ ...rr, rounds: rr.rounds.map((r, i) => ({ ...r, label: `Round ${i + 1}`, year: i === 0 ? 2017 : undefined })), changes: rr.changes.map((c) => ({ ...c, from: 'Round 1', to: 'Round 2' })) }, 'en', FW, 'child_labour')!;
    expect(noYears.groups.map((g) => g.label)).toEqual(['Round 1 (2017)', 'Round 2', 'Change, Round 1 to Round 2']);
    expect(noYears.groups[2]!.columns.map((c) => c.key)).not.toContain('aarr');
  });

  it('each round’s cells are its own estimate, interval and n; the change’s are the ChangeRow’s numbers', () => {
    const tb = trendTable(rr, 'en', FW, 'child_labour')!;
    for (const line of valueLines(tb)) {
      const [r1, r2] = line.rows as [ResultRow, ResultRow];
      expect(line.cells.slice(0, 3).map((c) => c.numbers)).toEqual([[r1.estimate! * 100], [r1.ci_low! * 100, r1.ci_high! * 100], [r1.n_unweighted]]);
      expect(line.cells[3]!.numbers).toEqual([r2.estimate! * 100]);
      const c = changeOf(rr.changes, 'child_labour', line);
      expect(line.changes[0]).toBe(c);
      const [diff, se, ci, p, mark, rel, aarr] = line.cells.slice(6);
      expect(diff!.numbers).toEqual([c.difference! * 100]);
      expect(diff!.text).toBe(formatPoints('en', c.difference));
      // The change's SE, sqrt(se_1^2 + se_2^2), as the screen asks for it beside the change and its p (a walk).
      expect(se!.numbers[0]).toBeCloseTo(Math.sqrt(r1.se! ** 2 + r2.se! ** 2) * 100, 12);
      expect(se!.text).toBe(formatPercent('en', c.difference_se, 2));
      expect(ci!.numbers).toEqual([c.ci_low! * 100, c.ci_high! * 100]);
      expect(ci!.text).toBe(`${formatPoints('en', c.ci_low)} to ${formatPoints('en', c.ci_high)}`);
      expect(p!.text).toBe(formatP('en', c.p_value));
      expect(rel!.numbers).toEqual([c.relative_change! * 100]);
      expect(aarr!.numbers).toEqual([c.aarr! * 100]);
      expect(mark!.text).toBe(c.p_value! < 0.05 ? SIGNIFICANT : '');
      expect(!!diff!.strong).toBe(c.p_value! < 0.05);
    }
    const marks = valueLines(tb).map((l) => l.cells[10]!.text);
    expect(marks).toContain(SIGNIFICANT);
    expect(marks).toContain('');
    expect(tb.footnotes.map((n) => n.id)).toEqual(expect.arrayContaining(['columns', 'test', 'mark', 'round', 'definition']));
    expect(tb.footnotes.find((n) => n.id === 'mark')!.text).toBe(`${SIGNIFICANT} The change is significant at the 0.05 level (p < 0.05).`);
    // The missing-hours rule of every round is said, as under a single round's table (a walk).
    expect(tb.footnotes.find((n) => n.id === 'designChoice')!.text).toMatch(/^Missing hours( \(MICS convention\))?: /);
  });

  it('a suppressed estimate in either round withholds the change ("–"), as it withholds a boys-girls gap', () => {
    const b2 = { ...b, rows: b.rows.map((r) => (r.framework === FW && r.indicator === 'child_labour' && r.breakdown === 'region' && r.cell.region === '1' ? { ...r, flag: 'suppressed' as const } : r)) };
    const tb = trendTable({ ...rr, rounds: [rr.rounds[0]!, { ...rr.rounds[1]!, result: b2 }] }, 'en', FW, 'child_labour')!;
    const line = tb.lines.find((l) => l.id === 'region-1')!;
    expect(line.cells[3]!.text).toBe('*');
    expect(line.cells.slice(6).map((c) => c.text)).toEqual(Array(7).fill(MISSING));
    expect(line.cells.slice(6).flatMap((c) => c.numbers)).toEqual([]);
    expect(tb.footnotes.map((n) => n.id)).toContain('missing');
  });
});

describe('a category of one round only', () => {
  it('its "–" says no child of that round is in it, naming round and category, in every language; not "not estimated"', () => {
    const b2 = { ...b, rows: b.rows.filter((r) => r.cell.region !== '6') };
    const one = { ...rr, rounds: [rr.rounds[0]!, { ...rr.rounds[1]!, result: b2 }], changes: rr.changes.filter((c) => c.cell.region !== '6') };
    const round = rr.rounds[1]!.label;
    for (const lang of LANGS) {
      const tb = trendTable(one, lang, FW, 'child_labour')!;
      const line = tb.lines.find((l) => l.id === 'region-6')!;
      expect(line.absentIn).toEqual([round]);
      expect(line.cells[0]!.text).not.toBe(MISSING);
      expect(line.cells.slice(3).map((c) => c.text)).toEqual(Array(line.cells.length - 3).fill(MISSING));
      expect(tb.lines.filter((l) => l.absentIn).map((l) => l.id)).toEqual(['region-6']);
      const ids = tb.footnotes.map((n) => n.id);
      expect(ids).toContain('absent');
      expect(ids).not.toContain('missing');
      const note = tb.footnotes.find((n) => n.id === 'absent')!.text;
      expect(note).toContain(round);
      expect(note).toContain('Capital District');
      expect(note).toContain('mapping.region.recode');
    }
    // Both rounds have every region: no such note.
    expect(trendTable(rr, 'en', FW, 'child_labour')!.footnotes.map((n) => n.id)).not.toContain('absent');
  });
});

describe.each(LANGS)('not comparable, in %s', (lang: Lang) => {
  const words: Record<Lang, string> = { en: 'not comparable', fr: 'non comparable', es: 'no comparable' };
  it('a round without a module shows the words and why instead of numbers', () => {
    // As the core marks a change when the earlier round has no industry (ISIC) column.
    const changes = rr.changes.map((c) =>
      c.indicator !== 'hazardous_work' ? c : { ...c, difference: null, difference_se: null, ci_low: null, ci_high: null, p_value: null, not_comparable: { kind: 'module' as const, round: ROUND_A, roles: ['industry'] } },
    );
    const tb = trendTable({ ...rr, changes }, lang, FW, 'hazardous_work')!;
    for (const line of valueLines(tb)) {
      const cells = line.cells.slice(6);
      expect(cells[0]!.text).toBe(`${words[lang]} (${ROUND_A})`);
      expect(cells.flatMap((c) => c.numbers)).toEqual([]);
      // Each round's own estimate stays.
      expect(line.cells[0]!.numbers).toEqual([line.rows[0]!.estimate! * 100]);
    }
    const note = tb.footnotes.find((n) => n.id === 'notComparable')!.text;
    expect(note).toContain(ROUND_A);
    expect(note).toContain(fill(lang, '{roles}', { roles: 'industry' }));
    expect(note).not.toContain('industry,');
    // Child labour, which the change list still compares, keeps its numbers.
    expect(trendTable({ ...rr, changes }, lang, FW, 'child_labour')!.lines[0]!.cells[6]!.numbers).toHaveLength(1);
  });

  it('a round of fewer ages: its totals read "not comparable", its age groups keep their change, a note names the ages', () => {
    // As the core marks the changes of domains spanning ages only one round has children in (change.ts ageGap).
    const changes = rr.changes.map((c) =>
      c.cell.age_group === '5-11' ? c : { ...c, difference: null, difference_se: null, ci_low: null, ci_high: null, p_value: null, not_comparable: { kind: 'ages' as const, round: ROUND_B, lacking: [{ round: ROUND_B, ages: ['15-17'] }] } },
    );
    const tb = trendTable({ ...rr, changes }, lang, FW, 'child_labour')!;
    const total = valueLines(tb)[0]!;
    expect(total.cells[6]!.text).toBe(`${words[lang]} (${ROUND_B})`);
    expect(total.cells[0]!.numbers).toEqual([total.rows[0]!.estimate! * 100]);
    const young = valueLines(tb).find((l) => l.rows[0]?.cell.age_group === '5-11')!;
    expect(young.cells[6]!.numbers).toHaveLength(1);
    const note = tb.footnotes.find((n) => n.id === 'notComparableAges')!.text;
    expect(note).toContain(ROUND_B);
    expect(note).toContain('15-17');
    // The regions' slope chart says no change was computed, not "not significant" (a walk).
    const slope = trendChartSpecs({ ...rr, changes }, { lang, framework: FW }).find((s) => s.id === 'trend_regions')!.spec as { data: { values: { change: string }[] } };
    expect(new Set(slope.data.values.map((v) => v.change))).toEqual(new Set([t(lang, 'trend.chart.noChange')]));
    // The lines over the rounds break where the change is not comparable: each round's point stays, no line joins them.
    const sex = trendChartSpecs({ ...rr, changes }, { lang, framework: FW }).find((x) => x.id === 'trend_sex')!.spec as { data: { values: TrendDatum[] } };
    expect(sex.data.values.filter((v) => v.series === t(lang, 'sex.total')).map((v) => v.piece)).toEqual([0, 1]);
    const joined = trendChartSpecs(rr, { lang, framework: FW }).find((x) => x.id === 'trend_sex')!.spec as { data: { values: TrendDatum[] } };
    expect(new Set(joined.data.values.map((v) => v.piece))).toEqual(new Set([0]));
  });

  it('numbers in the language’s format', () => {
    const tb = trendTable(rr, lang, FW, 'child_labour')!;
    const total = tb.lines[0]!;
    const c = total.changes[0]!;
    expect(total.cells[6]!.text).toBe(formatPoints(lang, c.difference));
    expect(total.cells[2]!.text).toBe(formatCount(lang, total.rows[0]!.n_unweighted));
    expect(total.cells[0]!.text).toContain(chartLocale(lang).number.decimal);
  });
});

describe('the trend charts', () => {
  it('boys, girls and total over the rounds: points at each round with its own interval, the one palette', () => {
    const specs = trendChartSpecs(rr, { lang: 'en', framework: FW });
    expect(specs.map((s) => s.id)).toEqual(['trend_sex', 'trend_age', 'trend_regions', 'trend_area']);
    const spec = specs[0]!.spec as { data: { values: TrendDatum[] }; encoding: { color: { scale: { domain: string[]; range: string[] } }; x: { axis: { values: number[] } } } };
    expect(spec.encoding.color.scale.domain).toEqual(['Boys', 'Girls', 'Total']);
    expect(spec.encoding.color.scale.range).toEqual([PALETTE.male, PALETTE.female, PALETTE.total]);
    expect(spec.encoding.x.axis.values).toEqual([2017, 2023]);
    const m = b.analysis.mapping.sex;
    for (const [i, r] of rr.rounds.entries()) {
      for (const [series, cell] of [['Boys', { sex: m.male }], ['Girls', { sex: m.female }], ['Total', {}]] as const) {
        const row = r.result.rows.find((x) => x.framework === FW && x.indicator === 'child_labour' && x.breakdown === (Object.keys(cell).length ? 'sex' : 'total') && same(x.cell, cell))!;
        const d = spec.data.values.find((x) => x.round === r.label && x.series === series)!;
        expect([d.pct, d.lo, d.hi]).toEqual([row.estimate! * 100, row.ci_low! * 100, row.ci_high! * 100]);
        expect(Math.abs(d.pos - rr.rounds[i]!.year!)).toBeLessThan(0.5);
      }
    }
    expect(JSON.stringify(specs)).not.toMatch(/"ci0"|"ci1"|"extent":"ci"|"errorbar"|"errorband"|"aggregate"/);
  });

  it('regions as a slope chart: first and last round, darker where the change is significant', () => {
    const spec = trendChartSpecs(rr, { lang: 'en', framework: FW }).find((s) => s.id === 'trend_regions')!.spec as { data: { values: (TrendDatum & { change: string })[] } };
    const values = spec.data.values;
    expect(values).toHaveLength(12);
    for (const [code, name] of Object.entries(REGIONS)) {
      const c = rr.changes.find((x) => x.framework === FW && x.indicator === 'child_labour' && x.breakdown === 'region' && x.cell.region === code)!;
      const points = values.filter((v) => v.group === name);
      expect(points.map((v) => v.round)).toEqual([ROUND_A, ROUND_B]);
      expect(points.map((v) => v.pct)).toEqual([c.estimate_1! * 100, c.estimate_2! * 100]);
      expect(new Set(points.map((v) => v.change))).toEqual(new Set([c.p_value! < 0.05 ? 'Significant change' : 'Change not significant']));
    }
  });

  it('every chart renders (vega, headless) with the rounds’ names and the language’s numbers', async () => {
    for (const lang of LANGS) {
      const specs = trendChartSpecs(rr, { lang, framework: FW });
      const svgs = await renderSvg(specs);
      expect(svgs).toHaveLength(4);
      for (const s of svgs) expect(s.svg).toContain(ROUND_B);
      expect(svgs.find((s) => s.id === 'trend_regions')!.svg).toContain(REGIONS['6']!);
      for (const s of specs) expect((s.spec as { config: { locale: unknown } }).config.locale).toEqual(chartLocale(lang));
    }
  }, 60_000);
});

describe.each(LANGS)('the rounds’ workbook, report and screen (%s)', (lang: Lang) => {
  let metas: ExportMetadata[];
  let tb: TrendTable;
  beforeAll(() => {
    metas = rr.rounds.map((r) => buildMetadata(r.result, { sourceName: `${r.label}.csv`, sourceSha256: null, appVersion: '0.1.0', createdAt: '2025-01-01T00:00:00.000Z' }));
    tb = trendTable(rr, lang, FW, 'child_labour')!;
  });

  it('Excel: a sheet per trend table (changes stored as numbers in points), the changes and every estimate', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await roundsWorkbookBytes(rr, metas, { lang })) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining([`T${tb.n} ${t(lang, 'abbr.child_labour')} ${FW}`, t(lang, 'sheet.changes'), t(lang, 'sheet.roundsLong'), t(lang, 'sheet.roundMetadata', { round: ROUND_A })]));
    const ws = wb.getWorksheet(`T${tb.n} ${t(lang, 'abbr.child_labour')} ${FW}`)!;
    let total: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === tb.lines[0]!.label && !total) total = row;
    });
    const c = tb.lines[0]!.changes[0]!;
    // Columns: label, then per round %, CI low, CI high, n (4 each), then the change.
    const first = 2 + 4 * 2;
    expect(total!.getCell(first).value).toBe(c.difference! * 100);
    expect(total!.getCell(first).numFmt).toBe(NUMBER_FORMATS.gap);
    expect(total!.getCell(first + 1).value).toBe(c.difference_se! * 100);
    expect(total!.getCell(first + 1).numFmt).toBe(NUMBER_FORMATS.se);
    expect([total!.getCell(first + 2).value, total!.getCell(first + 3).value]).toEqual([c.ci_low! * 100, c.ci_high! * 100]);
    expect(total!.getCell(first + 5).value).toBe(SIGNIFICANT);
    // The long sheets: the command line's CSVs, statistics stored as numbers, codes as text.
    const changes = wb.getWorksheet(t(lang, 'sheet.changes'))!;
    expect(changes.rowCount).toBe(rr.changes.length + 1);
    const head = (changes.getRow(1).values as unknown[]).slice(1) as string[];
    for (const k of CHANGE_COLUMNS.filter((x) => x !== 'from' && x !== 'to')) {
      const col = head.indexOf(k) + 1;
      rr.changes.forEach((ch, i) => expect(changes.getRow(i + 2).getCell(col).value, k).toBe(ch[k]));
    }
    const long = wb.getWorksheet(t(lang, 'sheet.roundsLong'))!;
    expect(long.getRow(1).getCell(1).value).toBe('round');
    expect(long.rowCount).toBe(rr.rounds.reduce((s, r) => s + r.result.rows.length, 0) + 1);
    const regionCol = (long.getRow(1).values as unknown[]).indexOf('region');
    const labelCol = (long.getRow(1).values as unknown[]).indexOf('region_label');
    const capital = long.getRows(2, long.rowCount - 1)!.find((r) => r.getCell(regionCol).value === '6')!;
    expect(capital.getCell(labelCol).value).toBe(REGIONS['6']);
  });

  it('report: the trend table cell for cell, the charts, each round’s metadata', async () => {
    const svgs = await renderSvg(trendChartSpecs(rr, { lang, framework: FW }));
    const html = roundsReportHtml(rr, metas, { lang, framework: FW, charts: svgs });
    expect(htmlRows(html)).toEqual(expect.arrayContaining(modelRows(tb)));
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('id="chart-trend_regions"');
    expect(html).toContain(t(lang, 'report.roundMetadata', { round: ROUND_B }));
    // A screen reader hears each round's point as its tooltip says it, in the language: no field name.
    const labels = svgs.flatMap(({ svg }) => [...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]!));
    expect(labels.some((l) => l.startsWith(`${t(lang, 'trend.chart.round')}: ${ROUND_A}; `))).toBe(true);
    expect(labels.filter((l) => /(^|; )(lo|hi|pos|piece|pct|series|round|group):|axis titled/.test(l))).toEqual([]);
  }, 60_000);

  it('screen (TableView): the same rows, cell for cell', () => {
    const screen = renderToStaticMarkup(createElement(TableView, { table: tb }));
    expect(htmlRows(screen)).toEqual(expect.arrayContaining(modelRows(tb)));
    expect(screen).toContain(`>${ROUND_A}</th>`);
  });
});

describe('the core’s rounds (test/fixtures/rounds: three rounds, codes harmonised, the last without a chores module)', () => {
  let core: RoundsResult;
  beforeAll(async () => {
    const file = new URL('../fixtures/rounds/rounds3.analysis.json', import.meta.url).pathname;
    core = (await runRoundsFile(file, roundsJsonOf(file))).result;
  }, 120_000);

  it.each(LANGS)('the table names the shared categories, and says "not comparable" where a round lacks the module (%s)', (lang) => {
    const fw = core.rounds[0]!.result.analysis.frameworks.find((f) => f.bands.some((b) => b.chores))!;
    const tb = trendTable(core, lang, fw.id, 'child_labour')!;
    expect(tb.lines.filter((l) => l.dim === 'region' && l.kind === 'value').map((l) => l.label)).toEqual(['North', 'South', 'East', 'West']);
    expect(tb.pairs.map((p) => `${p.from}>${p.to}`)).toEqual(core.rounds.slice(1).map((r, i) => `${core.rounds[i]!.label}>${r.label}`));
    const last = core.rounds.at(-1)!.label;
    const words: Record<Lang, string> = { en: 'not comparable', fr: 'non comparable', es: 'no comparable' };
    const width = tb.groups.at(-1)!.columns.length;
    for (const line of valueLines(tb)) {
      const second = line.cells.slice(-width);
      expect(second[0]!.text).toBe(`${words[lang]} (${last})`);
      expect(second.flatMap((c) => c.numbers)).toEqual([]);
      // The first pair is comparable: its numbers are the core's.
      const first = line.cells.slice(-2 * width, -width);
      if (line.changes[0]?.difference !== null && line.changes[0]?.difference !== undefined && line.rows.every((r) => r?.flag !== 'suppressed')) {
        expect(first[0]!.numbers).toEqual([line.changes[0]!.difference * 100]);
      }
    }
    expect(tb.footnotes.find((n) => n.id === 'notComparable')!.text).toContain(fill(lang, '{roles}', { roles: 'choresHours' }));
  });
});
