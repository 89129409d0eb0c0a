import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../../analysis/analysisFile.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { importFileSet } from '../../analysis/import/fileSet.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { AnalysisError } from '../../analysis/messages.js';
import { loadFileSet } from '../../renderer/engine/loadFileSet.js';
import { LoadedData } from '../../renderer/engine/loadedData.js';
import { joinedColumnsOf } from '../../analysis/import/joinedColumns.js';
import type { AnalysisFile } from '../../analysis/index.js';
import type { SetFile } from '../../renderer/engine/protocol.js';

/**
 * The app's load of several files (renderer/engine/loadFileSet.ts, run by the engine worker) on the
 * app's engine, DuckDB-WASM: the three .sav files of the MICS6-style fixture set opened together give
 * the joins of the set's analysis file and the very table the command line's importFileSet builds
 * from that analysis file; the analysis file's joins are used when given; a failed load keeps the
 * previous table.
 */
const DIR = new URL('../fixtures/fileset/', import.meta.url).pathname;
const file = (name: string, as = name): SetFile => ({ name: as, bytes: new Uint8Array(readFileSync(DIR + name)) });
const analysis = parseAnalysis(readFileSync(DIR + 'fileset-sav.analysis.json', 'utf8'), 'fileset-sav.analysis.json');
const steps: string[] = [];
const progress = (step: string) => void steps.push(step);
const srcRows = async (e: Engine) => JSON.stringify(await e.query('SELECT * FROM src ORDER BY rowid'));

let engine: Engine;
let expected: { rows: string; reports: Awaited<ReturnType<typeof importFileSet>>['joins'] };

beforeAll(async () => {
  engine = await createNodeWasmEngine();
  // What the command line builds from the analysis file (importFileSet, each file from its bytes).
  const set = await importFileSet(engine, { source: bytesSource('fs.sav', file('fs.sav').bytes) }, analysis.joins.map((spec) => ({ spec, source: bytesSource(spec.data.path, file(spec.data.path).bytes) })));
  expected = { rows: await srcRows(engine), reports: set.joins };
});
afterAll(() => engine?.close());

describe('loading a survey file set in the app\'s engine', () => {
  it('suggests the standard MICS6 joins for fs, hh and hl opened together, and builds the command line\'s table', async () => {
    steps.length = 0;
    const set = await loadFileSet(engine, [file('hl.sav'), file('hh.sav'), file('fs.sav')], undefined, progress);
    expect(set.main).toBe('fs.sav');
    expect(set.joins).toEqual(analysis.joins);
    expect(set.reports).toEqual(expected.reports);
    expect(await srcRows(engine)).toBe(expected.rows);
    expect(set.files.map((f) => [f.name, f.format, f.rows])).toEqual([['fs.sav', 'sav', 2199], ['hl.sav', 'sav', readFileSync(DIR + 'hl.csv', 'utf8').trim().split('\n').length - 1], ['hh.sav', 'sav', 2199]]);
    expect(set.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The joined columns' value labels came along.
    expect(set.labels.values.mother_ED5A?.['3']).toBe('Higher');
    expect(set.messages.filter((m) => m.code === 'JOIN_APPLIED')).toHaveLength(3);
    expect([...new Set(steps)]).toEqual(['set.read', 'set.keys', 'set.join']);
    // No working table is left behind.
    const tables = (await engine.query('SELECT table_name FROM duckdb_tables()')).map((r) => String(r.table_name));
    expect(tables.filter((t) => /_set\d|_prev_/.test(t))).toEqual([]);
  });

  it('takes the analysis file\'s joins when given, matching the files opened by name', async () => {
    const given = { main: analysis.data, joins: analysis.joins.filter((j) => j.name !== 'mother') };
    const set = await loadFileSet(engine, [file('fs.sav', 'fs.sav'), file('hh.sav'), file('hl.sav')], given, progress);
    expect(set.reports.map((r) => r.name)).toEqual(['hh', 'hl']);
    expect((await engine.query('SELECT column_name FROM (DESCRIBE src)')).map((r) => String(r.column_name))).not.toContain('mother_ED5A');
    // The joins keep the analysis file's folders (the page sees none): its saved copy runs on the command line as it did.
    const inFolders = { main: { ...analysis.data, path: 'round2/fs.sav' }, joins: given.joins.map((j) => ({ ...j, data: { ...j.data, path: `round2/${j.data.path}` } })) };
    const kept = await loadFileSet(engine, [file('fs.sav'), file('hh.sav'), file('hl.sav')], inFolders, progress);
    expect(kept.joins.map((j) => j.data.path)).toEqual(['round2/hh.sav', 'round2/hl.sav']);
  });

  it('names a file the analysis reads but that was not opened: FILESET_FILE_MISSING', async () => {
    const e = (await loadFileSet(engine, [file('fs.sav'), file('hh.sav')], { main: analysis.data, joins: analysis.joins }, progress).catch((x: unknown) => x)) as AnalysisError;
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.msg).toMatchObject({ code: 'FILESET_FILE_MISSING', params: { file: 'hl.sav', opened: 'fs.sav, hh.sav' } });
  });

  it('a join that fails (a key column missing) leaves the previous table in place', async () => {
    await importData(engine, bytesSource('fs.csv', file('fs.csv').bytes));
    const before = await srcRows(engine);
    const bad = { main: analysis.data, joins: [{ ...analysis.joins[0]!, on: [{ main: 'HH1', joined: 'NOPE' }] }] };
    const e = (await loadFileSet(engine, [file('fs.sav'), file('hh.sav')], bad, progress).catch((x: unknown) => x)) as AnalysisError;
    expect(e.msg).toMatchObject({ code: 'JOIN_KEY_MISSING', params: { file: 'hh.sav', column: 'NOPE', other: 'fs.sav' } });
    expect(await srcRows(engine)).toBe(before);
  });

  it('a household written twice in hh.csv: the household join is still proposed, and the load stops naming the household (JOIN_KEY_DUPLICATE), not leaving hh out', async () => {
    // A walk: the app left the whole household file out without a word (no strata, regions or areas).
    const lines = readFileSync(DIR + 'hh.csv', 'utf8').trimEnd().split('\n');
    const hh = new TextEncoder().encode([...lines, lines[5]!].join('\n') + '\n');
    const [hh1, hh2] = lines[5]!.split(',');
    const e = (await loadFileSet(engine, [file('fs.csv'), { name: 'hh.csv', bytes: hh }, file('hl.csv')], undefined, progress).catch((x: unknown) => x)) as AnalysisError;
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e.msg).toMatchObject({ code: 'JOIN_KEY_DUPLICATE', params: { name: 'hh', file: 'hh.csv' } });
    expect(e.msg.params.values).toBe(`HH1 = ${hh1}, HH2 = ${hh2} (5, ${lines.length})`);
    // Every tenth household written twice (a walk: above 1 %, hh was left out again): the same stop.
    const many = new TextEncoder().encode([...lines, ...lines.slice(1).filter((_, i) => i % 10 === 0)].join('\n') + '\n');
    const again = (await loadFileSet(engine, [file('fs.csv'), { name: 'hh.csv', bytes: many }, file('hl.csv')], undefined, progress).catch((x: unknown) => x)) as AnalysisError;
    expect(again.msg).toMatchObject({ code: 'JOIN_KEY_DUPLICATE', params: { name: 'hh', file: 'hh.csv' } });
    // A members roster (hl.csv: its household's keys on most rows) is still no household file.
    const set = await loadFileSet(engine, [file('fs.csv'), file('hh.csv'), file('hl.csv')], undefined, progress);
    expect(set.joins.map((j) => [j.name, j.data.path, j.on.map((k) => k.joined).join(',')])).toEqual([['hh', 'hh.csv', 'HH1,HH2'], ['hl', 'hl.csv', 'HH1,HH2,HL1'], ['mother', 'hl.csv', 'HH1,HH2,HL1']]);
  });

  it('the checks and runs on the loaded set name the file a joined column came from (the sex code 3 of hl.csv)', async () => {
    const csv = parseAnalysis(readFileSync(DIR + 'fileset-csv.analysis.json', 'utf8'), 'fileset-csv.analysis.json');
    const hl = new TextEncoder().encode(readFileSync(DIR + 'hl.csv', 'utf8').replace(/\n1,1,4,2,/, '\n1,1,4,3,'));
    const set = await loadFileSet(engine, [file('fs.csv'), file('hh.csv'), { name: 'hl.csv', bytes: hl }], { main: csv.data, joins: csv.joins }, progress);
    const data = new LoadedData();
    data.adopt(set.main, set.labels, set.messages, joinedColumnsOf(set.reports));
    const spec = JSON.parse(readFileSync(DIR + 'fileset-csv.analysis.json', 'utf8')) as AnalysisFile;
    const checked = await data.check(engine, spec);
    const m = checked.messages.find((x) => x.code === 'CODE_NOT_MAPPED');
    expect(m?.text).toMatch(/^Column "HL4" \(sex\) of fs\.csv \(the column comes from hl\.csv\) has 1 row with code "3"/);
    const ran = await data.run(engine, spec, () => undefined);
    if (!('result' in ran)) throw new Error('the run stopped');
    expect(ran.result.messages.filter((x) => x.code === 'CODE_NOT_MAPPED').map((x) => x.text)).toEqual([m!.text]);
  });
});
