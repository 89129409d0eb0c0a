import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { emptyLabels } from '../../analysis/import/labels.js';
import { profileTable } from '../../renderer/engine/profileTable.js';
import { engineWithRows } from '../engines.js';

/** The Data step's profile of a loaded file: types, blanks, distinct counts, codes when few. */
describe('profile of the loaded file', () => {
  let engine: Engine;
  beforeAll(async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [
      String((i % 3) + 1),
      i % 100 === 0 ? (i % 200 === 0 ? '' : '  ') : String(i % 25),
      `name ${i}`,
      i === 7 ? ' 12.5 ' : String(i * 1.5),
      i === 9 ? 'n/a' : String(i % 2),
      i === 11 ? 'NSP' : i === 12 ? 'Manquant' : String(i % 60),
    ]);
    engine = await engineWithRows('duckdb-wasm', ['region', 'district', 'label', 'weight', 'flag', 'hours'], rows);
  }, 60_000);
  afterAll(() => engine?.close());

  it('counts blanks, distinct values and text cells, and lists the codes of columns with few values', async () => {
    const p = await profileTable(engine, 'survey.csv', emptyLabels());
    const col = (n: string) => p.columns.find((c) => c.name === n)!;
    expect(p.rows).toBe(3000);
    expect(col('region')).toMatchObject({ type: 'number', distinct: 3, blank: 0, codes: ['1', '2', '3'] });
    // Blank and whitespace-only cells are blank; 25 values are more than MAX_CODES (20): no code list.
    expect(col('district')).toMatchObject({ type: 'number', distinct: 25, blank: 30, codes: [] });
    expect(col('label')).toMatchObject({ type: 'text', distinct: 3000, codes: [] });
    // A number with surrounding spaces is a number; one text cell makes the column text.
    expect(col('weight').type).toBe('number');
    expect(col('flag')).toMatchObject({ type: 'text', distinct: 3, codes: ['0', '1', 'n/a'] });
    // The few cells that are not numbers in a column of numbers (hours saved with MICS's labels as
    // text), for the MICS6 preset to declare missing; none in a column of words or of numbers.
    expect(col('hours')).toMatchObject({ type: 'text', distinct: 62, codes: [], words: ['Manquant', 'NSP'] });
    expect([col('label').words, col('region').words]).toEqual([undefined, undefined]);
    expect(p.preview).toHaveLength(20);
  });
});
