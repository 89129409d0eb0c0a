import { describe, expect, it } from 'vitest';
import { MESSAGES, message } from '../../analysis/index.js';
// @ts-expect-error -- the root tsconfig checks tests without JSX; Vitest compiles the TSX, renderer/tsconfig.json checks it
import { makeI18n } from '../../renderer/components/I18n.js';
import { CATALOGUES, coreMessage, en, LANG_NAMES, LANGS, placeholders, translate } from '../../renderer/i18n/translate.js';
import { pickLang } from '../../renderer/model/appState.js';

/** The screens read the one message catalogue (analysis/i18n; its own tests are in test/i18n.test.ts). */
describe('message catalogues on screen', () => {
  it('every language has exactly the English keys, each with the same placeholders and some text', () => {
    for (const lang of LANGS) {
      expect(Object.keys(CATALOGUES[lang]).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const other = CATALOGUES[lang][key as keyof typeof en];
        expect(other.trim(), `${lang} ${key}`).not.toBe('');
        expect(placeholders(other), `${lang} ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('shows every message of the statistical core by its code, in every language', () => {
    for (const lang of LANGS) {
      for (const code of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) {
        const m = message(code, {});
        expect(coreMessage(lang, m).text.trim(), `${lang} ${code}`).not.toBe('');
        expect(coreMessage(lang, m).action.trim(), `${lang} ${code}`).not.toBe('');
      }
    }
  });

  it('fills parameters in the chosen language', () => {
    expect(translate('en', 'data.summary', { file: 'a.csv', rows: 3, columns: 2 })).toBe('a.csv: 3 rows, 2 columns');
    expect(translate('fr', 'data.summary', { file: 'a.csv', rows: 3, columns: 2 })).toBe('a.csv : 3 lignes, 2 colonnes');
    expect(translate('es', 'data.summary', { file: 'a.csv', rows: 61667, columns: 1 })).toBe('a.csv: 61.667 filas, 1 columna');
    const m = message('DATA_FILE_EMPTY', { file: 'x.csv' });
    expect(coreMessage('en', m).text).toBe(m.text);
    expect(coreMessage('fr', m).text).toBe("Le fichier de données x.csv n'a aucune ligne de données.");
    expect(coreMessage('es', m).text).toBe('El archivo de datos x.csv no tiene filas de datos.');
    const role = message('VALUE_NOT_NUMERIC', { column: 'cl3', role: 'econHours', file: 'x.csv', row: 12, value: 'DK', count: 1, texts: '"DK": 1' });
    expect(coreMessage('es', role).text).toBe('La columna «cl3» (horas de actividad económica) de x.csv tiene texto que no es un número en la fila 12: «DK» (1 fila en total; cada texto con sus filas: "DK": 1).');
  });

  it('Spanish is in the language menu, with numbers as Spanish writes them', () => {
    expect(LANGS).toContain('es');
    expect(LANG_NAMES.es).toBe('Español');
    const es = makeI18n('es');
    expect(es.t('step.results')).toBe('Resultados');
    expect((12345.6).toLocaleString(es.locale)).toBe('12.345,6');
    expect(makeI18n('fr').locale).toBe('fr-FR');
  });

  it('the language chosen is the one the next start opens in; else the system language', () => {
    expect(pickLang('es', 'en-GB', LANGS)).toBe('es');
    expect(pickLang(null, 'es-MX', LANGS)).toBe('es');
    expect(pickLang('de', 'pt-BR', LANGS)).toBe('en');
  });

  it('the screen and the exports name a preset and an indicator alike', () => {
    for (const lang of LANGS) {
      expect(translate(lang, 'fw.sdg_871.name'), lang).toBe(CATALOGUES[lang]['fw.sdg_871.name']);
    }
    expect(translate('fr', 'fw.ilo_ge2020.name')).toBe('Estimations mondiales OIT/UNICEF 2020 (mesure principale)');
    expect(translate('es', 'ind.children_in_employment')).toBe('Niños y niñas ocupados');
  });
});
