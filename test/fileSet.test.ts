import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, type ResolvedAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { importFileSet } from '../analysis/import/fileSet.js';
import { joinedColumnsOf } from '../analysis/import/joinedColumns.js';
import { coreText } from '../analysis/i18n/index.js';
import { importOptionsOf } from '../analysis/import/load.js';
import { main } from '../analysis/cli/main.js';
import { AnalysisError } from '../analysis/messages.js';
import { runAnalysis } from '../analysis/run.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, type EngineName } from './engines.js';
import { engineFor, sourceFor } from './import/sources.js';

/**
 * Survey file sets (issue 13): the child file with the household file and two rows of the members
 * file joined onto it (scripts/fixtures/make-fileset.ts) gives, to the last digit, the results of the
 * same data merged beforehand, on both engines, from CSV and from SPSS; bad keys get coded messages.
 */
const DIR = new URL('./fixtures/fileset/', import.meta.url).pathname;
const analysisOf = (name: string, dir = DIR) => parseAnalysis(readFileSync(join(dir, name), 'utf8'), name);

async function load(engine: Engine, engineName: EngineName, a: ResolvedAnalysis, dir = DIR) {
  return importFileSet(
    engine,
    { source: sourceFor(engineName, join(dir, a.data.path)), options: importOptionsOf(a.data) },
    a.joins.map((spec) => ({ spec, source: sourceFor(engineName, join(dir, spec.data.path)) })),
  );
}

const SET = ['fs.csv', 'hh.csv', 'hl.csv'];

/** The CSV file set copied to a temporary folder with one file edited, loaded on its own engine (then `use`d, if given, before it closes). */
async function loadEdited(
  engineName: EngineName, file: string | Record<string, (lines: string[]) => string[]>, edit: (lines: string[]) => string[] = (l) => l,
  use?: (engine: Engine, set: Awaited<ReturnType<typeof load>>, a: ResolvedAnalysis) => Promise<void>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'fileset-'));
  for (const f of [...SET, 'fileset-csv.analysis.json']) {
    const text = readFileSync(join(DIR, f), 'utf8');
    const edits = typeof file === 'string' ? { [file]: edit } : file;
    writeFileSync(join(dir, f), edits[f] ? edits[f](text.trimEnd().split('\n')).join('\n') + '\n' : text);
  }
  const engine = await engineFor(engineName, SET.map((f) => join(dir, f)));
  try {
    const a = analysisOf('fileset-csv.analysis.json', dir);
    const set = await load(engine, engineName, a, dir);
    await use?.(engine, set, a);
    return set;
  } finally {
    await engine.close();
  }
}

describe.each(ENGINES)('survey file sets on %s', (engineName) => {
  let engine: Engine;
  const files = ['fs', 'hh', 'hl', 'merged'].flatMap((f) => [join(DIR, `${f}.csv`), join(DIR, `${f}.sav`)]);
  beforeAll(async () => {
    engine = await engineFor(engineName, files);
  });
  afterAll(() => engine?.close());

  it.each(['csv', 'sav'])('the joined %s files give the merged file\'s results to the last digit', async (ext) => {
    const joined = analysisOf(`fileset-${ext}.analysis.json`);
    const set = await load(engine, engineName, joined);
    expect(set.joins.map((j) => [j.name, j.matched, j.unmatched])).toEqual([['hh', 2199, 0], ['hl', 2199, 0], ['mother', set.joins[2]!.matched, 2199 - set.joins[2]!.matched]]);
    const report = await validateData(engine, joined, 'fs', set.imported.labels);
    expect(report.ok).toBe(true);
    const fromJoins = await runAnalysis(engine, joined, 'fs');
    const merged = analysisOf(`merged-${ext}.analysis.json`);
    await load(engine, engineName, merged);
    const fromMerged = await runAnalysis(engine, merged, 'fs');
    expect(fromJoins.rows.length).toBeGreaterThan(100);
    expect(fromJoins.rows).toEqual(fromMerged.rows);
    expect(fromJoins.gaps).toEqual(fromMerged.gaps);
  });

  it('the joined columns keep their value labels and declared missing codes (mother\'s education 9 in the .sav)', async () => {
    const set = await load(engine, engineName, analysisOf('fileset-sav.analysis.json'));
    expect(set.imported.labels.values.windex5?.['1']).toBe('Poorest');
    expect(set.imported.labels.values.mother_ED5A?.['3']).toBe('Higher');
    // The declared-missing count is the children's, as in the merged file, not the whole hl file's.
    const merged = await load(engine, engineName, analysisOf('merged-sav.analysis.json'));
    expect(set.imported.labels.missing.mother_ED5A).toEqual(merged.imported.labels.missing.mother_ED5A);
    expect(set.imported.labels.missing.mother_ED5A?.['9']).toBeGreaterThan(0);
    const result = await runAnalysis(engine, analysisOf('fileset-sav.analysis.json'), 'fs');
    const cells = new Set(result.rows.filter((r) => r.breakdown === 'mother_ED5A').map((r) => r.cell.mother_ED5A));
    expect([...cells].sort()).toEqual(['0', '1', '2', '3']); // 9 is missing, in no cell
  });

  it('a joined column whose name differs from a main column only in case is named <join>_<column>, and the main column keeps its values', async () => {
    // hh.csv's windex5 renamed STRATUM: fs.csv has stratum (DuckDB's names are case-insensitive).
    const strata = readFileSync(join(DIR, 'fs.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[3]);
    await loadEdited(engineName, 'hh.csv', (l) => [l[0]!.replace('windex5', 'STRATUM'), ...l.slice(1)], async (e, set) => {
      expect(set.joins[0]!.columns).toContainEqual({ from: 'STRATUM', to: 'hh_STRATUM' });
      const names = (await e.query('SELECT column_name FROM (DESCRIBE src)')).map((r) => String(r.column_name));
      expect(names.filter((n) => /stratum/i.test(n))).toEqual(['stratum', 'hh_STRATUM']);
      expect((await e.query('SELECT stratum FROM src ORDER BY rowid')).map((r) => r.stratum)).toEqual(strata);
    });
  });

  it('a column named as the join\'s own (_m in the joined file, _join_matched in the main file), of text: joined as any other, the same results', async () => {
    // A probe: "Could not convert string 'main' to BOOL when casting from source column _join_matched".
    const withColumn = (name: string) => (l: string[]) => [`${l[0]},${name}`, ...l.slice(1).map((x, i) => `${x},t${i}`)];
    let plain: { joins: unknown; rows: unknown } | undefined;
    await loadEdited(engineName, 'hh.csv', (l) => l, async (e, set, a) => {
      plain = { joins: set.joins.map((j) => [j.name, j.matched, j.unmatched]), rows: (await runAnalysis(e, a, 'fs')).rows };
    });
    for (const [file, name] of [['hh.csv', '_m'], ['fs.csv', '_join_matched']] as const) {
      await loadEdited(engineName, file, withColumn(name), async (e, set, a) => {
        expect(set.joins.map((j) => [j.name, j.matched, j.unmatched]), name).toEqual(plain!.joins);
        expect((await runAnalysis(e, a, 'fs')).rows, name).toEqual(plain!.rows);
      });
    }
  });

  it('a key value that matches two rows of the joined file: JOIN_KEY_DUPLICATE naming the values', async () => {
    const e = (await loadEdited(engineName, 'hh.csv', (l) => [...l, l[5]!]).catch((x: unknown) => x)) as AnalysisError;
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.code).toBe('JOIN_KEY_DUPLICATE');
    const [hh1, hh2] = readFileSync(join(DIR, 'hh.csv'), 'utf8').split('\n')[5]!.split(',');
    const rows = readFileSync(join(DIR, 'hh.csv'), 'utf8').trim().split('\n').length; // the copy of line 5 is the last row
    expect(e.msg.params.values).toBe(`HH1 = ${hh1}, HH2 = ${hh2} (5, ${rows})`);
    expect(e.msg.text).toContain(`(5, ${rows}) (rows of hh.csv in brackets)`);
    // Rows of a members file joined onto a household file are different people, not copies to delete (a probe).
    expect(e.msg.action).toContain('If those rows of hh.csv are different people (a members file joined onto a household file), make the file with one row per child the main file and join fs.csv onto it');
  });

  it('main rows without a match are kept and counted: JOIN_UNMATCHED', async () => {
    const set = await loadEdited(engineName, 'hh.csv', (l) => [l[0]!, ...l.slice(4)]);
    expect(set.imported.rows).toBe(2199);
    const w = set.imported.messages.find((m) => m.code === 'JOIN_UNMATCHED');
    expect(w?.params).toMatchObject({ count: 3, rows: 2199 });
    // It names the first such row of fs.csv and its keys, as the file writes them (a row to look at, not a count alone).
    const fs = readFileSync(join(DIR, 'fs.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    const [hh, line] = [fs[0]!.indexOf('HH1'), fs[0]!.indexOf('HH2')];
    const row = Number(w?.params.row);
    expect(w?.params.values).toBe(`HH1 = ${fs[row]![hh]}, HH2 = ${fs[row]![line]}`);
    const hhKeys = new Set(readFileSync(join(DIR, 'hh.csv'), 'utf8').trim().split('\n').slice(4).map((l) => l.split(',').slice(0, 2).join(',')));
    const unmatched = fs.slice(1).map((l, i) => [i + 1, `${l[hh]},${l[line]}`] as const).filter(([, k]) => !hhKeys.has(k));
    expect(row).toBe(unmatched[0]![0]);
  });

  it('keys written "01" and "2.0" match 1 and 2, as R and Stata read them as numbers; "0012A" would stay itself', async () => {
    const padded = (l: string[]) => [l[0]!, ...l.slice(1).map((x) => x.replace(/^(\d+),(\d+),/, (_, a: string, b: string) => `0${a},${b}.0,`))];
    const set = await loadEdited(engineName, 'hh.csv', padded);
    expect(set.joins[0]).toMatchObject({ name: 'hh', matched: 2199, unmatched: 0 });
  });

  it('keys written with an exponent ("1.2e+06", as R\'s write.csv writes 1200000) match the other file\'s whole numbers', async () => {
    // A probe: fs.csv from write.csv had "2e+05" where hh.dta had 200000: 160 children without their household's region.
    const big = (a: string) => String(Number(a) * 100000);
    const exponent = (a: string) => (Number(a) * 100000).toExponential().replace(/e\+(\d)$/, 'e+0$1');
    const hh = (l: string[]) => [l[0]!, ...l.slice(1).map((x) => x.replace(/^(\d+),/, (_, a: string) => `${big(a)},`))];
    const fs = (l: string[]) => [l[0]!, ...l.slice(1).map((x) => x.replace(/^(\d+),/, (_, a: string) => `${exponent(a)},`))];
    expect(fs(['HH1', '12,3,'])[1]).toBe('1.2e+06,3,');
    const set = await loadEdited(engineName, { 'fs.csv': fs, 'hh.csv': hh, 'hl.csv': hh });
    expect(set.joins.slice(0, 2).map((j) => [j.name, j.matched, j.unmatched])).toEqual([['hh', 2199, 0], ['hl', 2199, 0]]);
  });

  it('a join that matches no row stops with JOIN_NO_MATCH, showing keys of both files', async () => {
    const other = (l: string[]) => [l[0]!, ...l.slice(1).map((x) => x.replace(/^(\d+),/, (_, a: string) => `9${a}A,`))];
    const e = (await loadEdited(engineName, 'hh.csv', other).catch((x: unknown) => x)) as AnalysisError;
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.msg).toMatchObject({ code: 'JOIN_NO_MATCH', severity: 'error', params: { name: 'hh', main: 'fs.csv', mine: '(1, 1), (1, 10), (1, 11)', theirs: '(910A, 1), (910A, 11), (910A, 12)' } });
    expect(e.msg.text).toBe('Join hh: no row of fs.csv matches a row of hh.csv by HH1, HH2 = HH1, HH2. fs.csv holds keys such as (1, 1), (1, 10), (1, 11); hh.csv holds (910A, 1), (910A, 11), (910A, 12).');
  });

  it('a message about a joined column says which file the column came from; its row stays the main file\'s', async () => {
    // hl.csv line 4 is the member HH1 1, HH2 1, HL1 4: the child of fs.csv's first row (FS3 4). Sex code 3.
    const recode = (l: string[]) => l.map((x, i) => (i === 3 ? x.replace(/^1,1,4,2,/, '1,1,4,3,') : x));
    await loadEdited(engineName, 'hl.csv', recode, async (engine, set, a) => {
      const report = await validateData(engine, a, 'fs.csv', set.imported.labels, { joined: joinedColumnsOf(set.joins) });
      const m = report.findings.find((f) => f.code === 'CODE_NOT_MAPPED');
      expect(m?.params).toMatchObject({ column: 'HL4', file: 'fs.csv', joinedFrom: 'hl.csv', value: '3', count: 1, row: 1 });
      expect(m?.text).toMatch(/^Column "HL4" \(sex\) of fs\.csv \(the column comes from hl\.csv\) has 1 row with code "3"/);
      expect(coreText('fr', m!.code, m!.params).text).toContain('fs.csv (la colonne vient de hl.csv)');
      expect(coreText('es', m!.code, m!.params).text).toContain('fs.csv (la columna viene de hl.csv)');
      // A column of the main file is named as before.
      const unmarked = await validateData(engine, a, 'fs.csv', set.imported.labels);
      expect(unmarked.findings.find((f) => f.code === 'CODE_NOT_MAPPED')?.text).toMatch(/^Column "HL4" \(sex\) of fs\.csv has 1 row/);
      expect(report.findings.filter((f) => f.params.column === 'fsweight').every((f) => !('joinedFrom' in f.params))).toBe(true);
      // The run's messages are marked the same way (the universe column is the main file's: unmarked).
      const result = await runAnalysis(engine, a, 'fs.csv', { joined: joinedColumnsOf(set.joins), valuesChecked: true });
      expect(result.messages.filter((x) => x.params.column === 'FS17').every((x) => !('joinedFrom' in x.params))).toBe(true);
    });
  });

  it('a key column missing on one side: JOIN_KEY_MISSING naming the file and column', async () => {
    const e = (await loadEdited(engineName, 'hl.csv', (l) => [l[0]!.replace('HL1,', 'LINE,'), ...l.slice(1)]).catch((x: unknown) => x)) as AnalysisError;
    expect(e.msg).toMatchObject({ code: 'JOIN_KEY_MISSING', params: { column: 'HL1' } });
    expect(String(e.msg.params.file)).toMatch(/hl\.csv$/);
  });

  it('a key column named in other capitals than the file\'s (hl1 saved lower-case): JOIN_KEY_CASE names the file\'s name', async () => {
    const e = (await loadEdited(engineName, 'hl.csv', (l) => [l[0]!.replace('HL1,', 'hl1,'), ...l.slice(1)]).catch((x: unknown) => x)) as AnalysisError;
    expect(e.msg).toMatchObject({ code: 'JOIN_KEY_CASE', params: { column: 'HL1', actual: 'hl1' } });
    expect(e.msg.text).toMatch(/needs the key column "HL1", which is not in .*hl\.csv; the file has "hl1", the same name in other capitals\./);
    expect(coreText('fr', e.msg.code, e.msg.params).action).toContain('Écrivez « hl1 » pour cette clé');
  });
});

describe('survey file sets on the command line', () => {
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, (x) => (out += x), (x) => (err += x));
    return { code, out, err };
  };

  it.each(['native', 'wasm'])('clstats run on the joined .sav files writes the merged file\'s CSV byte for byte (%s)', async (engine) => {
    const joined = await run('run', join(DIR, 'fileset-sav.analysis.json'), '--engine', engine, '--quiet');
    const merged = await run('run', join(DIR, 'merged-sav.analysis.json'), '--engine', engine, '--quiet');
    expect(joined.code).toBe(0);
    expect(joined.out.split('\n').length).toBeGreaterThan(200);
    expect(joined.out).toBe(merged.out);
  });

  it('clstats validate reports each join with its match counts, naming the files by name', async () => {
    const r = await run('validate', join(DIR, 'fileset-csv.analysis.json'));
    expect(r.code).toBe(0);
    expect(r.out + r.err).toContain('Join hh: each row of fs.csv gets 4 columns from hh.csv by HH1, HH2 = HH1, HH2; 2,199 of 2,199 rows matched.');
    // The children whose mother is not in the household have no HL12: said as such, not as keys that match nothing (a walk).
    expect(r.out + r.err).toContain('JOIN_KEY_BLANK: 255 of the 2,199 rows of fs.csv have an empty HL12 (or 0, which no row of hl.csv has): no row of hl.csv is looked for');
    expect(r.out + r.err).not.toContain('JOIN_UNMATCHED');
  });

  it('clstats run names the file a joined column came from in its warnings (the sex code 3 of hl.csv)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fileset-cli-'));
    for (const f of [...SET, 'fileset-csv.analysis.json']) {
      const text = readFileSync(join(DIR, f), 'utf8');
      writeFileSync(join(dir, f), f === 'hl.csv' ? text.replace(/\n1,1,4,2,/, '\n1,1,4,3,') : text);
    }
    const r = await run('run', join(dir, 'fileset-csv.analysis.json'), '--out', join(dir, 'r.csv'));
    expect(r.code).toBe(0);
    expect(r.err.split('warning CODE_NOT_MAPPED: Column "HL4" (sex) of fs.csv (the column comes from hl.csv) has 1 row with code "3"').length).toBe(2); // once
  });

  it('clstats export: the metadata names every file of the set with its SHA-256 (hl.sav once, though joined twice)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fileset-export-'));
    const r = await run('export', join(DIR, 'fileset-sav.analysis.json'), '--csv', join(out, 'r.csv'), '--quiet');
    expect(r.code).toBe(0);
    const meta = JSON.parse(readFileSync(join(out, 'r.csv.metadata.json'), 'utf8')) as { source: { file: string; sha256: string; joined: { file: string; sha256: string }[] } };
    const sha = (f: string) => createHash('sha256').update(readFileSync(join(DIR, f))).digest('hex');
    expect(meta.source.file).toBe('fs.sav');
    expect(meta.source.sha256).toBe(sha('fs.sav'));
    expect(meta.source.joined).toEqual([{ file: 'hh.sav', sha256: sha('hh.sav') }, { file: 'hl.sav', sha256: sha('hl.sav') }]);
  });
});
