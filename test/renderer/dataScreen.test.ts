import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../analysis/index.js';
import { message } from '../../analysis/messages.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { I18nContext, makeI18n } from '../../renderer/components/I18n.js';
import type { TableProfile } from '../../renderer/engine/protocol.js';
import { missingRoles, suggestMapping } from '../../renderer/model/suggestMapping.js';
// @ts-expect-error -- as above
import { DataScreen } from '../../renderer/screens/DataScreen.js';
import { profileCsv } from './fixtures.js';

/**
 * The Data step rendered to HTML (no browser): with roles the quick check needs left unmapped it says
 * which to map (no check runs, so "Checking…" would stay forever); the import's own notes (a title
 * row skipped, which says what the rows of other messages count from) are shown with the file.
 */
const FILE = 'lfs_synthetic_children.csv';
const profile = (over: Partial<TableProfile> = {}): TableProfile => ({
  file: FILE, format: 'csv', sha256: '0'.repeat(64), labels: {} as TableProfile['labels'], rows: 100, columns: profileCsv(FILE), preview: [], psuCandidates: [], ...over,
});
const render = (p: TableProfile, missing: string[], findings: Message[] | null = null, lang: 'en' | 'es' = 'en') =>
  renderToStaticMarkup(
    createElement(I18nContext.Provider, { value: makeI18n(lang) },
      createElement(DataScreen, { profile: p, findings, report: null, checking: false, missing, busy: false, onDecimalComma: () => undefined, onSheet: () => undefined, onNext: () => undefined })),
  );

describe('the Data step', () => {
  it('with no weight mapped: says to map it, instead of a check that never comes', () => {
    const { weight: _w, ...mapping } = suggestMapping(profileCsv(FILE)).mapping;
    const missing = missingRoles(mapping);
    expect(render(profile(), missing)).toContain('Map these roles to continue: Sampling weight.');
    expect(render(profile(), missing)).not.toContain('Checking…');
    expect(render(profile(), missing, null, 'es')).toContain('Asigne estas variables para continuar: Factor de expansión.');
  });

  it('with a text file of prose: lists every role the check needs', () => {
    const prose = profile({ file: 'notes.txt', columns: [{ name: 'Field notes from the survey', type: 'text', distinct: 12, blank: 0, codes: [] }] });
    const html = render(prose, missingRoles(suggestMapping(prose.columns).mapping));
    expect(html).toContain('Map these roles to continue: Sampling weight, Age (completed years), Sex, Hours of economic activity.');
    expect(html).not.toContain('Checking…');
  });

  it('every role mapped: the check runs, then its findings show', () => {
    expect(render(profile(), [])).toContain('Checking…');
    expect(render(profile(), [], [])).toContain('No problem found.');
  });

  it('shows the import\'s notes: the title row skipped and what row 1 is', () => {
    const note = message('DATA_XLSX_TITLE_SKIPPED', { file: 'titled.xlsx', sheet: 'Data', count: 1, title: 'Child survey 2022', row: 2, first: 3 });
    const html = render(profile({ file: 'titled.xlsx', format: 'xlsx', sheet: 'Data', importMessages: [note] }), []);
    expect(html).toContain('DATA_XLSX_TITLE_SKIPPED');
    expect(html).toContain('(row 1 is sheet row 3)');
  });

  it('a workbook of several sheets offers the others (the sheet read chosen); one sheet or a CSV offers none', () => {
    const html = render(profile({ file: 'ett.xlsx', format: 'xlsx', sheet: 'Datos', sheets: ['Notas', 'Datos'] }), [], null, 'es');
    expect(html).toMatch(/Hoja leída: <select data-testid="data-sheet">.*<option value="Notas">Notas<\/option><option value="Datos" selected="">Datos<\/option>/);
    expect(render(profile({ file: 'ett.xlsx', format: 'xlsx', sheet: 'Datos', sheets: ['Datos'] }), [])).not.toContain('data-sheet');
    expect(render(profile(), [])).not.toContain('data-sheet');
  });

  it('a report that counted nothing (a mapped column missing) shows dashes, not 0 children and 0 strata (a walk)', () => {
    const report = { file: FILE, rowsRead: 100, counted: false, children: 0, ageRange: [5, 17], weights: { column: 'w', missing: 0, zero: 0, zeroInUniverse: 0, negative: 0, notNumeric: 0 }, agesInvalid: 0,
      design: { strata: 0, psus: 0, lonelyStrata: [], psuIdsRepeatAcrossStrata: false, nested: true, df: 0, dfInScope: 0 }, hours: [], findings: [], ok: false };
    const html = (counted: boolean) => renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n('en') },
        createElement(DataScreen, { profile: profile(), findings: [], report: { ...report, counted }, checking: false, missing: [], busy: false, onDecimalComma: () => undefined, onSheet: () => undefined, onNext: () => undefined })),
    );
    const counts = (h: string) => [...h.matchAll(/<dd>([^<]*)<\/dd>/g)].map((x) => x[1]);
    expect(counts(html(false))).toEqual(['100', '—', '—', '—', '—', '—']);
    expect(counts(html(true))).toEqual(['100', '0', '0', '0', '0', '0']);
  });
});
