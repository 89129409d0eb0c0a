import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyLabels, preset, resolveAnalysis, type AnalysisResult } from '../../analysis/index.js';
import { basedOnLines, drawsHazardChart, frameworkTitle, indicatorTitle, resultNotes } from '../../renderer/model/definitionNotes.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { I18nContext, makeI18n } from '../../renderer/components/I18n.js';
// @ts-expect-error -- as above
import { Selection } from '../../renderer/screens/Selection.js';
import { readAnalysis } from './fixtures.js';

/**
 * The Results and Charts steps say what the exports say (issue 10): an edited SDG 8.7.1 is a
 * national variant "based on" the published one, hazardous work under SDG 8.7.1 is labelled as
 * outside it and has no "within child labour" chart, and the universe and cluster choice are stated.
 * Only the resolved analysis is read, so no run is needed.
 */
function analysis(): AnalysisResult {
  const a = readAnalysis('mics6_synthetic.analysis.json');
  const { psu: _psu, ...mapping } = a.mapping;
  const bands = preset('sdg_871').bands.map((b) => (b.chores ? { ...b, chores: { min: 28 } } : b));
  const resolved = resolveAnalysis(
    { ...a, mapping: { ...mapping, noClusters: true, universe: { column: 'FS17', keep: ['1'] } }, frameworks: [{ preset: 'sdg_871' }, { preset: 'sdg_871', edit: { bands } }, { preset: 'ilo_ge2020' }] },
    'mics.json',
  );
  return { analysis: resolved } as AnalysisResult;
}

describe('definition notes of the Results and Charts steps', () => {
  const result = analysis();
  const [sdg, edited, ge] = result.analysis.frameworks;
  const labels = { ...emptyLabels(), values: { FS17: { '1': 'Completed' } } };

  it('names an edited preset as a variant based on the published definition, in English and French', () => {
    expect(frameworkTitle('en', edited!)).toBe('SDG 8.7.1 including household chores (MICS6 PR.3.3) - modified');
    // the app's own French name of the preset, as its menus show it
    expect(frameworkTitle('fr', edited!)).toBe('ODD 8.7.1, tâches ménagères comprises (MICS6 PR.3.3) - modifié');
    expect(frameworkTitle('fr', sdg!)).toBe('ODD 8.7.1, tâches ménagères comprises (MICS6 PR.3.3)');
    expect(basedOnLines('en', edited!)).toEqual(['Based on: SDG 8.7.1 including household chores (MICS6 PR.3.3)', 'Changed: ages 5-14, household chores: 21 h or more → 28 h or more']);
    expect(basedOnLines('en', sdg!)).toEqual([]);
  });

  it('states what the framework is based on, the universe, the cluster choice and the missing-hours policy under the table', () => {
    const notes = resultNotes('en', result, edited!, labels);
    expect(notes[0]).toBe('Based on SDG 8.7.1 including household chores (MICS6 PR.3.3); changed: ages 5-14, household chores: 21 h or more → 28 h or more.');
    expect(notes[1]).toMatch(/^Universe: FS17 = 1 \(Completed\)\. /);
    expect(notes[2]).toMatch(/^No clusters: the design treats every child as its own sampling unit \(stratified simple random sample of children, strata from column stratum\), as the user chose\.$/);
    expect(notes[3]).toMatch(/^Missing hours \(MICS convention\): don't-know or missing hours count as 0/);
    expect(resultNotes('fr', result, sdg!, null).map((n) => n.slice(0, 13))).toEqual(['Univers : FS1', 'Sans grappes ', 'Heures manqua']);
  });

  it('labels hazardous work under SDG 8.7.1 and draws no hazardous-work-within-child-labour chart there', () => {
    expect(indicatorTitle('en', sdg!, 'hazardous_work')).toBe('Hazardous work (Global Estimates criteria; not part of child labour under this framework)');
    expect(indicatorTitle('en', ge!, 'hazardous_work')).toBe('Hazardous work');
    expect(indicatorTitle('en', sdg!, 'child_labour')).toBe('Child labour');
    expect([drawsHazardChart(sdg!), drawsHazardChart(edited!), drawsHazardChart(ge!)]).toEqual([false, false, true]);
  });
});

describe('the framework menu of the Results and Charts steps', () => {
  it('names an edited preset in the language, as the exports do (it showed "... - modified" in French)', () => {
    const html = (lang: 'fr' | 'es') => renderToStaticMarkup(createElement(I18nContext.Provider, { value: makeI18n(lang) },
      createElement(Selection, { result: analysis(), selected: { framework: 'sdg_871_modified', indicator: 'child_labour' }, onSelect: () => undefined })));
    const options = (lang: 'fr' | 'es') => [...html(lang).matchAll(/<option value="(\w+)"[^>]*>([^<]*)</g)].filter((x) => x[1]!.startsWith('sdg') || x[1]!.startsWith('ilo')).map((x) => x[2]);
    expect(options('fr')).toEqual(['ODD 8.7.1, tâches ménagères comprises (MICS6 PR.3.3)', 'ODD 8.7.1, tâches ménagères comprises (MICS6 PR.3.3) - modifié', 'Estimations mondiales OIT/UNICEF 2020 (mesure principale)']);
    expect(options('es')[1]).toMatch(/^ODS 8\.7\.1 con quehaceres domésticos \(MICS6 PR\.3\.3\) - modificad[oa]$/);
  });
});
