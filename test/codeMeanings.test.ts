import { describe, expect, it } from 'vitest';
import { codeLabelContradictions, labelMeaning } from '../analysis/codeMeanings.js';
import type { DataLabels } from '../analysis/import/labels.js';
import { formatMessageIn } from '../analysis/messages.js';
import type { Mapping } from '../analysis/types.js';

/**
 * A mapped sex or area code whose value label in the file names the other meaning (a probe's round
 * labelled 1 = Female with the mapping's male "1" copied from the round before): girls shown as boys
 * in every output, with no message. MAPPED_CODE_LABEL_CONTRADICTS says so, naming code, label and the
 * code the file gives that meaning.
 */
const labelsOf = (values: Record<string, Record<string, string>>): DataLabels => ({ variables: {}, values, missing: {}, declaredMissing: {} }) as DataLabels;
const mapping = (extra: Partial<Mapping> = {}) => ({ sex: { column: 'HL4', male: '1', female: '2' }, ...extra }) as Mapping;

describe('a sex or area code labelled with the other meaning', () => {
  it('the mapping\'s male "1" labelled "Female" (and female "2" "Male"): two warnings, the words of each', () => {
    const found = codeLabelContradictions(mapping(), 'fs.sav', labelsOf({ HL4: { '1': 'Female', '2': 'Male' } }));
    expect(found.map((m) => [m.code, m.severity, m.params.code, m.params.labelled])).toEqual([
      ['MAPPED_CODE_LABEL_CONTRADICTS', 'warning', '1', '2'],
      ['MAPPED_CODE_LABEL_CONTRADICTS', 'warning', '2', '1'],
    ]);
    expect(found[0]!.text).toBe('The mapping reads code "1" of column "HL4" in fs.sav as male (mapping.sex.male), but the file labels it "Female". If the label is right, every table, chart and export shows each sex group under the other\'s name.');
    expect(found[0]!.action).toBe('Check the codes against the questionnaire: the file labels "2" as male. If the labels are right, swap the codes on the Map step (or mapping.sex.male in the analysis file); if the labels are the file\'s mistake, nothing to do.');
    expect(formatMessageIn(found[0]!, 'fr')).toContain('comme masculin (mapping.sex.male), mais le fichier lui donne le libellé « Female »');
    expect(formatMessageIn(found[0]!, 'es')).toContain('como masculino (mapping.sex.male)');
  });

  it('an area coded 1 = rural with the mapping\'s urban "1", in French labels', () => {
    const m = mapping({ area: { column: 'HH6', urban: '1', rural: '2' } });
    const found = codeLabelContradictions(m, 'hh.sav', labelsOf({ HL4: { '1': 'Masculin', '2': 'Féminin' }, HH6: { '1': 'Milieu rural', '2': 'Urbain' } }));
    expect(found.map((x) => [x.params.column, x.params.field, x.params.label])).toEqual([
      ['HH6', 'mapping.area.urban', 'Milieu rural'],
      ['HH6', 'mapping.area.rural', 'Urbain'],
    ]);
  });

  it('a code that is itself the word of the other meaning (a CSV written with its labels): an error, whatever the labels', () => {
    // A walk: the 2016 round's area "Urbano"/"Rural" mapped the wrong way round gave a false significant rise in rural child labour.
    const area = mapping({ sex: { column: 'sexo', male: 'Hombre', female: 'Mujer' }, area: { column: 'area', urban: 'Rural', rural: 'Urbano' } });
    const found = codeLabelContradictions(area, 'encuesta_2016.csv', undefined);
    expect(found.map((x) => [x.code, x.severity, x.params.code, x.params.field])).toEqual([['MAPPED_CODE_WORD_CONTRADICTS', 'error', 'Rural', 'mapping.area.urban']]);
    expect(found[0]!.text).toBe('The mapping reads code "Rural" of column "area" in encuesta_2016.csv as urban (mapping.area.urban), but the code itself is the word for the other area group: every table, chart and export would show each area group under the other\'s name.');
    expect(formatMessageIn(found[0]!, 'es')).toContain('como urbano (mapping.area.urban), pero ese código es la palabra del otro grupo');
    const sex = mapping({ sex: { column: 'sexe', male: 'Fille', female: 'Garçon' } });
    expect(codeLabelContradictions(sex, 'f.csv', undefined).map((x) => x.params.code)).toEqual(['Fille']);
    // Codes the right way round, or that say nothing ("1", "M"), or deny a meaning: nothing.
    expect(codeLabelContradictions(mapping({ area: { column: 'a', urban: 'Urbano', rural: 'Rural' } }), 'f.csv', undefined)).toEqual([]);
    expect(codeLabelContradictions(mapping({ sex: { column: 's', male: 'M', female: 'F' }, area: { column: 'a', urban: 'Urbain', rural: 'Non urbain' } }), 'f.csv', undefined)).toEqual([]);
  });

  it('labels that agree, say both or neither, or no labels: nothing', () => {
    const agree = labelsOf({ HL4: { '1': 'MALE', '2': 'female' } });
    expect(codeLabelContradictions(mapping(), 'fs.sav', agree)).toEqual([]);
    expect(codeLabelContradictions(mapping(), 'fs.sav', labelsOf({ HL4: { '1': 'Hombre', '2': 'Mujer' } }))).toEqual([]);
    expect(codeLabelContradictions(mapping(), 'fs.sav', labelsOf({ HL4: { '1': 'Code 1', '2': 'Both male and female' } }))).toEqual([]);
    expect(codeLabelContradictions(mapping(), 'fs.csv', undefined)).toEqual([]);
    // A label that denies a meaning says nothing ("Non urbain" is rural's label, not urban's).
    const area = mapping({ area: { column: 'HH6', urban: '1', rural: '2' } });
    expect(codeLabelContradictions(area, 'hh.sav', labelsOf({ HH6: { '1': 'Urban', '2': 'Non-urban' } }))).toEqual([]);
    expect(codeLabelContradictions(area, 'hh.sav', labelsOf({ HH6: { '1': 'Urbain', '2': 'Non urbain' } }))).toEqual([]);
    expect(labelMeaning('Feminino', ['male', 'female'])).toBe('female');
    // "female" holds "male": words are matched whole.
    expect(labelMeaning('Female', ['male', 'female'])).toBe('female');
    expect(labelMeaning('Niña', ['male', 'female'])).toBe('female');
  });
});
