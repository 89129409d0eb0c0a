import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnalysis } from '../analysis/analysisFile.js';
import type { Engine } from '../analysis/engine/engine.js';
import { validateData } from '../analysis/validate.js';
import { ENGINES, REFERENCE_DIR, engineWithRows } from './engines.js';

/**
 * Cluster numbers that restart in each stratum, mapped without the stratum (a probe's DHS file: hv001
 * alone, df 9 instead of 40, every SE wrong, no message): clusters whose children lie in several
 * regions are said (PSU_ACROSS_REGIONS), with the count, the first such cluster, its row and its
 * regions, all counted here from the file's rows.
 */
const path = new URL('./fixtures/reference.analysis.json', import.meta.url).pathname;
const base = JSON.parse(readFileSync(path, 'utf8'));
const lines = readFileSync(`${REFERENCE_DIR}children_sample.csv`, 'utf8').trim().split('\n');
const head = lines[0]!.split(',');
const rows = lines.slice(1).map((l) => l.split(',').map((c) => (c === '' ? null : c)));
const [psu, region] = [head.indexOf('psu'), head.indexOf('region')];

/** Each cluster id's regions and first row (from 1), as the file has them. */
function clusters(): Map<string, { regions: Set<string>; row: number }> {
  const out = new Map<string, { regions: Set<string>; row: number }>();
  rows.forEach((r, i) => {
    const c = out.get(r[psu]!) ?? { regions: new Set<string>(), row: i + 1 };
    if (r[region] !== null) c.regions.add(r[region]!);
    out.set(r[psu]!, c);
  });
  return out;
}

describe.each(ENGINES)('clusters across regions on %s', (name) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await engineWithRows(name, head, rows);
  }, 120_000);
  afterAll(async () => engine?.close());

  it('cluster ids without their stratum: a warning naming how many, the first, its row and regions; with the stratum none', async () => {
    const spread = [...clusters()].filter(([, c]) => c.regions.size > 1).sort((a, b) => a[1].row - b[1].row);
    expect(spread.length).toBeGreaterThan(0);
    const [id, first] = spread[0]!;
    const { stratum: _, ...noStratum } = base.mapping;
    const a = parseAnalysis(JSON.stringify({ ...base, mapping: noStratum }), path);
    const said = (await validateData(engine, a, 'children.csv')).findings.filter((f) => f.code === 'PSU_ACROSS_REGIONS');
    expect(said).toHaveLength(1);
    const regions = [...first.regions].sort();
    expect(said[0]!.params).toMatchObject({ count: spread.length, column: 'psu', region: 'region', psu: id, row: first.row, regionCount: regions.length });
    expect(said[0]!.severity).toBe('warning');
    expect(said[0]!.text).toContain(`${spread.length} clusters (psu) of children.csv hold children of more than one region (region); the first, "${id}" (row ${first.row}), of ${regions.length} regions (${regions.slice(0, 4).join(', ')}${regions.length > 4 ? ', ...' : ''}).`);
    // The stratum within which cluster numbers are unique: no cluster crosses a region.
    const nested = parseAnalysis(JSON.stringify(base), path);
    expect((await validateData(engine, nested, 'children.csv')).findings.map((f) => f.code)).not.toContain('PSU_ACROSS_REGIONS');
    // A region also written "01" (CATEGORY_SPELLINGS): still said, its spellings taken as one region (a review).
    const spelt = await engineWithRows(name, head, rows.map((r, i) => (r[region] === '1' && i % 50 === 0 ? r.map((c, j) => (j === region ? '01' : c)) : r)));
    try {
      const found = (await validateData(spelt, a, 'children.csv')).findings;
      expect(found.map((f) => f.code)).toContain('CATEGORY_SPELLINGS');
      expect(found.find((f) => f.code === 'PSU_ACROSS_REGIONS')?.params.count).toBe(spread.length);
    } finally {
      await spelt.close();
    }
  }, 120_000);
});
