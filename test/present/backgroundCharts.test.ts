import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runFile } from '../../analysis/cli/main.js';
import { LANGS, t } from '../../analysis/export/i18n.js';
import { backgroundCharts } from '../../analysis/present/backgroundCharts.js';
import { chartSpecs, type ChartSpec } from '../../analysis/present/chartSpecs.js';
import { groupedBars, type Datum } from '../../analysis/present/chartMarks.js';
import { groupedSize } from '../../analysis/present/chartSize.js';
import type { FileLabels } from '../../analysis/present/labels.js';
import { PALETTE } from '../../analysis/present/palette.js';
import type { AnalysisResult, ResultRow } from '../../analysis/run.js';

/**
 * The charts of the MICS background characteristics (analysis/present/backgroundCharts.ts), from two
 * real runs: the MICS sample (a CSV: wealth quintiles named by the MICS words), with wealth by sex,
 * school attendance named as a characteristic but not among the breakdowns, and small-cell thresholds
 * that flag and suppress some cells; and the SPSS survey of test/fixtures/import/formats, whose school
 * attendance column has value labels, crossed as [school, sex].
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const FORMATS = join(ROOT, 'test/fixtures/import/formats/');
const FW = 'ilo_ge2020';
/** An analysis file as JSON, edited before it is run. */
type Analysis = { breakdowns: string[][]; mapping: Record<string, unknown>; options?: Record<string, unknown>; [k: string]: unknown };

async function runWith(file: string, dataPath: string, edit: (a: Analysis) => Analysis) {
  const base = JSON.parse(readFileSync(file, 'utf8'));
  delete base.$schema;
  const out = join(mkdtempSync(join(tmpdir(), 'clstats-bgcharts-')), 'analysis.json');
  writeFileSync(out, JSON.stringify(edit({ ...base, data: { ...base.data, path: dataPath } })));
  return runFile(out);
}

let mics: AnalysisResult;
let survey: AnalysisResult;
let surveyLabels: FileLabels;

beforeAll(async () => {
  const micsFile = join(ROOT, 'sample-data/mics6_synthetic.analysis.json');
  const micsData = join(ROOT, 'sample-data', JSON.parse(readFileSync(micsFile, 'utf8')).data.path);
  const [m, s] = await Promise.all([
    runWith(micsFile, micsData, (a) => ({
      ...a,
      // CB7 stays school attendance in the mapping, but no breakdown has it: no rows, no chart.
      breakdowns: [...a.breakdowns.filter((b: string[]) => !b.includes('CB7')), ['sex', 'windex5']],
      options: { ...a.options, smallCell: { rule: 'mics-dhs', suppressBelow: 600, parenthesesBelow: 1200 } },
    })),
    runWith(join(FORMATS, 'survey.analysis.json'), join(FORMATS, 'survey.sav'), (a) => ({
      ...a,
      mapping: { ...a.mapping, background: { school_attendance: 'school' } },
      breakdowns: [...a.breakdowns, ['school', 'sex']],
    })),
  ]);
  mics = m.result;
  survey = s.result;
  surveyLabels = s.imported.labels;
});

const values = (c: ChartSpec) => (c.spec as { data: { values: Datum[] } }).data.values;
const groups = (c: ChartSpec) => ((c.spec as { encoding: { x: { sort: string[] } } }).encoding.x.sort);

/** The result's row of a category and sex ('' for the total), whatever the order of the breakdown's dimensions. */
function rowOf(r: AnalysisResult, column: string, code: string, sex: string): ResultRow | undefined {
  return r.rows.find(
    (x) =>
      x.framework === FW &&
      x.indicator === 'child_labour' &&
      x.cell[column] === code &&
      (sex ? x.cell.sex === sex && x.breakdown.split('_x_').length === 2 : x.breakdown === column),
  );
}

/** The category codes as the core ordered the rows of [column]. */
const codesOf = (r: AnalysisResult, column: string) => [...new Set(r.rows.filter((x) => x.breakdown === column).map((x) => x.cell[column]!))];

/** Each bar's numbers are the core's: estimate and ci_low/ci_high in percent; a suppressed figure has no bar and "*". */
function expectCoreNumbers(r: AnalysisResult, chart: ChartSpec, column: string, names: string[], lang: (typeof LANGS)[number]) {
  const codes = codesOf(r, column);
  expect(groups(chart)).toEqual(names);
  const sexes: [string, string][] = [
    [t(lang, 'sex.male'), r.analysis.mapping.sex.male],
    [t(lang, 'sex.female'), r.analysis.mapping.sex.female],
    [t(lang, 'sex.total'), ''],
  ];
  let bars = 0;
  codes.forEach((code, i) => {
    for (const [series, sex] of sexes) {
      const row = rowOf(r, column, code, sex)!;
      expect(row, `${column}=${code} sex=${sex}`).toBeDefined();
      const d = values(chart).find((v) => v.group === names[i] && v.series === series)!;
      expect(d.flag).toBe(row.flag);
      expect(d.n).toBe(row.n_unweighted);
      if (row.flag === 'suppressed') {
        expect([d.pct, d.lo, d.hi, d.label]).toEqual([null, null, null, '*']);
        continue;
      }
      expect(d.pct).toBeCloseTo(row.estimate! * 100, 10);
      expect(d.lo).toBeCloseTo(row.ci_low! * 100, 10);
      expect(d.hi).toBeCloseTo(row.ci_high! * 100, 10);
      if (row.flag === 'caution') expect(d.label).toMatch(/^\(.+\)$/);
      bars++;
    }
  });
  expect(values(chart)).toHaveLength(codes.length * 3);
  return bars;
}

describe('background characteristics charts', () => {
  it('one chart per characteristic with rows, after the standard charts, with the MICS id', () => {
    expect(chartSpecs(mics, { framework: FW }).map((c) => c.id)).toEqual(['sex_age', 'regions', 'areas', 'hazardous', 'background_wealth_quintile']);
    expect(chartSpecs(survey, { framework: FW, labels: surveyLabels }).map((c) => c.id).at(-1)).toBe('background_school_attendance');
  });

  it('a characteristic without rows gives no chart; an analysis without background characteristics gives none', () => {
    expect(mics.analysis.mapping.background?.school_attendance).toBe('CB7');
    expect(mics.rows.some((r) => r.breakdown.split('_x_').includes('CB7'))).toBe(false);
    expect(backgroundCharts(mics).map((c) => c.id)).toEqual(['background_wealth_quintile']);
    const none = { ...mics, analysis: { ...mics.analysis, mapping: { ...mics.analysis.mapping, background: {} } } };
    expect(backgroundCharts(none)).toEqual([]);
  });

  it('wealth quintiles (no value labels): the MICS words, the core\'s estimates and intervals for boys, girls and total, flags as the other charts', () => {
    const chart = backgroundCharts(mics, { lang: 'en' })[0]!;
    expect(codesOf(mics, 'windex5')).toEqual(['1', '2', '3', '4', '5']);
    const bars = expectCoreNumbers(mics, chart, 'windex5', ['Poorest', 'Second', 'Middle', 'Fourth', 'Richest'], 'en');
    expect(bars).toBeGreaterThan(0);
    const flags = new Set(values(chart).map((d) => d.flag));
    // The thresholds were chosen so that this chart shows every kind of figure.
    expect(flags).toEqual(new Set(['ok', 'caution', 'suppressed']));
    const text = JSON.stringify(chart.spec);
    expect(text).toContain("datum.flag === 'caution'");
    expect(text).not.toMatch(/"ci0"|"ci1"|"extent":"ci"|"errorbar"|"errorband"/);
    const color = (chart.spec as { layer: { encoding: { color?: { scale: { range: string[] } } } }[] }).layer[0]!.encoding.color!;
    expect(color.scale.range).toEqual([PALETTE.male, PALETTE.female, PALETTE.total]);
  });

  it('titles, axis heading and category names in English, French and Spanish', () => {
    const expected = {
      en: ['Child labour by wealth index quintile', 'Wealth index quintile', 'Poorest', 'Richest'],
      fr: ["Travail des enfants selon : quintile de l'indice de richesse", "Quintile de l'indice de richesse", 'Le plus pauvre', 'Le plus riche'],
      es: ['Trabajo infantil según quintil del índice de riqueza', 'Quintil del índice de riqueza', 'Más pobre', 'Más rico'],
    };
    for (const lang of LANGS) {
      const chart = backgroundCharts(mics, { lang, framework: FW })[0]!;
      const [title, heading, first, last] = expected[lang];
      expect(chart.title).toBe(title);
      const spec = chart.spec as { title: { text: string }; encoding: { x: { title: string } } };
      expect(spec.title.text).toBe(title);
      expect(spec.encoding.x.title).toBe(heading);
      expect([groups(chart)[0], groups(chart).at(-1)]).toEqual([first, last]);
    }
  });

  it('school attendance from an SPSS file: categories by its value labels, crossed as [school, sex]', () => {
    const names = codesOf(survey, 'school').map((code) => surveyLabels.values.school![code]!);
    expect(names).toEqual(['Fréquente', 'Ne fréquente pas']);
    for (const lang of LANGS) {
      const chart = backgroundCharts(survey, { lang, framework: FW, labels: surveyLabels })[0]!;
      expect(chart.id).toBe('background_school_attendance');
      expect(chart.title).toBe(t(lang, 'chart.background', { indicator: t(lang, 'ind.child_labour'), dimension: t(lang, 'bg.school_attendance').toLocaleLowerCase(lang) }));
      expectCoreNumbers(survey, chart, 'school', names, lang);
    }
  });
});

describe('the tooltips of every chart', () => {
  // Every field a tooltip names, in every chart's layers (a spec is layers of layers).
  const tooltips = (spec: unknown): { field: string; title: string }[] => {
    const out: { field: string; title: string }[] = [];
    const walk = (x: unknown) => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (!x || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      if (Array.isArray(o.tooltip)) out.push(...(o.tooltip as { field: string; title: string }[]));
      Object.values(o).forEach(walk);
    };
    walk(spec);
    return out;
  };

  it('name the interval with its level, in each language (the level was left out: "IC à %")', () => {
    const want = { en: '95 % CI', fr: 'IC à 95 %', es: 'IC 95 %' } as const;
    for (const lang of LANGS) {
      const charts = chartSpecs(mics, { framework: FW, lang });
      for (const c of charts) expect(tooltips(c.spec).filter((f) => f.field === 'ci').map((f) => f.title), `${lang} ${c.id}`).toContainEqual(want[lang]);
    }
  });
});

describe('category labels of grouped bars', () => {
  it('longer than their band are written on lines, words whole, and the band widened to the longest line', () => {
    const long = groupedSize(['Has functional difficulty', 'Has no functional difficulty'], 3);
    expect(long.lines).toEqual([['Has functional', 'difficulty'], ['Has no', 'functional', 'difficulty']]);
    expect(long.labelAngle).toBe(0);
    expect(long.width).toBeGreaterThanOrEqual(2 * (3 * 22 + 24));
    // Short labels stay on one line; many groups turn instead.
    expect(groupedSize(['Urban', 'Rural'], 3).lines).toBeNull();
    const many = groupedSize(Array.from({ length: 12 }, (_, i) => `Region number ${i}`), 3);
    expect([many.lines, many.labelAngle]).toEqual([null, -40]);
  });

  it('the chart gives Vega each label as its lines', () => {
    const spec = groupedBars({
      lang: 'en', title: 't', subtitle: [], description: 'd', axisTitle: 'a', level: 0.95,
      groups: ['Lower secondary', 'Upper secondary or higher'], series: ['Boys', 'Girls', 'Total'], colors: ['#000', '#111', '#222'], data: [],
    }) as { encoding: { x: { axis: { labelExpr?: string } } } };
    expect(spec.encoding.x.axis.labelExpr).toBe('datum.value === "Lower secondary" ? ["Lower secondary"] : datum.value === "Upper secondary or higher" ? ["Upper secondary","or higher"] : datum.label');
  });
});
