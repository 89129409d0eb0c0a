import { describe, expect, it } from 'vitest';
import type { ResolvedAnalysis } from '../analysis/analysisFile.js';
import { quintileOrder } from '../analysis/quintileOrder.js';
import { sortResults } from '../analysis/sortResults.js';

/** Wealth quintiles written as labels (a file saved with its value labels as text) sort in their order, not the alphabet's (a walk). */
describe('wealth quintiles written as labels', () => {
  it('rank in their order in MICS and DHS wordings, en/fr/es; any other code list is left to the natural order', () => {
    expect([...quintileOrder(['Cuarto', 'Más pobre', 'Más rico', 'Medio', 'Segundo'])!].sort((a, b) => a[1] - b[1]).map(([c]) => c)).toEqual(['Más pobre', 'Segundo', 'Medio', 'Cuarto', 'Más rico']);
    expect([...quintileOrder(['Richer', 'Poorest', 'Middle', 'Richest', 'Poorer'])!].sort((a, b) => a[1] - b[1]).map(([c]) => c)).toEqual(['Poorest', 'Poorer', 'Middle', 'Richer', 'Richest']);
    expect([...quintileOrder(['Quatrième', 'Le plus pauvre', 'Moyen', 'Second', 'Le plus riche'])!].sort((a, b) => a[1] - b[1]).map(([c]) => c)).toEqual(['Le plus pauvre', 'Second', 'Moyen', 'Quatrième', 'Le plus riche']);
    expect([quintileOrder(['1', '2', '3']), quintileOrder(['Poorest', 'Other']), quintileOrder(['Second', 'Poorer'])]).toEqual([null, null, null]);
  });

  it('order the results of a breakdown by them, blanks (all) first', () => {
    const a = { frameworks: [{ id: 'f' }], indicators: ['child_labour'], breakdowns: [['windex5']], mapping: { sex: { male: '1', female: '2' } }, ageGroups: [] } as unknown as ResolvedAnalysis;
    const row = (v: string) => ({ framework: 'f', indicator: 'child_labour' as const, breakdown: 'windex5', cell: { windex5: v } });
    const rows = ['Cuarto', '', 'Más pobre', 'Más rico', 'Medio', 'Segundo'].map(row);
    sortResults(a, ['windex5'], rows);
    expect(rows.map((r) => r.cell.windex5)).toEqual(['', 'Más pobre', 'Segundo', 'Medio', 'Cuarto', 'Más rico']);
  });
});
