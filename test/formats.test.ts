import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis, resolveAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { importData, type ImportOptions, type ImportResult } from '../analysis/import/load.js';
import { runAnalysis, type AnalysisResult, type ResultRow } from '../analysis/run.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, relErr } from './engines.js';
import { engineFor, sourceFor } from './import/sources.js';

/**
 * The same small survey (scripts/fixtures/make-formats.ts) as CSV in UTF-8, UTF-8 with BOM and
 * windows-1252, TSV, semicolon with decimal commas, Parquet (snappy, zstd), SPSS .sav and .zsav,
 * Stata 114, 117 and 118, and Excel: every format gives the same estimates, row by row, on each engine.
 */
const DIR = new URL('./fixtures/import/formats/', import.meta.url).pathname;
const analysisPath = DIR + 'survey.analysis.json';
const analysis = parseAnalysis(readFileSync(analysisPath, 'utf8'), analysisPath);
const FORMATS: [string, ImportOptions][] = [
  ['survey-bom.csv', {}],
  ['survey-1252.csv', {}],
  ['survey.tsv', {}],
  ['survey-semicolon.csv', { decimalComma: true }],
  ['survey.parquet', {}],
  ['survey-zstd.parquet', {}],
  ['survey.sav', {}],
  ['survey.zsav', {}],
  ['survey-114.dta', {}],
  ['survey-117.dta', {}],
  ['survey-118.dta', {}],
  ['survey.xlsx', { sheet: 'Enfants' }],
];
const STATS = ['estimate', 'se', 'ci_low', 'ci_high', 'df', 'total', 'total_se', 'population', 'n_unweighted', 'deff', 'deff_replace', 'cv'] as const;
const key = (r: ResultRow) => [r.framework, r.indicator, r.breakdown, ...Object.values(r.cell)].join('|');

describe.each(ENGINES)('the same survey in every format on %s', (engineName) => {
  let engine: Engine;
  let baseline: AnalysisResult;
  let baseImport: ImportResult;
  beforeAll(async () => {
    engine = await engineFor(engineName, [DIR + 'survey.csv', ...FORMATS.map(([f]) => DIR + f)]);
    baseImport = await importData(engine, sourceFor(engineName, DIR + 'survey.csv'));
    baseline = await runAnalysis(engine, analysis, 'survey.csv');
  }, 120_000);
  afterAll(() => engine?.close());

  it('reads the CSV baseline: 576 rows, UTF-8, comma, region names intact', async () => {
    expect(baseImport).toMatchObject({ format: 'csv', rows: 576, encoding: 'utf-8', delimiter: ',' });
    expect(new Set(baseline.rows.map((r) => r.cell.region))).toEqual(new Set(['', 'Équateur', 'Sud-Ouest', 'Kasaï', 'Kinshasa']));
    expect(baseline.rows.length).toBeGreaterThan(100);
  });

  it.each(FORMATS)('%s gives identical estimates, row by row', async (file, options) => {
    const imported = await importData(engine, sourceFor(engineName, DIR + file), options);
    expect(imported.rows).toBe(576);
    const report = await validateData(engine, analysis, file, imported.labels);
    expect(report.ok).toBe(true);
    const r = await runAnalysis(engine, analysis, file);
    expect(r.rows.length).toBe(baseline.rows.length);
    expect(r.gaps.length).toBe(baseline.gaps.length);
    const other = new Map(r.rows.map((x) => [key(x), x]));
    for (const b of baseline.rows) {
      const x = other.get(key(b));
      expect(x, key(b)).toBeDefined();
      for (const c of STATS) {
        const u = b[c] as number | null;
        const v = x![c] as number | null;
        if (u === null || v === null) expect(v, `${key(b)} ${c}`).toBe(u);
        else expect(relErr(v, u), `${key(b)} ${c}: ${v} vs ${u}`).toBeLessThan(1e-12);
      }
      expect(x!.flag).toBe(b.flag);
    }
    // Text comes through exactly, whatever the encoding (’ and Œ are windows-1252 bytes 0x92 and 0x8C).
    const comments = (await engine.query(`SELECT DISTINCT comment FROM src WHERE comment IS NOT NULL AND comment <> '' ORDER BY 1`)).map((x) => x.comment);
    expect(comments).toEqual(['déjà vu', 'l’école est loin', 'ok', 'vide', 'Œuvre de la mission']);
  });

  it('keeps codes as a CSV gives them: "1", not "1.0"; weights and hours to the last digit', async () => {
    for (const f of ['survey.sav', 'survey-117.dta', 'survey.parquet', 'survey.xlsx']) {
      await importData(engine, sourceFor(engineName, DIR + f), f.endsWith('xlsx') ? { sheet: 'Enfants' } : {});
      const [row] = await engine.query(`SELECT sex, age, weight, stratum, isco FROM src WHERE hhid = '1001'`);
      expect(row, f).toEqual({ sex: '1', age: '17', weight: '515.0647', stratum: '1', isco: '8111' });
    }
  });
});

describe('reading options in the analysis file', () => {
  const schema = JSON.parse(readFileSync(new URL('../docs/analysis-file.schema.json', import.meta.url), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const json = JSON.parse(readFileSync(analysisPath, 'utf8'));
  const withData = (data: Record<string, unknown>) => ({ ...json, data: { path: 'x', ...data } });

  it.each([
    { format: 'sav' }, { format: 'tsv' }, { delimiter: ';', decimalComma: true, encoding: 'latin-1', header: true },
    { columnTypes: { hhid: 'text', weight: 'number' } }, { format: 'xlsx', sheet: 'Enfants' }, { sheet: 2 },
  ])('the schema and the app both accept %j', (data) => {
    expect(validate(withData(data)), JSON.stringify(validate.errors)).toBe(true);
    expect(resolveAnalysis(withData(data), 'x.json').data).toEqual({ path: 'x', ...data });
  });

  it.each([
    { format: 'sas7bdat' }, { delimiter: ';;' }, { delimiter: '"' }, { header: 'yes' }, { encoding: 'ebcdic' }, { decimalComma: 1 },
    { columnTypes: { a: 'date' } }, { sheet: 0 }, { sheet: 1.5 }, { quote: "'" },
  ])('the schema and the app both reject %j', (data) => {
    expect(validate(withData(data))).toBe(false);
    expect(() => resolveAnalysis(withData(data), 'x.json')).toThrow();
  });
});
