import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../analysis/index.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { I18nContext, makeI18n } from '../../renderer/components/I18n.js';
import type { ColumnProfile } from '../../renderer/engine/protocol.js';
import { setNoClusters } from '../../renderer/model/designRoles.js';
import { suggestMapping } from '../../renderer/model/suggestMapping.js';
// @ts-expect-error -- as above
import { MapScreen } from '../../renderer/screens/MapScreen.js';
import { profileCsv } from './fixtures.js';

/**
 * The Map screen rendered to HTML (no browser): the cluster notice, the "no clusters" choice, the
 * universe with its labelled codes and the warning about a column in two roles; every label tied to
 * its control. The browser workflow (test/e2e) clicks through it.
 */
type M = Partial<Mapping>;

describe('the Map screen', () => {
  const render = (mapping: M, columns: ColumnProfile[], lang: 'en' | 'fr' | 'es' = 'en') =>
    renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n(lang) },
        createElement(MapScreen, { columns, mapping, preset: 'lfs', check: null, checking: false, onChange: () => undefined, onPreset: () => undefined, onNext: () => undefined })),
    );
  const labelsTied = (html: string) => {
    const ids = [...html.matchAll(/<label for="([^"]+)"/g)].map((x) => x[1]!);
    for (const id of ids) expect(html, id).toContain(`id="${id}"`);
    return ids.length;
  };

  it('without a cluster: says it is required, lists candidates and keeps Accept disabled', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const { psu: _psu, ...m } = suggestMapping(cols).mapping;
    const html = render(m, cols);
    expect(html).toContain('data-testid="cluster-required"');
    expect(html).toContain('Use ea');
    expect(html).toMatch(/data-testid="accept-mapping" disabled=""/);
    expect(html).toContain('No clusters (simple random sample of children)');
    expect(labelsTied(html)).toBeGreaterThan(10);
  });

  it('the sex and area code lists show each code with the file\'s value label (M Masculino), so the code of boys is seen', () => {
    const cols = profileCsv('lfs_synthetic_children.csv').map((c) => (c.name === 'gender' ? { ...c, valueLabels: { M: 'Masculino', F: 'Femenino' } } : c));
    const html = render(suggestMapping(cols).mapping, cols, 'es');
    const list = /<datalist id="([^"]*)-codes">(.*?)<\/datalist>/.exec(html)!;
    expect(list[2]).toBe('<option value="F" label="Femenino"></option><option value="M" label="Masculino"></option>');
  });

  it('what an empty cell means can be set for each hours and yes/no role: unknown, or not asked (0 hours; no), the advice of HOURS_MISSING_SHARE', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const base = suggestMapping(cols).mapping;
    // A yes/no role's blank "zero" is read as "no" (mapping.ts): shown as such.
    const m = { ...base, econHours: { ...base.econHours!, blank: 'zero' as const }, absentFromJob: { ...base.absentFromJob!, blank: 'zero' as const } };
    const html = render(m, cols, 'es');
    const selects = [...html.matchAll(/<label for="([^"]+)">las celdas vacías significan<\/label><select id="\1"[^>]*>(.*?)<\/select>/g)].map((x) => x[2]!);
    // absent (yes/no), the two hours: each with its own choice, the mapping's selected.
    expect(selects.map((o) => [...o.matchAll(/<option value="(\w+)"( selected="")?>([^<]*)</g)].map((x) => `${x[1]}${x[2] ? '*' : ''} ${x[3]}`))).toEqual([
      ['missing desconocido', 'no* no (no se preguntó)'],
      ['missing desconocido', 'zero* 0 horas (no se preguntó)'],
      ['missing* desconocido', 'zero 0 horas (no se preguntó)'],
    ]);
  });

  it('the missing codes of an hours or yes/no role, and the codes of the hazard columns, can be set (the advice of several messages)', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const base = suggestMapping(cols).mapping;
    const hours = base.econHours!;
    const m = {
      ...base,
      econHours: { ...hours, missingCodes: ['98', '99'] },
      occupation: { ...base.occupation!, missingCodes: ['9999', 'NS'] },
      hazards: { a: { columns: [cols[0]!.name], yes: ['oui'], blank: 'no' as const, missingCodes: ['NSP'] } },
    };
    const html = render(m, cols, 'fr');
    const fields = (label: string) => [...html.matchAll(new RegExp(`<label for="([^"]+)">${label}</label><input id="\\1"[^>]*value="([^"]*)"`, 'g'))].map((x) => x[2]);
    // One per role mapped (absence from work, the two hours, the industry and the occupation): the
    // hours of economic activity hold 98, 99, the occupation's not stated 9999, NS.
    expect(fields('codes manquants')).toEqual(['', '98, 99', '', '', '9999, NS']);
    expect(fields('codes oui des colonnes de dangers')).toEqual(['oui']);
    expect(fields('codes manquants des colonnes de dangers')).toEqual(['NSP']);
    expect(labelsTied(html)).toBeGreaterThan(10);
  });

  it('hours of economic activity summed over several columns show every column (a hand-written file showed the first only)', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const m = { ...suggestMapping(cols).mapping, econHours: { columns: ['work_hrs', 'chore_hrs'], combine: 'sum' as const } };
    const html = render(m, cols, 'en');
    for (const c of ['work_hrs', 'chore_hrs']) expect(html).toContain(`<li><span>${c}</span><button type="button" class="chip-remove" aria-label="Remove ${c}"`);
  });

  it('the weights\' divisor beside the weight (implied decimals, DHS): the mapping\'s selected, in the language\'s numbers; one from a file kept', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const base = suggestMapping(cols).mapping;
    const options = (html: string) => {
      const [, label, opts] = /<label for="([^"]+)">([^<]*)<\/label><select id="\1" data-testid="weight-divisor"[^>]*>(.*?)<\/select>/.exec(html)!.slice(1);
      return [label, [...opts!.matchAll(/<option value="(\d+)"( selected="")?>([^<]*)</g)].map((x) => `${x[1]}${x[2] ? '*' : ''} ${x[3]}`)];
    };
    expect(options(render({ ...base, weightDivisor: 100 }, cols, 'fr'))).toEqual(['poids divisés par', [
      '1 1 (tels qu&#x27;écrits)', '100* 100 (deux décimales implicites)', '1000 1\u202f000 (trois décimales implicites)', '1000000 1\u202f000\u202f000 (poids des EDS/DHS)',
    ]]);
    expect(options(render(base, cols, 'en'))[1]).toEqual(['1* 1 (as written)', '100 100 (two implied decimals)', '1000 1,000 (three implied decimals)', '1000000 1,000,000 (DHS weights)']);
    expect(options(render({ ...base, weightDivisor: 10000 }, cols, 'es'))[1]).toContain('10000* 10.000');
    const { weight: _w, ...noWeight } = base;
    expect(render(noWeight, cols)).not.toContain('weight-divisor');
  });

  it('the design summary gives the number of strata with one PSU, then their codes ("99" alone read as 99 such strata, a walk)', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const check = (lonelyStrata: string[]) => ({ design: { rows: 9000, strata: 30, psus: 400, df: 370, lonelyStrata }, childrenInScope: 8000, messages: [], report: null });
    const lonely = (html: string) => /data-testid="design-lonely">([^<]*)</.exec(html)?.[1];
    const html = (l: string[], lang: 'en' | 'fr' = 'en') => renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n(lang) },
        createElement(MapScreen, { columns: cols, mapping: suggestMapping(cols).mapping, preset: 'lfs', check: check(l), checking: false, onChange: () => undefined, onPreset: () => undefined, onNext: () => undefined })),
    );
    expect(lonely(html(['99']))).toBe('1 (99)');
    expect(lonely(html(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], 'fr'))).toBe('10 (1, 2, 3, 4, 5, 6, 7, 8, …)');
    expect(lonely(html([]))).toBe('none');
  });

  it('with "no clusters": no notice, Accept enabled; a column in two roles is warned about', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const m = setNoClusters({ ...suggestMapping(cols).mapping, area: { column: 'gender', urban: 'M', rural: 'F' } }, true);
    const html = render(m, cols, 'fr');
    expect(html).not.toContain('cluster-required');
    expect(html).not.toMatch(/data-testid="accept-mapping" disabled/);
    expect(html).toContain('La colonne gender tient plusieurs rôles : Sexe, Milieu.');
  });

  it('shows the MICS6 universe with the codes to tick, labelled and tied to their checkboxes', () => {
    const cols = profileCsv('mics6_synthetic_fs.csv').map((c) => (c.name === 'FS17' ? { ...c, valueLabels: { '1': 'Completed', '2': 'Not at home' } } : c));
    const html = render(suggestMapping(cols).mapping, cols);
    expect(html).toContain('Universe (who is in scope)');
    expect(html).toMatch(/<legend[^>]*>Codes of FS17 in scope<\/legend>/);
    expect(html).toMatch(/<label class="check"><input type="checkbox" checked=""\/> 1 Completed<\/label>/);
    labelsTied(html);
  });
});

describe('the Map screen for screen readers', () => {
  it('each role\'s "missing codes" and "yes codes" box has a name of its own (a walk: three boxes alike, 99 typed in the wrong one)', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const m = suggestMapping(cols).mapping;
    const html = renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n('en') },
        createElement(MapScreen, { columns: cols, mapping: m, preset: 'lfs', check: null, checking: false, onChange: () => undefined, onPreset: () => undefined, onNext: () => undefined })),
    );
    const names = [...html.matchAll(/aria-label="(missing codes: [^"]+)"/g)].map((x) => x[1]!);
    expect(names.length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('missing codes: Hours of economic activity');
  });

  it('each role\'s "empty cells mean" list has a name of its own too, with the language\'s colon (a walk: three lists alike; "codes manquants: X" in French)', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const m = suggestMapping(cols).mapping;
    const html = (lang: 'en' | 'fr') => renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n(lang) },
        createElement(MapScreen, { columns: cols, mapping: m, preset: 'lfs', check: null, checking: false, onChange: () => undefined, onPreset: () => undefined, onNext: () => undefined })),
    );
    const blanks = [...html('en').matchAll(/aria-label="(empty cells mean: [^"]+)"/g)].map((x) => x[1]!);
    expect(blanks.length).toBeGreaterThan(1);
    expect(new Set(blanks).size).toBe(blanks.length);
    expect(blanks).toContain('empty cells mean: Hours of economic activity');
    expect(html('fr')).toMatch(/aria-label="codes manquants[\u00a0\u202f ]: /);
    expect(html('fr')).not.toContain('aria-label="codes manquants: ');
  });

  it('a hazard flag says which standard condition it asks, in a list to change it (a walk: cl_heavy compared with no other round\'s heavy loads)', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const m = { ...suggestMapping(cols).mapping, hazards: { cl_heavy: { columns: ['night_work'], yes: ['1'] } } };
    const html = renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n('en') },
        createElement(MapScreen, { columns: cols, mapping: m, preset: 'lfs', check: null, checking: false, onChange: () => undefined, onPreset: () => undefined, onNext: () => undefined })),
    );
    const select = /<select aria-label="Condition asked by night_work">(.*?)<\/select>/.exec(html)![1]!;
    expect(select).toContain('<option value="cl_heavy" selected="">cl_heavy</option>');
    expect(select).toContain('<option value="heavy_loads">carrying heavy loads</option>');
  });

  it('a cluster column not named or labelled as one is said to be checked (a walk: qhclust, taken from the data, in silence)', () => {
    const cols = profileCsv('lfs_synthetic_children.csv');
    const m = suggestMapping(cols).mapping;
    const html = (psu: string) => renderToStaticMarkup(
      createElement(I18nContext.Provider, { value: makeI18n('en') },
        createElement(MapScreen, { columns: cols, mapping: { ...m, psu }, preset: 'lfs', check: null, checking: false, onChange: () => undefined, onPreset: () => undefined, onNext: () => undefined })),
    );
    const other = cols.find((c) => c.name !== m.psu && !/psu|cluster|ea/i.test(c.name))!.name;
    expect(html(other)).toContain(`data-testid="psu-guessed">&quot;${other}&quot; is not named or labelled as a cluster`);
    expect(html(m.psu!)).not.toContain('psu-guessed');
  });
});
