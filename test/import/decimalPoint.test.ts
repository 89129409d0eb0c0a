import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAnalysis } from '../../analysis/analysisFile.js';
import type { Engine } from '../../analysis/engine/engine.js';
import { importData } from '../../analysis/import/load.js';
import { formatMessageIn } from '../../analysis/messages.js';
import { validateData } from '../../analysis/validate.js';
import { ENGINES } from '../engines.js';
import { engineFor, sourceFor } from './sources.js';

/**
 * A file read with a decimal comma whose weights are partly written with a dot: Spanish and French
 * exports write 1.235 for 1235 (thousands), another program 1.5 for 1,5. Read as written, "1.577,7"
 * was text and "2.515" the number 2.515, a weight a thousand times too small, silently (a probe:
 * SDG 8.7.1 child labour 35.4 % against R's 26.8 % in one region). Now VALUE_DECIMAL_POINT, an error
 * naming the column, the first row and value and the count (analysis/import/decimalComma.ts).
 */
const DIR = new URL('../fixtures/import/formats/', import.meta.url).pathname;
const json = JSON.parse(readFileSync(DIR + 'survey.analysis.json', 'utf8'));
const lines = readFileSync(DIR + 'survey-semicolon.csv', 'utf8').trim().split('\n');
const W = lines[0]!.split(';').indexOf('weight');
const dir = mkdtempSync(join(tmpdir(), 'decimal-point-'));
const edited = join(dir, 'dotted.csv');
writeFileSync(edited, lines.map((l, i) => {
  const f = l.split(';');
  if (i === 3) f[W] = '1.577,7059';
  if (i === 5) f[W] = '2.515';
  return f.join(';');
}).join('\n') + '\n');
const analysis = resolveAnalysis({ ...json, data: { path: 'dotted.csv', decimalComma: true } }, 'dotted.json');

describe.each(ENGINES)('numbers written with a dot in a file read with a decimal comma on %s', (name) => {
  let engine: Engine | undefined;
  afterEach(async () => engine?.close());

  it('VALUE_DECIMAL_POINT names the column, the first row and value, and the count; a clean file has none', async () => {
    engine = await engineFor(name, [edited, DIR + 'survey-semicolon.csv']);
    await importData(engine, sourceFor(name, edited), { decimalComma: true });
    const r = await validateData(engine, analysis, 'dotted.csv');
    expect(r.ok).toBe(false);
    const found = r.findings.filter((f) => f.code === 'VALUE_DECIMAL_POINT');
    expect(found).toMatchObject([{ severity: 'error', params: { column: 'weight', role: 'weight', row: 3, value: '1.577,7059', count: 2 } }]);
    expect(found[0]!.text).toContain('has numbers written with a dot, first at row 3: "1.577,7059" (2 rows in all)');
    for (const lang of ['en', 'fr', 'es'] as const) expect(formatMessageIn(found[0]!, lang)).not.toMatch(/\{\w+\}/);
    // "1.577,7059" is not a number either: said once, by VALUE_DECIMAL_POINT, which says why.
    expect(r.findings.filter((f) => f.code === 'VALUE_NOT_NUMERIC' && f.params.column === 'weight')).toEqual([]);
    // The same file's other numbers, with their decimal comma, read as before.
    expect(await engine.query(`SELECT weight FROM src WHERE rowid = 0`)).toEqual([{ weight: '577.7059' }]);
    // Another file read next: what the first one's reading found is gone.
    await importData(engine, sourceFor(name, DIR + 'survey-semicolon.csv'), { decimalComma: true });
    expect((await validateData(engine, analysis, 'survey-semicolon.csv')).findings.filter((f) => f.code === 'VALUE_DECIMAL_POINT')).toEqual([]);
  });
});
