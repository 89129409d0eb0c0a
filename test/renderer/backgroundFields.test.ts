import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { resolveAnalysis, type Mapping } from '../../analysis/index.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { I18nContext, makeI18n } from '../../renderer/components/I18n.js';
import { setBackground } from '../../renderer/model/backgroundRoles.js';
import { draftAnalysis, reportBreakdowns } from '../../renderer/model/draftAnalysis.js';
import { suggestMapping } from '../../renderer/model/suggestMapping.js';
// @ts-expect-error -- as above
import { MapScreen } from '../../renderer/screens/MapScreen.js';
import { profileCsv } from './fixtures.js';

/**
 * The Map step's background characteristics (renderer/screens/map/BackgroundFields.tsx): one select
 * per MICS characteristic, in the MICS order, showing each column's variable label; the draft
 * analysis breaks down by each of them, before the other extras.
 */
type M = Partial<Mapping>;
const LABELS: Record<string, string> = { CB7: 'Attended school during current school year', windex5: 'Wealth index quintile' };
const columns = profileCsv('mics6_synthetic_fs.csv').map((c) => (LABELS[c.name] ? { ...c, label: LABELS[c.name] } : c));

const render = (mapping: M, lang: 'en' | 'fr' | 'es') =>
  renderToStaticMarkup(
    createElement(I18nContext.Provider, { value: makeI18n(lang) },
      createElement(MapScreen, { columns, mapping, preset: 'mics6', check: null, checking: false, onChange: () => undefined, onPreset: () => undefined, onNext: () => undefined })),
  );

/** The selects of the fieldset: each characteristic's label and the column it shows as chosen. */
function backgroundSelects(html: string): [string, string][] {
  const set = /<fieldset[^>]*><legend>([^<]*)<\/legend>([\s\S]*?)<\/fieldset>/g;
  const body = [...html.matchAll(set)].find((m) => m[2]!.includes('data-background='))![2]!;
  return [...body.matchAll(/<label for="([^"]+)">([^<]*)<\/label><select id="\1" data-background="[^"]+">([\s\S]*?)<\/select>/g)].map((m) => {
    const chosen = /<option value="([^"]*)" selected="">/.exec(m[3]!);
    return [m[2]!, chosen ? chosen[1]! : ''];
  });
}

describe('background characteristics in the Map step', () => {
  const mapping = suggestMapping(columns).mapping;

  it('one select per characteristic, in the MICS order, headed in the language, with the suggested columns chosen', () => {
    const heads = {
      en: ['School attendance', 'Child&#x27;s functional difficulties', 'Mother&#x27;s education', 'Wealth index quintile', 'Ethnicity of household head'],
      fr: ['Fréquentation scolaire', 'Difficultés fonctionnelles de l&#x27;enfant', 'Niveau d&#x27;instruction de la mère', 'Quintile de l&#x27;indice de richesse', 'Ethnie du chef de ménage'],
      es: ['Asistencia escolar', 'Dificultades funcionales del niño o la niña', 'Nivel educativo de la madre', 'Quintil del índice de riqueza', 'Etnia del jefe del hogar'],
    };
    for (const lang of ['en', 'fr', 'es'] as const) {
      const html = render(mapping, lang);
      expect(backgroundSelects(html), lang).toEqual(heads[lang].map((h, i) => [h, ['CB7', '', '', 'windex5', ''][i]!]));
    }
    const html = render(mapping, 'en');
    expect(html).toContain('<legend>Background characteristics</legend>');
    // The column's variable label beside its name, and "none" first.
    expect(html).toContain('<option value="CB7" selected="">CB7 — Attended school during current school year</option>');
    expect(html).toMatch(/data-background="ethnicity"><option value="" selected="">— none —<\/option>/);
  });

  it('a column chosen for one characteristic leaves another and the extras; "none" clears it', () => {
    const m: M = { weight: 'w', background: { school_attendance: 'CB7', wealth_quintile: 'windex5' }, extras: ['CL7', 'HH6'] };
    expect(setBackground(m, 'ethnicity', 'CL7')).toEqual({ weight: 'w', background: { school_attendance: 'CB7', wealth_quintile: 'windex5', ethnicity: 'CL7' }, extras: ['HH6'] });
    expect(setBackground(m, 'wealth_quintile', 'CB7')).toEqual({ weight: 'w', background: { wealth_quintile: 'CB7' }, extras: ['CL7', 'HH6'] });
    expect(setBackground(setBackground(m, 'school_attendance', undefined), 'wealth_quintile', undefined)).toEqual({ weight: 'w', extras: ['CL7', 'HH6'] });
  });

  it('the draft breaks down by each characteristic alone and by sex, in the MICS order, then the extras; the core accepts it', () => {
    const m: M = { ...mapping, background: { wealth_quintile: 'windex5', school_attendance: 'CB7' }, extras: ['CL7'] };
    expect(reportBreakdowns(m).slice(-6)).toEqual([['CB7'], ['sex', 'CB7'], ['windex5'], ['sex', 'windex5'], ['CL7'], ['sex', 'CL7']]);
    const resolved = resolveAnalysis(draftAnalysis('mics6_synthetic_fs.csv', m, 'mics6'), 'draft');
    expect(resolved.mapping.extras).toEqual(['CB7', 'windex5', 'CL7']);
    expect(resolved.breakdowns).toEqual(reportBreakdowns(m));
  });
});
