import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../analysis/engine/engine.js';
import { emptyLabels } from '../../analysis/import/labels.js';
import { profileTable } from '../../renderer/engine/profileTable.js';
import { engineWithRows } from '../engines.js';

/** The Data step's profile of a loaded file: types, blanks, codes exactly when few, counts otherwise. */
describe('profile of the loaded file', () => {
  let engine: Engine;
  beforeAll(async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [String((i % 3) + 1), i % 100 === 0 ? '' : String(i % 25), `name ${i}`, String(i * 1.5)]);
    engine = await engineWithRows('duckdb-wasm', ['region', 'district', 'label', 'weight'], rows);
  }, 60_000);
  afterAll(() => engine?.close());

  it('lists the codes of columns with few values, exactly, and counts the others', async () => {
    const p = await profileTable(engine, 'survey.csv', emptyLabels());
    const col = (n: string) => p.columns.find((c) => c.name === n)!;
    expect(p.rows).toBe(3000);
    expect(col('region')).toMatchObject({ type: 'number', distinct: 3, blank: 0, codes: ['1', '2', '3'] });
    // 25 values: more than MAX_CODES (20), so no code list (the screen says "more than 20 values").
    expect(col('district').codes).toEqual([]);
    expect(col('district').distinct).toBeGreaterThan(20);
    expect(col('district').blank).toBe(30);
    expect(col('label')).toMatchObject({ type: 'text', codes: [] });
    expect(col('label').distinct).toBeGreaterThan(20);
    expect(col('weight').type).toBe('number');
    expect(p.preview).toHaveLength(20);
  });
});
