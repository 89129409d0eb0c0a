import { describe, expect, it } from 'vitest';
import type { TableProfile } from '../../renderer/engine/protocol.js';
import { appReducer, initialState, withReading, type AppAction, type AppState } from '../../renderer/model/appState.js';
import { analysisJson } from '../../renderer/model/draftAnalysis.js';
import { profileCsv, readAnalysis } from './fixtures.js';

/**
 * The decimal comma of a delimited text file in the app's state (renderer/model/appState.ts): the
 * analysis the app saves says data.decimalComma: true exactly when the engine read the main file with
 * one (TableProfile.decimalComma), so the command line and the R script read it the same way; reading
 * the file again the other way (the Data step's box) keeps the step and the mapping.
 */
const FILE = 'lfs_synthetic_children.csv';
const profile = (over: Partial<TableProfile> = {}): TableProfile => ({
  file: FILE,
  format: 'csv',
  sha256: '0'.repeat(64),
  labels: {} as TableProfile['labels'],
  rows: 100,
  columns: profileCsv(FILE),
  preview: [],
  psuCandidates: [],
  ...over,
});
const apply = (s: AppState, ...actions: AppAction[]) => actions.reduce((state, a) => appReducer(Object.freeze(state), a), Object.freeze(s));
const start = initialState('en');

describe('the decimal comma in the analysis the app builds', () => {
  it('a file read with a decimal comma: the draft and the saved analysis file say data.decimalComma: true', () => {
    const s = apply(start, { type: 'loaded', profile: profile({ decimalComma: true }), file: FILE, analysis: null });
    expect(s.draft?.data).toEqual({ path: FILE, decimalComma: true });
    expect((JSON.parse(analysisJson(s.draft!)) as { data: unknown }).data).toEqual({ path: FILE, decimalComma: true });
  });

  it('a file read with decimal points: no decimalComma written, and an analysis that had one loses it', () => {
    expect(apply(start, { type: 'loaded', profile: profile({ decimalComma: false }), file: FILE, analysis: null }).draft?.data).toEqual({ path: FILE });
    const analysis = readAnalysis('lfs_synthetic.analysis.json');
    const s = apply(start, { type: 'loaded', profile: profile({ decimalComma: false }), file: FILE, analysis: { ...analysis, data: { ...analysis.data, decimalComma: true } } });
    expect(s.draft?.data.decimalComma).toBeUndefined();
  });

  it('an analysis file with decimalComma opened with its data keeps it', () => {
    const analysis = readAnalysis('lfs_synthetic.analysis.json');
    const s = apply(start, { type: 'loaded', profile: profile({ decimalComma: true }), file: FILE, analysis: { ...analysis, data: { ...analysis.data, decimalComma: true } } });
    expect(s.draft?.data).toMatchObject({ path: FILE, decimalComma: true });
    expect(s.draft?.mapping).toEqual(analysis.mapping);
  });

  it('other formats (no decimalComma in the profile) leave the data spec as it is', () => {
    const analysis = readAnalysis('lfs_synthetic.analysis.json');
    expect(withReading(analysis, profile({ format: 'parquet' }))).toBe(analysis);
  });

  it('read again the other way: the step, the mapping the user made and the breakdowns stay; the check and the result go', () => {
    const loaded = apply(start, { type: 'loaded', profile: profile({ decimalComma: false }), file: FILE, analysis: null });
    const mapped = apply(loaded, { type: 'mapping', mapping: { ...loaded.draft!.mapping, region: { column: 'milieu' } } });
    const draft = { ...mapped.draft!, data: { ...mapped.draft!.data, decimalComma: true } };
    const s = apply(mapped, { type: 'checkStarted' }, { type: 'reread', profile: profile({ decimalComma: true }), analysis: draft });
    expect(s.step).toBe('data');
    expect(s.draft?.mapping).toEqual(mapped.draft?.mapping);
    expect(s.draft?.breakdowns).toEqual(mapped.draft?.breakdowns);
    expect(s.draft?.data).toEqual({ path: FILE, decimalComma: true });
    expect([s.check, s.result, s.profile?.decimalComma]).toEqual([null, null, true]);
  });
});
