import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisFile, DataLabels, Mapping, Message } from '../../analysis/index.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { createNodeWasmEngine } from '../../analysis/engine/nodeWasm.js';
import { bytesSource, importData } from '../../analysis/import/load.js';
import { LoadedData } from '../../renderer/engine/loadedData.js';

/**
 * The engine worker's checks and runs on the loaded file (renderer/engine/loadedData.ts), on the app's
 * engine, DuckDB-WASM: what the Data, Map and Results steps and the exports list as the run's messages.
 * A run shows the findings of its own frameworks only, whatever the checks before it were for, and
 * the import's notes (here: a windows-1252 file, its encoding guessed), as the command line does.
 */
const DIR = new URL('../fixtures/import/formats/', import.meta.url).pathname;
const FILE = 'survey-1252.csv';
const base = JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8')) as AnalysisFile;
// No industry or occupation: every framework leaves those parts of hazardous work out, and says so.
const { industry: _i, occupation: _o, ...mapping } = base.mapping;
const analysis = (frameworks: string[]): AnalysisFile => ({
  ...base, data: { path: FILE }, mapping: mapping as Mapping, frameworks: frameworks.map((preset) => ({ preset })), breakdowns: [[], ['sex']],
});
const FIVE = ['ilo_ge2020', 'ilo_ge2020_chores', 'sdg_871_econ', 'sdg_871', 'mics6_hazard'];
const unmapped = (ms: Message[]) => ms.filter((m) => m.code === 'HAZARD_PART_UNMAPPED').map((m) => `${m.params.part}: ${m.params.framework}`).sort();
const noProgress = () => undefined;

let engine: Engine;
let notes: Message[];
let labels: DataLabels;

beforeAll(async () => {
  engine = await createNodeWasmEngine();
  const imported = await importData(engine, bytesSource(FILE, new Uint8Array(readFileSync(DIR + FILE))), {});
  notes = imported.messages;
  labels = imported.labels;
});
afterAll(() => engine?.close());

/** The file just loaded, as the worker adopts it. */
function loaded(): LoadedData {
  const data = new LoadedData();
  data.adopt(FILE, labels, notes);
  return data;
}

describe('the runs on the loaded file', () => {
  it('give the messages of the frameworks run, not those of an earlier check or run', async () => {
    const fresh = await loaded().run(engine, analysis(['sdg_871_econ']), noProgress);
    if (!('result' in fresh)) throw new Error('the run stopped');
    const expected = unmapped(fresh.result.messages);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((m) => m.endsWith(': sdg_871_econ'))).toBe(true);

    const data = loaded();
    const checked = await data.check(engine, analysis(FIVE));
    expect(unmapped(checked.messages).some((m) => m.includes('ilo_ge2020'))).toBe(true);
    const five = await data.run(engine, analysis(FIVE), noProgress);
    if (!('result' in five)) throw new Error('the run stopped');
    // The same data, with SDG 8.7.1 (economic activity only) alone: its check and its run.
    const check = await data.check(engine, analysis(['sdg_871_econ']));
    expect(unmapped(check.messages)).toEqual(expected);
    // Every message as a check of this analysis on the file just loaded gives it, in the same order.
    const first = await loaded().check(engine, analysis(['sdg_871_econ']));
    expect(check.messages.map((m) => m.text)).toEqual(first.messages.map((m) => m.text));
    expect(check.report?.findings.map((m) => m.text).join('\n')).not.toContain('ilo_ge2020');
    const one = await data.run(engine, analysis(['sdg_871_econ']), noProgress);
    if (!('result' in one)) throw new Error('the run stopped');
    expect(unmapped(one.result.messages)).toEqual(expected);
    expect(one.result.messages.map((m) => m.text).join('\n')).not.toContain('ilo_ge2020');
  });

  it('hold the import\'s notes, once, first of the notes (warnings before them), as the command line\'s run messages do', async () => {
    expect(notes.map((m) => m.code)).toContain('DATA_ENCODING_GUESSED');
    const ran = await loaded().run(engine, analysis(['ilo_ge2020']), noProgress);
    if (!('result' in ran)) throw new Error('the run stopped');
    const infos = ran.result.messages.filter((m) => m.severity === 'info');
    expect(infos[0]!.code).toBe('DATA_ENCODING_GUESSED');
    expect(ran.result.messages.filter((m) => m.code === 'DATA_ENCODING_GUESSED')).toHaveLength(1);
    expect(infos[0]!.text).toContain('windows-1252');
    const severities = ran.result.messages.map((m) => m.severity);
    expect(severities.lastIndexOf('warning')).toBeLessThan(severities.indexOf('info'));
  });
});
