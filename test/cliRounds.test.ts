import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../analysis/cli/main.js';
import { runRoundsFile } from '../analysis/cli/rounds.js';
import type { ChangeRow, RoundsResult } from '../analysis/rounds/types.js';
import { parseCsv, relErr } from './engines.js';

/**
 * The command line with survey rounds: `clstats run` on a rounds file (each round's rows with a
 * `round` column, --changes), and `clstats compare` of two single-round files, on both engines, with
 * the coded errors and exit codes of the rest of the command line.
 */
const DIR = new URL('./fixtures/rounds/', import.meta.url).pathname;
const ROUNDS = join(DIR, 'rounds.analysis.json');
const ROUNDS3 = join(DIR, 'rounds3.analysis.json');
const BASELINE = join(DIR, 'baseline.analysis.json');
const FOLLOWUP = join(DIR, 'followup.analysis.json');
const CHANGE_HEAD = [
  'framework', 'indicator', 'breakdown', 'sex', 'age_group', 'region', 'area', 'from', 'to', 'estimate_1', 'se_1', 'n_1', 'flag_1', 'estimate_2', 'se_2', 'n_2', 'flag_2',
  'difference', 'difference_se', 'df', 'ci_low', 'ci_high', 'p_value', 'relative_change', 'relative_change_se', 'aarr', 'aarr_se',
  'comparable', 'not_comparable', 'not_comparable_round', 'not_comparable_roles', 'sex_label', 'area_label', 'region_label',
];
const NUMERIC = ['estimate_1', 'se_1', 'n_1', 'estimate_2', 'se_2', 'n_2', 'difference', 'difference_se', 'df', 'ci_low', 'ci_high', 'p_value', 'relative_change', 'relative_change_se', 'aarr', 'aarr_se'] as const;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'clstats-rounds-'));
const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
/** An analysis file written to a temporary folder, its data paths made absolute. */
interface Editable {
  rounds: { data: { path: string } }[];
  [field: string]: unknown;
}
function variant(file: string, edit: (j: Editable) => void): string {
  const j = read(file);
  for (const d of [j.data, ...(j.rounds ?? []).map((r: { data?: { path: string } }) => r.data)]) if (d?.path) d.path = join(DIR, d.path);
  edit(j);
  const p = join(tmp(), 'variant.analysis.json');
  writeFileSync(p, JSON.stringify(j));
  return p;
}
const key = (r: Record<string, string>) => [r.framework, r.indicator, r.breakdown, r.sex, r.age_group, r.region, r.area].join('|');

/** A change row of the CSV against the core's: the same number (the CSV writes the shortest round-trip form). */
function sameNumbers(row: Record<string, string>, c: ChangeRow, columns: readonly string[] = NUMERIC) {
  for (const k of columns) {
    const v = c[k as keyof ChangeRow] as number | null;
    expect(row[k], `${key(row)} ${k}`).toBe(v === null ? 'NA' : String(v));
  }
}

describe('clstats run on an analysis file with rounds', () => {
  let core: RoundsResult;
  beforeAll(async () => {
    core = (await runRoundsFile(ROUNDS, read(ROUNDS))).result;
  }, 120_000);

  it('writes every round\'s rows with a first column "round", regions harmonised and named; --changes the changes', async () => {
    const dir = tmp();
    const r = await cli('run', ROUNDS, '--changes', join(dir, 'changes.csv'), '--quiet');
    expect(r.code, r.err).toBe(0);
    const rows = parseCsv(r.out);
    expect(r.out.split('\n')[0]!.split(',').slice(0, 4)).toEqual(['round', 'framework', 'indicator', 'breakdown']);
    expect(rows.filter((x) => x.round === 'NCLS 2015').length).toBe(core.rounds[0]!.result.rows.length);
    expect(rows.filter((x) => x.round === 'NCLS 2021').length).toBe(core.rounds[1]!.result.rows.length);
    const regions = rows.filter((x) => x.round === 'NCLS 2021' && x.breakdown === 'region' && x.framework === 'sdg_871' && x.indicator === 'child_labour');
    expect(regions.map((x) => [x.region, x.region_label])).toEqual([['1', 'North'], ['2', 'South'], ['3', 'East'], ['4', 'West']]);
    expect(r.err).not.toMatch(/\binfo\b/);

    const text = readFileSync(join(dir, 'changes.csv'), 'utf8');
    expect(text.split('\n')[0]!.split(',')).toEqual(CHANGE_HEAD);
    const changes = parseCsv(text);
    expect(changes.length).toBe(core.changes.length);
    changes.forEach((row, i) => {
      const c = core.changes[i]!;
      expect([row.framework, row.indicator, row.breakdown, row.from, row.to, row.comparable]).toEqual([c.framework, c.indicator, c.breakdown, 'NCLS 2015', 'NCLS 2021', 'TRUE']);
      sameNumbers(row, c);
    });
    const total = changes.find((x) => x.framework === 'sdg_871' && x.indicator === 'child_labour' && x.breakdown === 'total')!;
    expect(Number(total.difference)).toBeLessThan(0);
  }, 120_000);

  it('JSON: results, gaps and messages with their round, the changes; --changes .json; the WASM engine gives the same numbers', async () => {
    const dir = tmp();
    const a = await cli('run', ROUNDS, '--format', 'json', '--out', join(dir, 'rows.json'), '--changes', join(dir, 'changes.json'), '--gaps', join(dir, 'gaps.csv'), '--quiet');
    const b = await cli('run', ROUNDS, '--engine', 'wasm', '--changes', join(dir, 'wasm.csv'), '--quiet');
    expect([a.code, b.code], a.err + b.err).toEqual([0, 0]);
    const doc = read(join(dir, 'rows.json'));
    expect(Object.keys(doc.results[0])[0]).toBe('round');
    expect(doc.metadata.rounds.map((r: { label: string; year: number }) => [r.label, r.year])).toEqual([['NCLS 2015', 2015], ['NCLS 2021', 2021]]);
    expect(doc.results.length).toBe(core.rounds[0]!.result.rows.length + core.rounds[1]!.result.rows.length);
    expect(doc.messages.some((m: { round: string; code: string }) => m.round === 'NCLS 2021' && m.code === 'HOURS_MISSING_SHARE')).toBe(true);
    expect(doc.changes.length).toBe(core.changes.length);
    const json = read(join(dir, 'changes.json'));
    expect(json.changes.map((c: Record<string, number>) => c.difference)).toEqual(core.changes.map((c) => c.difference));
    expect(parseCsv(readFileSync(join(dir, 'gaps.csv'), 'utf8'))[0]!.round).toBe('NCLS 2015');
    const wasm = parseCsv(readFileSync(join(dir, 'wasm.csv'), 'utf8'));
    wasm.forEach((row, i) => {
      for (const k of NUMERIC) {
        const v = core.changes[i]![k];
        if (v === null) expect(row[k]).toBe('NA');
        else expect(relErr(Number(row[k]), v), k).toBeLessThan(1e-12);
      }
    });
  }, 240_000);

  it('a round without the chores module: its changes of child labour with chores are "not comparable", with no numbers', async () => {
    const dir = tmp();
    const r = await cli('run', ROUNDS3, '--changes', join(dir, 'changes.csv'), '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/LFS 2024: warning ROUNDS_NOT_MEASURED: Round "LFS 2024" does not map hours of household chores/);
    const changes = parseCsv(readFileSync(join(dir, 'changes.csv'), 'utf8'));
    const cl = changes.filter((x) => x.to === 'LFS 2024' && x.framework === 'sdg_871' && x.indicator === 'child_labour');
    expect(cl.length).toBe(14);
    for (const x of cl) {
      expect([x.comparable, x.not_comparable, x.not_comparable_round, x.not_comparable_roles]).toEqual(['FALSE', 'module', 'LFS 2024', 'choresHours']);
      expect(NUMERIC.map((k) => x[k]).every((v) => v === 'NA')).toBe(true);
    }
    expect(changes.filter((x) => x.to === 'LFS 2024' && x.framework === 'sdg_871_econ').every((x) => x.comparable === 'TRUE')).toBe(true);
  }, 120_000);

  it('coded errors: one round (exit 1), a round\'s data file missing (exit 1), --changes naming an input (nothing written), --changes on one survey (exit 2)', async () => {
    const one = await cli('run', variant(ROUNDS, (j) => (j.rounds = j.rounds.slice(0, 1))));
    expect(one.code).toBe(1);
    expect(one.err).toMatch(/error ROUNDS_TOO_FEW: .* has 1 round under "rounds"/);
    const missing = await cli('run', variant(ROUNDS, (j) => (j.rounds[1]!.data.path = join(DIR, 'round9.csv'))));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/DATA_FILE_UNREADABLE: .*round9\.csv/);
    // Two rounds naming one data file (as an analysis saved by the app names MICS's fs.sav of two rounds): refused, not every change 0.
    const same = await cli('run', variant(ROUNDS, (j) => (j.rounds[1]!.data.path = j.rounds[0]!.data.path)));
    expect(same.code).toBe(1);
    expect(same.err).toMatch(/error ROUNDS_SAME_DATA_FILE: Rounds .* and .* of .* read the same data file, .*: their estimates would be the same, and every change 0\./);
    const before = sha(join(DIR, 'round2_2021.csv'));
    const clash = await cli('run', ROUNDS, '--changes', join(DIR, 'round2_2021.csv'));
    expect(clash.code).toBe(1);
    expect(clash.err).toContain('OUTPUT_IS_INPUT');
    expect(sha(join(DIR, 'round2_2021.csv'))).toBe(before);
    const single = await cli('run', BASELINE, '--changes', join(tmp(), 'x.csv'));
    expect(single.code).toBe(2);
    expect(single.err).toMatch(/--changes needs an analysis file with rounds/);
  }, 120_000);
});

describe('the sample\'s two rounds (sample-data/mics6_rounds.analysis.json)', () => {
  const SAMPLE = new URL('../sample-data/', import.meta.url).pathname;

  it('clstats run --changes: child labour (ILO GE 2020) declines nationally, p < 0.05; regions harmonised; the same numbers as clstats compare of the two rounds\' files', async () => {
    const dir = tmp();
    const r = await cli('run', join(SAMPLE, 'mics6_rounds.analysis.json'), '--changes', join(dir, 'changes.csv'), '--out', join(dir, 'rounds.csv'), '--quiet');
    expect(r.code, r.err).toBe(0);
    const changes = parseCsv(readFileSync(join(dir, 'changes.csv'), 'utf8'));
    const cl = changes.filter((x) => x.framework === 'ilo_ge2020' && x.indicator === 'child_labour');
    const national = cl.find((x) => x.breakdown === 'total')!;
    expect([national.from, national.to, national.comparable]).toEqual(['MICS 2017', 'MICS 2023', 'TRUE']);
    expect(Number(national.difference)).toBeLessThan(0);
    expect(Number(national.ci_high)).toBeLessThan(0);
    expect(Number(national.p_value)).toBeLessThan(0.05);
    expect(Number(national.aarr)).toBeGreaterThan(0);
    // Every region of 2017 (coded 10-60) found under its 2023 code and named.
    const regions = cl.filter((x) => x.breakdown === 'region');
    expect(regions.map((x) => [x.region, x.region_label, x.comparable]).sort((p, q) => p[0]!.localeCompare(q[0]!))).toEqual([
      ['1', 'Northern Highlands', 'TRUE'], ['2', 'Eastern Plains', 'TRUE'], ['3', 'Central', 'TRUE'],
      ['4', 'Western Coast', 'TRUE'], ['5', 'Southern Lakes', 'TRUE'], ['6', 'Capital District', 'TRUE'],
    ]);

    // The two rounds' own analysis files share the definitions: compare gives the same national change.
    const c = await cli('compare', join(SAMPLE, 'mics6_2017.analysis.json'), join(SAMPLE, 'mics6_fileset.analysis.json'), '--quiet');
    expect(c.code, c.err).toBe(0);
    const same = parseCsv(c.out).find((x) => x.framework === 'ilo_ge2020' && x.indicator === 'child_labour' && x.breakdown === 'total')!;
    for (const k of NUMERIC.filter((x) => x !== 'aarr' && x !== 'aarr_se')) expect(same[k], k).toBe(national[k]);
  }, 300_000);
});

describe('clstats validate on an analysis file with rounds', () => {
  const rowsOf = (f: string) => parseCsv(readFileSync(join(DIR, f), 'utf8')).length;
  /** The lines of the report that are not blank: each must start with a round's label. */
  const lines = (out: string) => out.split('\n').filter((l) => l !== '');

  it('reports every round, each line after its label; exit 0 without errors; the round without a module says so', async () => {
    const r = await cli('validate', ROUNDS);
    expect(r.code, r.out + r.err).toBe(0);
    expect(lines(r.out).every((l) => /^NCLS (2015|2021): /.test(l))).toBe(true);
    expect(r.out).toContain(`NCLS 2015: round1_2015.csv: ${rowsOf('round1_2015.csv')} rows, `);
    expect(r.out).toContain(`NCLS 2021: round2_2021.csv: ${rowsOf('round2_2021.csv')} rows, `);
    expect(r.out).not.toMatch(/: error /);
    const three = await cli('validate', ROUNDS3);
    expect(three.code).toBe(0);
    expect(lines(three.out).every((l) => /^(NCLS 2015|NCLS 2021|LFS 2024): /.test(l))).toBe(true);
    expect(three.out).toMatch(/NCLS 2021: round2_2021\.sav: \d+ rows/);
    expect(three.out).toMatch(/LFS 2024: warning ROUNDS_NOT_MEASURED: Round "LFS 2024" does not map hours of household chores/);
    expect(three.out).not.toMatch(/NCLS 20\d\d: warning ROUNDS_NOT_MEASURED/);
  }, 120_000);

  it('--format json: one report per round, every finding with its round', async () => {
    const r = await cli('validate', ROUNDS3, '--format', 'json', '--lang', 'fr');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.ok).toBe(true);
    expect(doc.rounds.map((x: { round: string; year: number }) => [x.round, x.year])).toEqual([['NCLS 2015', 2015], ['NCLS 2021', 2021], ['LFS 2024', 2024]]);
    expect(doc.rounds[0].rowsRead).toBe(rowsOf('round1_2015.csv'));
    for (const x of doc.rounds) for (const f of x.findings) expect(f.round).toBe(x.round);
    expect(doc.rounds[2].findings.map((f: { code: string }) => f.code)).toContain('ROUNDS_NOT_MEASURED');
  }, 120_000);

  it('errors: a round\'s column or join that is not there is that round\'s error (exit 1), the other round still validated', async () => {
    const column = await cli('validate', variant(ROUNDS, (j) => ((j.rounds[1] as unknown as { mapping: { weight: string } }).mapping.weight = 'nope')));
    expect(column.code).toBe(1);
    expect(column.out).toMatch(/^NCLS 2021: error MAP_UNKNOWN_COLUMN: The role "sampling weight" is mapped to column "nope", which is not in round2_2021\.csv\./m);
    expect(column.out).toMatch(/^NCLS 2015: round1_2015\.csv: .* No errors/m);
    const join_ = await cli('validate', variant(ROUNDS, (j) => {
      (j.rounds[0] as { joins?: unknown[] }).joins = [{ name: 'extra', data: { path: join(DIR, 'round2_2021.csv') }, on: [{ main: 'nokey', joined: 'psu' }] }];
    }));
    expect(join_.code).toBe(1);
    expect(join_.out).toMatch(/^NCLS 2015: error JOIN_KEY_MISSING: The join extra needs the key column "nokey", which is not in round1_2015\.csv\./m);
    expect(join_.out).toMatch(/^NCLS 2021: round2_2021\.csv: .* No errors/m);
    const one = await cli('validate', variant(ROUNDS, (j) => (j.rounds = j.rounds.slice(0, 1))));
    expect(one.code).toBe(1);
    expect(one.err).toMatch(/error ROUNDS_TOO_FEW: /);
  }, 120_000);
});

describe('clstats compare', () => {
  let rounds: RoundsResult;
  beforeAll(async () => {
    rounds = (await runRoundsFile(ROUNDS, read(ROUNDS))).result;
  }, 120_000);

  it('one row per framework x indicator x domain, the same changes as the rounds file (without years: no AARR)', async () => {
    const r = await cli('compare', BASELINE, FOLLOWUP, '--quiet');
    expect(r.code, r.err).toBe(0);
    // No region_label: the follow-up's regions are recoded, and two single-round files have no shared categories to name them.
    expect(r.out.split('\n')[0]!.split(',')).toEqual(CHANGE_HEAD.filter((h) => h !== 'region_label'));
    const rows = parseCsv(r.out);
    expect(rows.length).toBe(rounds.changes.length);
    rows.forEach((row, i) => {
      const c = rounds.changes[i]!;
      expect([row.from, row.to, key(row)]).toEqual(['baseline', 'followup', [c.framework, c.indicator, c.breakdown, c.cell.sex, c.cell.age_group, c.cell.region, c.cell.area].join('|')]);
      sameNumbers(row, c, NUMERIC.filter((k) => k !== 'aarr' && k !== 'aarr_se'));
      expect([row.aarr, row.aarr_se]).toEqual(['NA', 'NA']);
    });
  }, 120_000);

  it('--format json --out FILE, and the WASM engine', async () => {
    const dir = tmp();
    const r = await cli('compare', BASELINE, FOLLOWUP, '--format', 'json', '--out', join(dir, 'c.json'), '--engine', 'wasm', '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    const doc = read(join(dir, 'c.json'));
    expect(doc.metadata.rounds.map((x: { label: string }) => x.label)).toEqual(['baseline', 'followup']);
    doc.changes.forEach((c: Record<string, number | null>, i: number) => {
      const want = rounds.changes[i]!;
      for (const k of ['difference', 'difference_se', 'p_value'] as const) {
        if (want[k] === null) expect(c[k]).toBeNull();
        else expect(relErr(c[k]!, want[k]), k).toBeLessThan(1e-12);
      }
    });
  }, 240_000);

  it('files that do not measure the same things: COMPARE_DEFINITIONS_DIFFER naming each difference, exit 1, in the user\'s language', async () => {
    // A national definition (sdg_871 renamed) in the baseline, the same name with another chores threshold in the follow-up.
    const national = variant(BASELINE, (j) => (j.frameworks = [{ preset: 'sdg_871_econ' }, { preset: 'sdg_871', id: 'national', name: 'National' }]));
    const other = variant(FOLLOWUP, (j) => {
      j.options = { level: 0.9 };
      j.frameworks = [{ preset: 'sdg_871_econ' }, {
        preset: 'sdg_871', id: 'national', name: 'National', edit: {
          bands: [
            { from: 5, to: 11, econ: { rule: 'hours', min: 1 }, chores: { min: 28 } },
            { from: 12, to: 14, econ: { rule: 'hours', min: 14 }, chores: { min: 28 } },
            { from: 15, to: 17, econ: { rule: 'hours', min: 43 }, chores: null },
          ],
        },
      }];
      j.ageGroups = [{ label: '5-17', from: 5, to: 17 }];
    });
    const r = await cli('compare', national, other);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/error COMPARE_DEFINITIONS_DIFFER: The analysis files variant\.analysis\.json and variant\.analysis\.json do not measure the same things/);
    expect(r.err).toContain('framework national: bands');
    expect(r.err).toContain('age groups: 5-11, 12-14, 15-17, 5-14, 5-17 vs 5-17');
    expect(r.err).toContain('options.level: 0.95 vs 0.9');
    const fewer = await cli('compare', BASELINE, variant(FOLLOWUP, (j) => (j.indicators = ['child_labour'])), '--lang', 'fr');
    expect(fewer.code).toBe(1);
    expect(fewer.err).toMatch(/COMPARE_DEFINITIONS_DIFFER: Les fichiers d'analyse .* ne mesurent pas la même chose ; ils diffèrent par : indicators: /);
  }, 120_000);

  it('usage errors exit 2: one file only', async () => {
    const r = await cli('compare', BASELINE);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CLI_USAGE: compare needs two analysis files/);
  });
});
