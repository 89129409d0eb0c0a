import { Ajv } from 'ajv';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../analysis/analysisFile.js';
import { near } from '../analysis/cli/paths.js';
import { sourcesOf } from '../analysis/cli/rounds.js';
import { qt } from '../analysis/distributions.js';
import { createNativeEngine } from '../analysis/engine/nativeEngine.js';
import { createNodeWasmEngine } from '../analysis/engine/nodeWasm.js';
import { AnalysisError } from '../analysis/messages.js';
import { categoryChecks, codesSpelledOtherwise } from '../analysis/rounds/categoryChecks.js';
import { changeNumbers } from '../analysis/rounds/change.js';
import { resolveRounds } from '../analysis/rounds/resolveRounds.js';
import { roundAnalyses } from '../analysis/rounds/roundAnalyses.js';
import { runRounds } from '../analysis/rounds/runRounds.js';
import type { ChangeRow, RoundsAnalysisFile, RoundsResult } from '../analysis/rounds/types.js';
import type { ResultRow } from '../analysis/run.js';
import { ENGINES, parseCsv, relErr, type EngineName } from './engines.js';

/**
 * Survey rounds (issue 14): a baseline and follow-ups with their own files, mappings and designs,
 * one set of definitions, and the change between rounds with its SE, df, interval, p-value, relative
 * change and AARR. Fixtures: test/fixtures/rounds (scripts/fixtures/make-rounds.ts); R golden values:
 * scripts/r/make_rounds_golden.R (two separate svydesign, the same formulas).
 */
const DIR = new URL('./fixtures/rounds/', import.meta.url).pathname;
const ROUNDS = join(DIR, 'rounds.analysis.json');
const ROUNDS3 = join(DIR, 'rounds3.analysis.json');
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const NUMBERS = ['difference', 'difference_se', 'df', 'ci_low', 'ci_high', 'p_value', 'relative_change', 'relative_change_se', 'aarr', 'aarr_se'] as const;

/** A rounds file (JSON, data paths made absolute) run on one engine with the core's runRounds. */
async function runOn(name: EngineName, json: RoundsAnalysisFile, file = ROUNDS): Promise<RoundsResult> {
  const abs = structuredClone(json);
  for (const r of abs.rounds) r.data.path = near(file, r.data.path);
  const rounds = resolveRounds(abs, file);
  const paths = rounds.rounds.map(({ analysis }) => ({ main: analysis.data.path, joins: [] as string[] }));
  const engine = name === 'duckdb-wasm' ? await createNodeWasmEngine() : await createNativeEngine({ files: paths.map((p) => p.main) });
  try {
    return await runRounds(engine, rounds, (i) => sourcesOf(paths[i]!));
  } finally {
    await engine.close();
  }
}

function codeOf(fn: () => unknown): { code: string; params: Record<string, unknown> } {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnalysisError) return { code: e.code, params: e.msg.params };
    throw e;
  }
  throw new Error('no error');
}

/** A round's row of a change's domain: sex and area by meaning (each round's own codes), other codes as they are. */
function rowOf(rr: RoundsResult, label: string, c: ChangeRow): ResultRow | undefined {
  const from = rr.rounds.find((r) => r.label === c.from)!.result.analysis.mapping;
  const r = rr.rounds.find((x) => x.label === label)!.result;
  const m = r.analysis.mapping;
  const want = { ...c.cell };
  if (want.sex) want.sex = want.sex === from.sex.male ? m.sex.male : m.sex.female;
  if (want.area) want.area = want.area === from.area!.urban ? m.area!.urban : m.area!.rural;
  return r.rows.find((x) => x.framework === c.framework && x.indicator === c.indicator && x.breakdown === c.breakdown && Object.entries(want).every(([k, v]) => (x.cell[k] ?? '') === v));
}

describe('the rounds analysis file', () => {
  it('is one single-round analysis per round: shared definitions, the round\'s data and mapping, titled with its label', () => {
    const json = read(ROUNDS) as RoundsAnalysisFile;
    const singles = roundAnalyses(json);
    expect(singles.map((s) => [s.title, s.data.path, s.mapping.weight])).toEqual([
      ['Child labour survey rounds (synthetic) - NCLS 2015', 'round1_2015.csv', 'weight'],
      ['Child labour survey rounds (synthetic) - NCLS 2021', 'round2_2021.csv', 'wt'],
    ]);
    expect(singles.every((s) => JSON.stringify(s.frameworks) === JSON.stringify(json.frameworks) && !('rounds' in s))).toBe(true);
    const r = resolveRounds(json, ROUNDS);
    expect(r.rounds.map((x) => [x.label, x.year, x.analysis.mapping.region?.recode ?? null])).toEqual([
      ['NCLS 2015', 2015, null],
      ['NCLS 2021', 2021, { '11': '1', '12': '2', '13': '3', '14': '4' }],
    ]);
    expect(r.changes).toBe('consecutive');
    expect(r.categories.region).toEqual({ '1': 'North', '2': 'South', '3': 'East', '4': 'West' });
  });

  it('the JSON Schema accepts the rounds and single-round fixtures and rejects a file with rounds and data', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(read(new URL('../docs/analysis-file.schema.json', import.meta.url).pathname));
    for (const f of ['rounds.analysis.json', 'rounds3.analysis.json', 'baseline.analysis.json', 'followup.analysis.json']) {
      expect(validate(read(join(DIR, f))), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const json = read(ROUNDS);
    expect(validate({ ...json, data: { path: 'x.csv' } })).toBe(false);
    expect(validate({ ...json, rounds: json.rounds.slice(0, 1) })).toBe(false);
    expect(validate({ ...json, rounds: [json.rounds[0], { ...json.rounds[1], mapping: { ...json.rounds[1].mapping, region: { column: 'REG', recode: { 11: 1 } } } }] })).toBe(false);
  });

  const base = () => read(ROUNDS);
  it.each([
    ['one round', (j: RoundsAnalysisFile) => ({ ...j, rounds: j.rounds.slice(0, 1) }), 'ROUNDS_TOO_FEW', { count: 1 }],
    ['two rounds with one label', (j: RoundsAnalysisFile) => ({ ...j, rounds: [j.rounds[0]!, { ...j.rounds[1]!, label: 'NCLS 2015' }] }), 'ROUNDS_LABEL_DUPLICATE', { round: 'NCLS 2015' }],
    ['years not increasing', (j: RoundsAnalysisFile) => ({ ...j, rounds: [j.rounds[0]!, { ...j.rounds[1]!, year: 2015 }] }), 'ROUNDS_YEARS_NOT_INCREASING', { round: 'NCLS 2021', year: '2015', previous: 'NCLS 2015' }],
    ['a round without data', (j: RoundsAnalysisFile) => ({ ...j, rounds: [j.rounds[0]!, { ...j.rounds[1]!, data: undefined }] }), 'ROUNDS_DATA_MISSING', { round: 'NCLS 2021', index: '1' }],
    ['a shared code that is not a category', (j: RoundsAnalysisFile) => {
      j.rounds[1]!.mapping.region!.recode!['14'] = '9';
      return j;
    }, 'ANALYSIS_FILE_INVALID', { path: 'rounds[1].mapping.region.recode.14' }],
    ['a round mapping error', (j: RoundsAnalysisFile) => {
      (j.rounds[1]!.mapping.sex as { male?: string }).male = undefined;
      return j;
    }, 'ANALYSIS_FILE_INVALID', { path: 'rounds[1].mapping.sex.male' }],
    ['a recode of a column that is no breakdown', (j: RoundsAnalysisFile) => ({ ...j, rounds: [{ ...j.rounds[0]!, mapping: { ...j.rounds[0]!.mapping, recode: { zone: { a: 'b' } } } }, j.rounds[1]!] }), 'ANALYSIS_FILE_INVALID', { path: 'rounds[0].mapping.recode.zone' }],
    ['data at the top level as well', (j: RoundsAnalysisFile) => ({ ...j, data: { path: 'x.csv' } }), 'ANALYSIS_FILE_INVALID', { path: 'data' }],
  ])('%s: %s', (_, edit, code, params) => {
    const json = JSON.parse(JSON.stringify(edit(base())));
    const e = codeOf(() => resolveRounds(json, 'rounds.json'));
    expect(e.code).toBe(code);
    expect(e.params).toMatchObject({ file: 'rounds.json', ...params });
  });

  it('a single-round reader given a rounds file says so (ANALYSIS_FILE_INVALID at "rounds")', () => {
    expect(codeOf(() => parseAnalysis(readFileSync(ROUNDS, 'utf8'), 'rounds.json'))).toMatchObject({ code: 'ANALYSIS_FILE_INVALID', params: { path: 'rounds' } });
  });
});

describe.each(ENGINES)('two rounds, harmonised, on %s', (engine) => {
  let rr: RoundsResult;
  beforeAll(async () => {
    rr = await runOn(engine, read(ROUNDS));
  }, 120_000);

  it('the 2021 round is estimated on the shared region codes, named by the shared categories', () => {
    const r2 = rr.rounds[1]!;
    expect([...new Set(r2.result.rows.filter((r) => r.breakdown === 'region').map((r) => r.cell.region))]).toEqual(['1', '2', '3', '4']);
    expect(r2.labels!.values.REG).toEqual({ '1': 'North', '2': 'South', '3': 'East', '4': 'West' });
    expect(r2.result.rows.find((r) => r.breakdown === 'area')!.cell.area).toBe('U');
  });

  it('the recode gives what a file recoded beforehand gives, to the last digit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rounds-'));
    const text = readFileSync(join(DIR, 'round2_2021.csv'), 'utf8').split('\n');
    const at = text[0]!.split(',').indexOf('REG');
    writeFileSync(join(dir, 'recoded.csv'), text.map((l, i) => (i === 0 || !l ? l : l.split(',').map((v, j) => (j === at ? String(Number(v) - 10) : v)).join(','))).join('\n'));
    const json = read(ROUNDS) as RoundsAnalysisFile;
    json.rounds[1] = { ...json.rounds[1]!, data: { path: join(dir, 'recoded.csv') }, mapping: { ...json.rounds[1]!.mapping, region: { column: 'REG' } } };
    const plain = await runOn(engine, json);
    expect(plain.rounds[1]!.result.rows).toEqual(rr.rounds[1]!.result.rows);
    expect(plain.changes).toEqual(rr.changes);
  }, 120_000);

  it('each change is the two rounds\' own results combined (1e-12): difference, SE, df, CI, p, relative change, AARR', () => {
    expect(rr.changes.length).toBe(rr.rounds[0]!.result.rows.length);
    let compared = 0;
    for (const c of rr.changes) {
      const a = rowOf(rr, 'NCLS 2015', c)!;
      const b = rowOf(rr, 'NCLS 2021', c)!;
      expect(c.not_comparable, JSON.stringify(c.cell)).toBeNull();
      expect([c.estimate_1, c.se_1, c.n_1, c.estimate_2, c.se_2, c.n_2]).toEqual([a.estimate, a.se, a.n_unweighted, b.estimate, b.se, b.n_unweighted]);
      const p1 = a.estimate!;
      const p2 = b.estimate!;
      const se = Math.sqrt(a.se! ** 2 + b.se! ** 2);
      const df = a.df + b.df;
      const q = qt(0.975, df);
      const ratio = (p2 / p1) ** (1 / 6);
      const want: Record<string, number | null> = {
        difference: p2 - p1, difference_se: se, df, ci_low: p2 - p1 - q * se, ci_high: p2 - p1 + q * se,
        relative_change: p1 ? (p2 - p1) / p1 : null,
        relative_change_se: p1 && p2 ? (p2 / p1) * Math.sqrt(a.se! ** 2 / p1 ** 2 + b.se! ** 2 / p2 ** 2) : p1 ? b.se! / p1 : null,
        aarr: p1 && p2 ? 1 - ratio : null,
        aarr_se: p1 && p2 ? (1 / 6) * ratio * Math.sqrt(a.se! ** 2 / p1 ** 2 + b.se! ** 2 / p2 ** 2) : null,
      };
      for (const [k, v] of Object.entries(want)) {
        const got = c[k as keyof ChangeRow] as number | null;
        if (v === null) expect(got, k).toBeNull();
        else expect(relErr(got!, v), `${c.framework} ${c.indicator} ${JSON.stringify(c.cell)} ${k}`).toBeLessThan(1e-12);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(900);
  });

  it('equals R (survey, two designs, the same formulas) to 1e-9, every change and column', () => {
    const golden = parseCsv(readFileSync(join(DIR, 'changes_expected.csv'), 'utf8'));
    expect(golden.length).toBe(rr.changes.length);
    const area = (code: string) => (code === '' ? '' : code === '1' ? rr.rounds[0]!.result.analysis.mapping.area!.urban : rr.rounds[0]!.result.analysis.mapping.area!.rural);
    let worst = 0;
    for (const g of golden) {
      const c = rr.changes.find((x) => x.framework === g.framework && x.indicator === g.indicator && x.breakdown === g.breakdown &&
        ['sex', 'age_group', 'region'].every((d) => x.cell[d] === g[d]) && x.cell.area === area(g.area!))!;
      expect(c, JSON.stringify(g)).toBeDefined();
      expect([c.n_1, c.n_2, c.df]).toEqual([Number(g.n_1), Number(g.n_2), Number(g.df)]);
      for (const k of ['estimate_1', 'se_1', 'estimate_2', 'se_2', ...NUMBERS] as const) {
        if (g[k] === 'NA') {
          expect(c[k], k).toBeNull();
          continue;
        }
        const e = relErr(c[k] as number, Number(g[k]));
        worst = Math.max(worst, e);
        expect(e, `${g.framework} ${g.indicator} ${g.breakdown} ${k}: app ${c[k]}, R ${g[k]}`).toBeLessThan(1e-9);
      }
    }
    console.log(`${engine}: ${golden.length} changes, largest relative difference from R ${worst.toExponential(1)}`);
  });

  it('shows the decline the data were made with: fewer children in employment, significant at 5 %', () => {
    const national = rr.changes.find((c) => c.framework === 'sdg_871' && c.indicator === 'children_in_employment' && c.breakdown === 'total')!;
    expect(national.difference!).toBeLessThan(0);
    expect(national.ci_high!).toBeLessThan(0);
    expect(national.p_value!).toBeLessThan(0.05);
    expect(national.aarr!).toBeGreaterThan(0);
  });
});

describe.each(ENGINES)('a round without the chores module, on %s', (engine) => {
  let rr: RoundsResult;
  beforeAll(async () => {
    rr = await runOn(engine, read(ROUNDS3), ROUNDS3);
  }, 120_000);

  it('does not estimate child labour with chores in that round, and says so', () => {
    const r3 = rr.rounds[2]!;
    expect(r3.result.rows.some((r) => r.framework === 'sdg_871' && r.indicator === 'child_labour')).toBe(false);
    expect(r3.result.rows.some((r) => r.framework === 'sdg_871' && r.indicator === 'children_in_employment')).toBe(true);
    expect(r3.result.rows.some((r) => r.framework === 'sdg_871_econ' && r.indicator === 'child_labour')).toBe(true);
    const note = r3.result.messages.find((m) => m.code === 'ROUNDS_NOT_MEASURED')!;
    expect(note.params).toEqual({ round: 'LFS 2024', roles: 'choresHours', framework: 'sdg_871' });
    expect(r3.unmeasured).toEqual([
      { framework: 'sdg_871', indicator: 'child_labour', roles: ['choresHours'] },
      { framework: 'sdg_871', indicator: 'child_labour_other_than_hazardous', roles: ['choresHours'] },
    ]);
  });

  it('marks those changes not comparable, with no number, and compares everything else', () => {
    const later = rr.changes.filter((c) => c.from === 'NCLS 2021' && c.to === 'LFS 2024');
    const chores = later.filter((c) => c.framework === 'sdg_871' && (c.indicator === 'child_labour' || c.indicator === 'child_labour_other_than_hazardous'));
    expect(chores.length).toBe(2 * 14); // 14 domains: total, 2 sexes, 5 age groups, 4 regions, 2 areas
    for (const c of chores) {
      expect(c.not_comparable).toEqual({ kind: 'module', round: 'LFS 2024', roles: ['choresHours'] });
      expect([c.estimate_1, c.estimate_2, ...NUMBERS.map((k) => c[k])].every((x) => x === null)).toBe(true);
    }
    const others = later.filter((c) => !chores.includes(c));
    expect(others.length).toBe(6 * 14);
    // (No AARR where an estimate is 0: other child labour at 15-17 is all hazardous work here.)
    expect(others.filter((c) => c.not_comparable !== null || c.difference === null || (c.aarr_se === null && c.estimate_1! * c.estimate_2! > 0))).toEqual([]);
    // The earlier pair has the module in both rounds.
    expect(rr.changes.filter((c) => c.to === 'NCLS 2021').every((c) => c.not_comparable === null)).toBe(true);
  });

  it('the 2021 round read from SPSS (.sav) gives the rows it gives from CSV; the shared categories name its regions', async () => {
    const csv = await runOn(engine, read(ROUNDS));
    expect(rr.rounds[1]!.result.rows).toEqual(csv.rounds[1]!.result.rows);
    expect(rr.rounds[1]!.labels!.values.REG).toEqual({ '1': 'North', '2': 'South', '3': 'East', '4': 'West' });
  }, 120_000);
});

describe('modules, missing estimates and recodes (native engine)', () => {
  const variant = (edit: (j: RoundsAnalysisFile) => void) => {
    const j = read(ROUNDS) as RoundsAnalysisFile;
    edit(j);
    return runOn('duckdb-native', j);
  };
  const rows = (rr: RoundsResult, fw: string, ind: string) => rr.changes.filter((c) => c.framework === fw && c.indicator === ind);

  it('a role of employment mapped in one round only (the temporary absence): said with the later round, the changes left comparable', async () => {
    // A column of the round standing in for the question "temporarily absent from work" (urban = yes).
    const rr = await variant((j) => {
      j.rounds[1]!.mapping.absentFromJob = { columns: ['milieu'], yes: ['U'], blank: 'no' };
    });
    const said = rr.rounds[1]!.result.messages.filter((m) => m.code === 'ROUND_EMPLOYMENT_DIFFERS');
    expect(said.map((m) => m.text)).toEqual([
      'Round "NCLS 2021" maps the role "temporarily absent from work" and round "NCLS 2015" does not: children in employment, and the child labour and hazardous work counted among them, come from other questions in the two rounds, and their changes hold that difference too.',
    ]);
    expect(rows(rr, 'sdg_871', 'children_in_employment').find((c) => c.breakdown === 'total')!.not_comparable).toBeNull();
    const same = await variant(() => undefined);
    expect(same.rounds.flatMap((r) => r.result.messages).some((m) => m.code === 'ROUND_EMPLOYMENT_DIFFERS')).toBe(false);
  }, 120_000);

  it('an optional part of hazardous work (industry) in one round only: hazardous work not comparable, child labour compared', async () => {
    const rr = await variant((j) => delete j.rounds[1]!.mapping.industry);
    expect(rows(rr, 'sdg_871', 'hazardous_work').every((c) => JSON.stringify(c.not_comparable) === JSON.stringify({ kind: 'module', round: 'NCLS 2021', roles: ['industry'] }))).toBe(true);
    // The 2021 round still estimates hazardous work (as a single round would, with a warning), of a narrower definition.
    expect(rr.rounds[1]!.result.rows.some((r) => r.indicator === 'hazardous_work')).toBe(true);
    expect(rows(rr, 'sdg_871', 'child_labour').every((c) => c.not_comparable === null)).toBe(true);
    const both = await variant((j) => {
      delete j.rounds[0]!.mapping.industry;
      delete j.rounds[1]!.mapping.industry;
    });
    expect(rows(both, 'sdg_871', 'hazardous_work').every((c) => c.not_comparable === null)).toBe(true);
  }, 120_000);

  it('a category in one round only: "no estimate" for the other round, its own estimate kept', async () => {
    const rr = await variant((j) => {
      j.rounds[1]!.mapping.region!.recode!['14'] = '5';
      (j.categories!.region as Record<string, string>)['5'] = 'New region';
    });
    const region = rows(rr, 'sdg_871', 'children_in_employment').filter((c) => c.breakdown === 'region');
    expect(region.map((c) => c.cell.region)).toEqual(['1', '2', '3', '4', '5']);
    const r4 = region[3]!;
    expect(r4.not_comparable).toEqual({ kind: 'no_estimate', round: 'NCLS 2021' });
    expect([r4.estimate_1 !== null, r4.estimate_2, r4.difference]).toEqual([true, null, null]);
    expect(region[4]!.not_comparable).toEqual({ kind: 'no_estimate', round: 'NCLS 2015' });
    expect(region[4]!.estimate_2).not.toBeNull();
  }, 120_000);

  it('a round of children 5-14 only (a universe of ages): the totals\' changes not comparable ("ages"), the age groups both cover compared, said once', async () => {
    const rr = await variant((j) => {
      j.rounds[1]!.mapping.universe = { column: 'age_y', keep: ['5', '6', '7', '8', '9', '10', '11', '12', '13', '14'] };
    });
    const cl = rows(rr, 'sdg_871', 'child_labour');
    const total = cl.find((c) => c.breakdown === 'total')!;
    expect(total.not_comparable).toEqual({ kind: 'ages', round: 'NCLS 2021', lacking: [{ round: 'NCLS 2021', ages: ['15-17'] }] });
    // Each round's own figure stays; no change between them.
    expect([total.estimate_1 !== null, total.estimate_2 !== null, total.difference, total.p_value]).toEqual([true, true, null, null]);
    const young = cl.find((c) => c.breakdown === 'age_group' && c.cell.age_group === '5-11')!;
    expect(young.not_comparable).toBeNull();
    expect(young.difference).not.toBeNull();
    expect(cl.find((c) => c.breakdown === 'age_group' && c.cell.age_group === '15-17')!.not_comparable).toEqual({ kind: 'no_estimate', round: 'NCLS 2021' });
    expect(cl.filter((c) => c.breakdown === 'region').every((c) => c.not_comparable?.kind === 'ages')).toBe(true);
    const said = rr.rounds.flatMap((r) => r.result.messages.filter((m) => m.code === 'ROUND_AGES_DIFFER'));
    expect(said).toHaveLength(1);
    expect(said[0]!.text).toBe('Round "NCLS 2021" has no child in scope aged 15-17 whose indicator is known, and round "NCLS 2015" has (a child module asked of fewer ages, a universe that leaves them out, or hours not asked at those ages of the children who worked): the totals, and every domain that includes those ages, are of other children in one round than in the other. Their changes are marked not comparable; the age groups both rounds cover are compared.');
    // The same rounds with every age: no such reason, no message.
    const all = await variant(() => undefined);
    expect(all.changes.some((c) => c.not_comparable?.kind === 'ages')).toBe(false);
    expect(all.rounds.flatMap((r) => r.result.messages).some((m) => m.code === 'ROUND_AGES_DIFFER')).toBe(false);
  }, 120_000);

  it('ages by whole years, by framework, within the frameworks\' ages, each round that lacks some named (a review\'s cases)', async () => {
    const keep = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    const reason = (rr: RoundsResult, fw: string, breakdown: string, group = '') =>
      rr.changes.find((c) => c.framework === fw && c.indicator === 'child_labour' && c.breakdown === breakdown && (c.cell.age_group ?? '') === group)!.not_comparable;
    // 5-15 only: the 15-17 atom still has children, but 16 and 17 are missing.
    const partial = await variant((j) => {
      j.rounds[1]!.mapping.universe = { column: 'age_y', keep: keep(5, 15) };
    });
    expect(reason(partial, 'sdg_871', 'total')).toEqual({ kind: 'ages', round: 'NCLS 2021', lacking: [{ round: 'NCLS 2021', ages: ['16-17'] }] });
    expect(reason(partial, 'sdg_871', 'age_group', '15-17')).toMatchObject({ kind: 'ages' });
    expect(reason(partial, 'sdg_871', 'age_group', '12-14')).toBeNull();
    // Children 15-17 kept, with blank hours (a roster whose child module was asked of 5-14): no known indicator at those ages.
    const dir = mkdtempSync(join(tmpdir(), 'clstats-rounds-blank-'));
    const lines = readFileSync(join(DIR, 'round2_2021.csv'), 'utf8').split('\n');
    const [age, hours] = ['age_y', 'hrs_work'].map((c) => lines[0]!.split(',').indexOf(c));
    writeFileSync(join(dir, 'blank.csv'), lines.map((l, i) => (i === 0 || l === '' || Number(l.split(',')[age!]) < 15 ? l : l.split(',').map((v, j) => (j === hours ? '' : v)).join(','))).join('\n'));
    const blank = await variant((j) => {
      j.rounds[1]!.data.path = join(dir, 'blank.csv');
    });
    expect(reason(blank, 'sdg_871_econ', 'total')).toEqual({ kind: 'ages', round: 'NCLS 2021', lacking: [{ round: 'NCLS 2021', ages: ['15-17'] }] });
    // Each round lacks ages of the other: both named, each with its own.
    const both = await variant((j) => {
      j.rounds[0]!.mapping.universe = { column: 'age', keep: keep(12, 17) };
      j.rounds[1]!.mapping.universe = { column: 'age_y', keep: keep(5, 14) };
    });
    expect(reason(both, 'sdg_871', 'total')).toEqual({ kind: 'ages', round: 'NCLS 2021 / NCLS 2015', lacking: [{ round: 'NCLS 2021', ages: ['15-17'] }, { round: 'NCLS 2015', ages: ['5-11'] }] });
    expect(reason(both, 'sdg_871', 'age_group', '12-14')).toBeNull();
    const said = both.rounds[1]!.result.messages.filter((m) => m.code === 'ROUND_AGES_DIFFER').map((m) => [m.params.round, m.params.ages]);
    expect(said).toEqual([['NCLS 2021', '15-17'], ['NCLS 2015', '5-11']]);
    // A national framework of ages 5-14 beside SDG 8.7.1, the second round of 5-14: its totals compare.
    const national = await variant((j) => {
      j.rounds[1]!.mapping.universe = { column: 'age_y', keep: keep(5, 14) };
      j.frameworks.push({ preset: 'sdg_871_econ', id: 'nat514', name: 'National 5-14', edit: { bands: [{ from: 5, to: 11, econ: { rule: 'employed' }, chores: null }, { from: 12, to: 14, econ: { rule: 'hours', min: 14 }, chores: null }] } } as never);
    });
    expect(reason(national, 'nat514', 'total')).toBeNull();
    expect(reason(national, 'sdg_871', 'total')).toMatchObject({ kind: 'ages' });
  }, 120_000);

  it('a round whose region codes are not the shared categories (the recode left out): a warning naming them, in that round only', async () => {
    const rr = await variant((j) => delete j.rounds[1]!.mapping.region!.recode);
    const [w, ...more] = rr.rounds[1]!.result.messages.filter((m) => m.code === 'ROUND_CODES_NOT_IN_CATEGORIES');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ severity: 'warning', params: { round: 'NCLS 2021', column: 'REG', dimension: 'region', count: 4, codes: '11, 12, 13, 14', categories: '1, 2, 3, 4' } });
    expect(w!.text).toBe('Round "NCLS 2021": 4 codes of region (REG in round2_2021.csv) are not among the rounds\' categories (1, 2, 3, 4): 11, 12, 13, 14. They are categories of this round only, so their changes have no estimate in the other rounds.');
    for (const r of rr.rounds.filter((_, i) => i !== 1)) expect(r.result.messages.filter((m) => m.code.startsWith('ROUND_'))).toEqual([]);
  }, 120_000);

  it('a round\'s own value labels that name a code otherwise than the shared categories: a warning naming the codes and both labels', () => {
    const rows = ['1', '2', '3'].map((region) => ({ cell: { region } }) as unknown as ResultRow);
    const shared = { region: { '1': 'North', '2': 'South', '3': 'Capital District' } };
    const mapping = { region: { column: 'HH7' } } as never;
    const labels = { variables: {}, values: { HH7: { '1': 'Capital', '2': 'SOUTH', '3': 'Capital' } } } as never;
    const [w, ...more] = categoryChecks(mapping, labels, rows, shared, '2023', 'r3.dta');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ code: 'ROUND_LABELS_DIFFER', severity: 'warning', params: { count: 1, pairs: '1 = "Capital" / "North"' } });
    // Recoded codes are the shared ones: the file's labels name the codes before the recode, not compared.
    expect(categoryChecks({ region: { column: 'HH7', recode: { '1': '3' } } } as never, labels, rows, shared, '2023', 'r3.dta')).toEqual([]);
    // An extra breakdown's recode is mapping.recode.<column>, as the advice says.
    const school = [{ cell: { school: '01' } } as unknown as ResultRow];
    expect(categoryChecks({ extras: ['school'] } as never, labels, school, { school: { '1': 'Yes' } }, '2023', 'r3.dta')[0]).toMatchObject({ code: 'ROUND_CODES_NOT_IN_CATEGORIES', params: { field: 'mapping.recode.school', codes: '01' } });
    // No shared categories and no first round: nothing to compare with.
    expect(categoryChecks(mapping, labels, rows, {}, '2023', 'r3.dta')).toEqual([]);
    // A region's name inside another's is another region (Burkina Faso: Nord, Centre-Nord): not the same label.
    const burkina = { variables: {}, values: { HH7: { '1': 'Centre-Nord', '2': 'Région du Sud', '3': 'Capital' } } } as never;
    expect(categoryChecks(mapping, burkina, rows, { region: { '1': 'Nord', '2': 'Sud', '3': 'Capital' } }, '2023', 'r3.dta')[0])
      .toMatchObject({ code: 'ROUND_LABELS_DIFFER', params: { count: 1, pairs: '1 = "Centre-Nord" / "Nord"' } });
    // Spelt otherwise, the same regions: no warning (a review's pairs).
    const pairs = [['North West', 'Northwest'], ['Copperbelt', 'Copper Belt'], ['Northern', 'North'], ['Abidjan (ville)', 'Abidjan'], ['City of Kigali', 'Kigali City'], ['Saint-Louis', 'St. Louis']];
    for (const [own, shared] of pairs) {
      const one = { variables: {}, values: { HH7: { '1': own } } } as never;
      expect(categoryChecks(mapping, one, rows.slice(0, 1), { region: { '1': shared! } }, '2023', 'r3.dta')).toEqual([]);
    }
  });

  it('without shared categories, a later round\'s labels against the first round\'s: a round that renumbers its regions is said', () => {
    const rows = ['1', '2', '3'].map((region) => ({ cell: { region } }) as unknown as ResultRow);
    const first = { round: 'MICS 2016', labels: { variables: {}, values: { HH7: { '1': 'North', '2': 'South', '3': 'Centre' } } } as never, mapping: { region: { column: 'HH7' } } as never };
    const renumbered = { variables: {}, values: { REG: { '1': 'Centre', '2': 'SOUTH region', '3': 'North' } } } as never;
    const [w, ...more] = categoryChecks({ region: { column: 'REG' } } as never, renumbered, rows, {}, 'MICS 2022', 'r2.sav', first);
    expect(more).toEqual([]);
    expect(w!.text).toBe('Round "MICS 2022": 2 codes of region (REG in r2.sav) are labelled in the file otherwise than in round "MICS 2016" (code = this round\'s label / that round\'s label): 1 = "Centre" / "North", 3 = "North" / "Centre". Rounds are compared code by code: if this round numbers its categories its own way, these codes are compared with other categories.');
    // Recoded in either round: its codes are the recode's, not compared.
    expect(categoryChecks({ region: { column: 'REG', recode: { '1': '3' } } } as never, renumbered, rows, {}, 'MICS 2022', 'r2.sav', first)).toEqual([]);
    expect(categoryChecks({ region: { column: 'REG' } } as never, renumbered, rows, {}, 'MICS 2022', 'r2.sav', { ...first, mapping: { region: { column: 'HH7', recode: { '9': '1' } } } as never })).toEqual([]);
  });

  it('without shared categories, a later round writing the earlier\'s numbers otherwise ("1" for "01"): a warning with the recode', () => {
    const rows = (codes: string[]) => codes.map((region) => ({ cell: { region } }) as unknown as ResultRow);
    const later = { round: 'MICS 2020', rows: rows(['1', '2', '9']), mapping: { region: { column: 'HH7' } } as never, file: 'r2.dta' };
    const [w, ...more] = codesSpelledOtherwise({ round: 'NCLS 2014', rows: rows(['01', '02', '03']) }, later, {});
    expect(more).toEqual([]);
    expect(w!.text).toBe('Round "MICS 2020": 2 codes of region (HH7 in r2.dta) write a number otherwise than round "NCLS 2014" (this round / that round): "1" / "01", "2" / "02". Rounds are compared code by code, so these categories have no change between them: each is a category of one round only.');
    expect(w!.params.recode).toBe('{"1": "01", "2": "02", "9": "9"}');
    // Shared categories or a recode of the round: its codes are the recode's, said otherwise if at all.
    expect(codesSpelledOtherwise({ round: 'NCLS 2014', rows: rows(['01']) }, later, { region: { '01': 'North' } })).toEqual([]);
    expect(codesSpelledOtherwise({ round: 'NCLS 2014', rows: rows(['01']) }, { ...later, mapping: { region: { column: 'HH7', recode: { '1': '01' } } } as never }, {})).toEqual([]);
  });

  it('a code the recode does not list: a warning naming file, column, code and rows; the code stays as written', async () => {
    const rr = await variant((j) => delete j.rounds[1]!.mapping.region!.recode!['14']);
    const n14 = readFileSync(join(DIR, 'round2_2021.csv'), 'utf8').split('\n').slice(1).filter((l) => l.split(',')[5] === '14').length;
    const w = rr.rounds[1]!.result.messages.find((m) => m.code === 'RECODE_CODE_NOT_LISTED')!;
    expect(w.severity).toBe('warning');
    expect(w.params).toMatchObject({ file: 'round2_2021.csv', column: 'REG', value: '14', count: n14 });
    expect(rr.rounds[1]!.result.rows.filter((r) => r.breakdown === 'region').map((r) => r.cell.region)).toContain('14');
  }, 120_000);

  it('an unlisted code that is itself a shared code stops the run (RECODE_CODE_CLASH)', async () => {
    const e = await variant((j) => {
      j.rounds[1]!.mapping.region!.recode = { '11': '1', '12': '2', '13': '14' };
      delete j.categories;
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnalysisError);
    expect((e as AnalysisError).code).toBe('RECODE_CODE_CLASH');
    expect((e as AnalysisError).msg.params).toMatchObject({ column: 'REG', value: '14', file: 'round2_2021.csv' });
  }, 120_000);

  it('no AARR without years; "baseline" compares every round with the first', async () => {
    const rr = await variant((j) => delete j.rounds[1]!.year);
    expect(rr.changes.every((c) => c.aarr === null && c.aarr_se === null && c.difference !== null)).toBe(true);
    const j = read(ROUNDS3) as RoundsAnalysisFile;
    j.changes = 'baseline';
    const three = await runOn('duckdb-native', j, ROUNDS3);
    expect([...new Set(three.changes.map((c) => `${c.from} -> ${c.to}`))]).toEqual(['NCLS 2015 -> NCLS 2021', 'NCLS 2015 -> LFS 2024']);
  }, 120_000);
});

describe('changeNumbers at the edges', () => {
  it('no relative change from 0, no AARR to or from 0, no p-value with a zero SE and no change', () => {
    const zero = changeNumbers({ estimate: 0, se: 0, df: 10 }, { estimate: 0.1, se: 0.02, df: 12 }, 0.95, { t1: 2015, t2: 2021 });
    expect([zero.relative_change, zero.relative_change_se, zero.aarr, zero.aarr_se]).toEqual([null, null, null, null]);
    expect(zero.df).toBe(22);
    const flat = changeNumbers({ estimate: 0, se: 0, df: 10 }, { estimate: 0, se: 0, df: 12 }, 0.95);
    expect([flat.difference, flat.difference_se, flat.p_value]).toEqual([0, 0, null]);
    const toZero = changeNumbers({ estimate: 0.2, se: 0.02, df: 10 }, { estimate: 0, se: 0, df: 12 }, 0.9, { t1: 2015, t2: 2021 });
    expect([toZero.relative_change, toZero.relative_change_se, toZero.aarr]).toEqual([-1, 0, null]);
    expect(toZero.ci_high! - toZero.difference!).toBeCloseTo(qt(0.95, 22) * 0.02, 15);
    // Two censuses (SE 0 each): a change that is not 0 has p = 0, as R gives 2 pt(-Inf, df).
    const censuses = changeNumbers({ estimate: 0.2, se: 0, df: 10 }, { estimate: 0.15, se: 0, df: 12 }, 0.95);
    expect([censuses.difference_se, censuses.ci_low, censuses.ci_high, censuses.p_value]).toEqual([0, censuses.difference, censuses.difference, 0]);
  });
});
