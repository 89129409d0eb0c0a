import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, type ResolvedAnalysis } from '../analysis/analysisFile.js';
import { AnalysisSession } from '../analysis/analysisSession.js';
import { designPass } from '../analysis/designPass.js';
import type { Engine } from '../analysis/engine/engine.js';
import { runAnalysis } from '../analysis/run.js';
import { valueConditions } from '../analysis/checkValues.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, REFERENCE_DIR, engineWithCsv, engineWithRows } from './engines.js';
import { designIdSql, surveyColumns } from '../analysis/mapping.js';
import { typedConditions } from '../analysis/typedConditions.js';
import { columnCounts } from '../analysis/columnCounts.js';
import { countOverValues, LISTED_VALUES, listedValues, oneColumn } from '../analysis/oneColumnCounts.js';

/**
 * The design pass (designPass.ts): the validation's counts and the prepared design from one scan of
 * the raw table. Its counts of any number of conditions (30 to a flag column) are those of a COUNT
 * FILTER per condition; a session never reuses a design whose tables another mapping's pass replaced.
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const base = JSON.parse(readFileSync(path, 'utf8'));
const analysis: ResolvedAnalysis = parseAnalysis(JSON.stringify(base), path);

describe.each(ENGINES)('the design pass on %s', (engineName) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithCsv(engineName, { src: `${REFERENCE_DIR}children_sample.csv` });
  }, 120_000);
  afterAll(() => engine?.close());

  it('counts 70 conditions (three flag columns) as one COUNT FILTER each would', async () => {
    const conditions = [
      ...valueConditions(analysis.mapping, {}),
      ...Array.from({ length: 50 }, (_, i) => `TRY_CAST(weight AS DOUBLE) > ${100 + 20 * i}`),
      `trim(sex) = '2'`,
      `econ_hours IS NULL OR trim(econ_hours) = ''`,
      'FALSE',
    ];
    const pass = await designPass(engine, analysis.mapping, {}, conditions);
    const [direct] = await engine.query(`SELECT ${conditions.map((c, i) => `COUNT(*) FILTER (WHERE ${c})::BIGINT AS c${i}`).join(', ')} FROM src`);
    conditions.forEach((c, i) => expect(pass.counts.get(c), c).toBe(Number(direct![`c${i}`])));
    expect(conditions.filter((c) => pass.counts.get(c)! > 0).length).toBeGreaterThan(30);
  });

  it('does not reuse a prepared design whose tables another mapping replaced', async () => {
    const session = new AnalysisSession();
    const report = await validateData(engine, analysis, 'children_sample.csv', undefined, { session });
    expect(report.ok).toBe(true);
    const first = await runAnalysis(engine, analysis, 'children_sample.csv', { session, valuesChecked: true });
    // The validation of another mapping (regions as strata: other strata and PSU ids) replaces the
    // tables, and no run of it follows (the user goes back, or its report has errors); then an edited
    // threshold on the first mapping.
    const other = parseAnalysis(JSON.stringify({ ...base, mapping: { ...base.mapping, stratum: 'region' } }), path);
    await validateData(engine, other, 'children_sample.csv', undefined, { session });
    const edited = structuredClone(analysis);
    const ge = edited.frameworks[0]!;
    ge.bands = ge.bands.map((b) => (b.from === 12 ? { ...b, econ: { rule: 'hours' as const, min: 10 } } : b));
    const again = await runAnalysis(engine, edited, 'children_sample.csv', { session, valuesChecked: true });
    const fresh = await runAnalysis(engine, edited, 'children_sample.csv');
    expect(again.rows).toEqual(fresh.rows);
    expect(again.gaps).toEqual(fresh.gaps);
    expect(again.design).toEqual(first.design);
  }, 60_000);
});

/**
 * Every count the validation takes from the pass (checkValues.ts valueConditions and validate.ts's
 * own), whether the pass counts it over the raw cells or over its typed columns (typedConditions.ts),
 * is the count of the condition over the raw table. On a file with the problems those conditions look
 * for (ages, weights and hours that are text, not finite, negative, out of range; unknown hazards of
 * working children; codes 97-99) and two mappings: the reference's, and one with a universe, a
 * missing code, hours summed over two columns, ISIC classes and yes codes of its own.
 */
describe.each(ENGINES)('the design pass counts over typed columns on %s', (engineName) => {
  const lines = readFileSync(`${REFERENCE_DIR}children_sample.csv`, 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const col = (name: string) => head.indexOf(name);
  const bad: Record<string, string[]> = {
    age: ['abc', '7.5', '-1', '130', 'NaN', '', '98'],
    weight: ['0', '-2', '', 'x', 'inf', 'NaN'],
    econ_hours: ['NaN', 'inf', '-3', '200', '98', '', '12.5', 'n/a'],
    chores_hours: ['99', '', '-1', '1e3', 'Infinity'],
    absent_job: ['', '9', '1.0', 'yes'],
    isic2: ['0111', '4290', 'x', '', '99'],
    night_work: ['', '9', '2', '1.0'],
    dust_fumes: ['', '8'],
    sex: ['', '3', 'M'],
    area: ['', '9'],
  };
  const rows = lines.slice(1).map((l, i) => {
    const cells = l.split(',');
    Object.entries(bad).forEach(([name, values], k) => {
      if ((i * (k + 3)) % 17 === 0) cells[col(name)] = values[(i + k) % values.length]!;
    });
    // Blank cells as files have them: missing (NULL) or written empty (''), both.
    return cells.map((c, j) => (c === '' ? ((i + j) % 2 ? null : '') : c));
  });
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(engineName, head, rows);
  }, 120_000);
  afterAll(() => engine?.close());

  const variant = parseAnalysis(JSON.stringify({
    ...base,
    mapping: {
      ...base.mapping,
      universe: { column: 'area', keep: ['1', '2'] },
      econHours: { columns: ['econ_hours', 'chores_hours'], missingCodes: ['98'] },
      absentFromJob: { columns: ['absent_job'], yes: ['1', 'yes'], missingCodes: ['9'] },
      industry: { column: 'isic2', level: 'class' },
    },
  }), path);

  it.each([['the reference mapping', analysis], ['a universe, a missing code, summed hours, ISIC classes', variant]])('%s', async (_, a) => {
    const session = new AnalysisSession();
    await validateData(engine, a, 'children_sample.csv', undefined, { session });
    const counts = session.pass!.counts;
    const conditions = [...counts.keys()];
    const [direct] = await engine.query(`SELECT ${conditions.map((c, i) => `COUNT(*) FILTER (WHERE ${c})::BIGINT AS c${i}`).join(', ')} FROM src`);
    conditions.forEach((c, i) => expect(counts.get(c), c).toBe(Number(direct![`c${i}`])));
    // The typed path is taken, and for conditions that hold for some rows.
    const typed = typedConditions(conditions, surveyColumns(a.mapping, {}, false), ['sex', 'area', 'region']).over;
    expect(typed.length).toBeGreaterThan(10);
    expect(typed.filter((t) => counts.get(t.raw)! > 0).length).toBeGreaterThan(5);
  }, 60_000);

  it('with no profile (the command line), lists the cells of the columns its conditions read, not the weight or the design ids', async () => {
    const conditions = valueConditions(variant.mapping, {});
    const m = variant.mapping;
    const listed = await listedValues(engine, 'src', conditions, [m.weight, m.stratum!, m.psu!]);
    expect([...listed.keys()].sort()).toEqual(['age', 'area', 'chores_hours', 'econ_hours', 'isco4', 'isic2', 'sex']);
    // Every row of a column in its cells: blank ones apart as NULL and '' (both occur here).
    for (const [c, cells] of listed) {
      const [r] = await engine.query(`SELECT COUNT(*)::BIGINT AS n, COUNT(*) FILTER (WHERE "${c}" = '7')::BIGINT AS seven FROM src`);
      expect(cells.reduce((s, x) => s + x.n, 0), c).toBe(Number(r!.n));
      expect(cells.find((x) => x.v === '7')?.n ?? 0, c).toBe(Number(r!.seven));
    }
    expect(listed.get('sex')!.some((x) => x.v === null) && listed.get('sex')!.some((x) => x.v === '')).toBe(true);
    // The pass then counts most of them over those cells: the same counts as a COUNT FILTER each.
    const counted = await countOverValues(engine, conditions, listed);
    expect(counted.counts.size).toBeGreaterThan(15);
    const keys = [...counted.counts.keys()];
    const [direct] = await engine.query(`SELECT ${keys.map((c, i) => `COUNT(*) FILTER (WHERE ${c})::BIGINT AS c${i}`).join(', ')} FROM src`);
    keys.forEach((c, i) => expect(counted.counts.get(c), c).toBe(Number(direct![`c${i}`])));
  });

  it.each([['the reference mapping', analysis], ['a universe, a missing code, summed hours, ISIC classes', variant]])(
    '%s, with the cells listed by the app’s profile: the same counts and the same report', async (_, a) => {
      const { counts: profiled } = await columnCounts(engine, 'src', head, 20, LISTED_VALUES);
      const session = new AnalysisSession();
      session.srcValues = new Map([...profiled].flatMap(([c, x]) => (x.values ? [[c, x.values] as const] : [])));
      const listedReport = await validateData(engine, a, 'children_sample.csv', undefined, { session });
      const counts = session.pass!.counts;
      const conditions = [...counts.keys()];
      const [direct] = await engine.query(`SELECT ${conditions.map((c, i) => `COUNT(*) FILTER (WHERE ${c})::BIGINT AS c${i}`).join(', ')} FROM src`);
      conditions.forEach((c, i) => expect(counts.get(c), c).toBe(Number(direct![`c${i}`])));
      // Most conditions were counted over the listed cells, many of them holding for some rows.
      const listed = await countOverValues(engine, conditions, session.srcValues);
      expect(listed.counts.size).toBeGreaterThan(25);
      expect([...listed.counts.values()].filter((n) => n > 0).length).toBeGreaterThan(10);
      const plainReport = await validateData(engine, a, 'children_sample.csv', undefined, { session: new AnalysisSession() });
      expect(listedReport).toEqual(plainReport);
      expect(listedReport.findings.length).toBeGreaterThan(5);
    }, 60_000);
});

describe('which conditions read one column (oneColumnCounts.ts)', () => {
  it.each([
    [`"age" IN ('NA', '.')`, 'age'],
    [`CASE WHEN NOT ("age" IS NULL OR "age" IN ('', 'NA', '.')) AND TRY_CAST("age" AS DOUBLE) IS NULL THEN 1 END = 1`, 'age'],
    [`"sex" = '"age"'`, 'sex'],
    [`"we""ird" = '1'`, 'we"ird'],
    [`"age" = "sex"`, null],
    [`"age" > '5' AND trim(sex) = '2'`, null],
    [`rowid > 3 AND "age" = '1'`, null],
    [`TRY_CAST(weight AS DOUBLE) > 100`, null],
    ['FALSE', null],
  ])('%s: %s', (sql, column) => {
    expect(oneColumn(sql)).toBe(column);
  });
});

describe.each(ENGINES)('design ids on %s (mapping.ts designIdSql)', (engineName) => {
  it('a whole number written with an exponent is that number, as R reads it: "1e+05", "1.0E+05", "100000" and "0100000" are one PSU; "12E4" stays text', async () => {
    // A probe: a column holding both "1e+05" and "100000" made two PSUs of one (df 34 against R's 14).
    const ids = ['1e+05', '1.0E+05', '100000', '0100000', '1.5e+05', '12E4', '7.0', '007', 'A1', '1.25e+01'];
    const engine = await engineWithRows(engineName, ['psu'], ids.map((v) => [v]));
    const rows = await engine.query(`SELECT ${designIdSql('psu')} AS id FROM src ORDER BY rowid`);
    expect(rows.map((r) => r.id)).toEqual(['100000', '100000', '100000', '100000', '150000', '12E4', '7', '7', 'A1', '1.25e+01']);
    await engine.close();
  });
});
