import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../analysis/cli/main.js';
import { frameworkName, indicatorName, t } from '../analysis/export/i18n.js';
import { preset, presetIds, resolveFramework } from '../analysis/frameworks.js';
import { exportTexts } from '../analysis/i18n/en/export.js';
import { present } from '../analysis/i18n/en/present.js';
import { presets } from '../analysis/i18n/en/presets.js';
import { screen } from '../analysis/i18n/en/screen.js';
import { shell } from '../analysis/i18n/en/shell.js';
import { words } from '../analysis/i18n/en/words.js';
import {
  CATALOGUES, coreText, fill, langOfLocale, LANGS, parseLang, placeholders, text, WORD_PARAMS, type Lang, type Params, type TextKey,
} from '../analysis/i18n/index.js';
import { AnalysisError, formatMessageIn, message, MESSAGES, type MessageCode } from '../analysis/messages.js';

/** The one message catalogue: complete in every language, no ids shown, numbers and plurals per locale. */
const en = CATALOGUES.en;
const codes = Object.keys(MESSAGES) as MessageCode[];
const keys = Object.keys(en.texts) as TextKey[];

/** Every text of a language, filled with `params`: the core's messages (text and action) and all others. */
function everyText(lang: Lang, params: (names: string[]) => Params): [string, string][] {
  const cat = CATALOGUES[lang];
  return [
    ...codes.flatMap((c): [string, string][] => {
      const m = cat.messages[c];
      const p = params(placeholders(m.text + m.action));
      return [[`${c}.text`, fill(lang, m.text, p)], [`${c}.action`, fill(lang, m.action, p)]];
    }),
    ...keys.map((k): [string, string] => [k, fill(lang, cat.texts[k], params(placeholders(cat.texts[k])))]),
  ];
}

/** Ids of the app that a user must never read: roles, frameworks, indicators, hazard parts. */
const INTERNAL_IDS = /ilo_ge2020|sdg_871|mics6_hazard|choresHours|econHours|absentFromJob|econActivity|children_in_employment|child_labour|hazardous_work|\bhazards\.\w|heavy_loads|knownParts|belowThreshold|NoActivity|leaveAnswer|leaveHazard|readAsNo|inScope|notOutOfWork|notAtWork|longHours|\{\w+(\|[^}]*)?\}/;

describe('the catalogue is complete in every language', () => {
  it('French and Spanish have exactly the English keys, each with some text and the same placeholders', () => {
    for (const lang of LANGS) {
      const cat = CATALOGUES[lang];
      expect(Object.keys(cat.texts).sort(), lang).toEqual([...keys].sort());
      for (const k of keys) {
        expect(cat.texts[k].trim(), `${lang} ${k}`).not.toBe('');
        expect(placeholders(cat.texts[k]), `${lang} ${k}`).toEqual(placeholders(en.texts[k]));
      }
    }
  });

  it('every message of the core, by code, in every language, with the placeholders of the English', () => {
    for (const lang of LANGS) {
      const cat = CATALOGUES[lang];
      expect(Object.keys(cat.messages).sort(), lang).toEqual([...codes].sort());
      for (const c of codes) {
        expect(cat.messages[c].text.trim(), `${lang} ${c}`).not.toBe('');
        expect(cat.messages[c].action.trim(), `${lang} ${c}`).not.toBe('');
        expect(placeholders(cat.messages[c].text), `${lang} ${c}`).toEqual(placeholders(en.messages[c].text));
        expect(placeholders(cat.messages[c].action), `${lang} ${c}`).toEqual(placeholders(en.messages[c].action));
      }
    }
  });

  it('no key is in two sections (a later one would hide the earlier)', () => {
    const sections = [screen, exportTexts, present, presets, words, shell].map((s) => Object.keys(s));
    const all = sections.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(keys.length);
  });

  it('French and Spanish texts are not left in English', () => {
    const same = (lang: Lang) => keys.filter((k) => CATALOGUES[lang].texts[k] === en.texts[k] && /[a-z]{4,} [a-z]{4,}/.test(en.texts[k]));
    expect(same('fr')).toEqual([]);
    expect(same('es')).toEqual([]);
    for (const lang of ['fr', 'es'] as const) {
      expect(codes.filter((c) => CATALOGUES[lang].messages[c].action === en.messages[c].action), lang).toEqual([]);
    }
  });
});

describe('no text shows an internal id', () => {
  // Representative parameters, ids where the core passes ids. `preset` and `known` hold what the user
  // types in the analysis file (a preset id that does not exist, the ids that do): shown as they are.
  const variants: Record<string, string[]> = {
    role: ['choresHours', 'econHours', 'absentFromJob', 'econActivity', 'hazards.heavy_loads', 'industry', 'extra CB7', 'fpc', 'weight', 'psu'],
    roles: ['econHours, choresHours', 'sex, hazards.dust'],
    framework: ['ilo_ge2020', 'ilo_ge2020", "ilo_ge2020_chores", "sdg_871_econ", "sdg_871", "mics6_hazard', 'sdg_871_modified'],
    indicator: ['children_in_employment', 'child_labour_other_than_hazardous'],
    part: ['industry', 'occupation', 'longHours', 'conditions'],
    effect: ['knownParts', 'belowThreshold', 'knownPartsNoActivity', 'belowThresholdNoActivity', 'leave', 'leaveAnswer', 'leaveHazard', 'readAsNo'],
    among: ['inScope', 'notOutOfWork', 'notAtWork'],
    asked: ['inScope', 'notOutOfWork'],
    meaning: ['male', 'female', 'urban', 'rural'],
    policy: ['unknown', 'mics', 'adjust', 'average', 'remove', 'certainty', 'fail'],
    candidates: ['"hh1", "psu"', 'none'],
    ages: ['0-4, 18-70', 'none'],
  };
  const rounds = Math.max(...Object.values(variants).map((v) => v.length));
  const params = (i: number) => (names: string[]): Params =>
    Object.fromEntries(names.map((n) => [n, variants[n] ? variants[n][i % variants[n].length]! : ['preset', 'known'].includes(n) ? 'K' : 12]));

  it('a MICS6 hazard is named by its words in the language, another by its name in the mapping', () => {
    const p = (role: string) => ({ file: 'fs.sav', role, columns: 'CL4', count: 39, children: 252, among: 'notOutOfWork', share: 15.5, from: 5, to: 17, policy: 'unknown', effect: 'leaveHazard' });
    expect(coreText('fr', 'YESNO_MISSING_SHARE', p('hazards.heavy_loads')).text).toContain('pour condition dangereuse port de charges lourdes (CL4)');
    expect(coreText('es', 'YESNO_MISSING_SHARE', p('hazards.dust_fumes')).text).not.toContain('dust_fumes');
    expect(coreText('en', 'YESNO_MISSING_SHARE', p('hazards.long_walks')).text).toContain('for hazardous condition long_walks (CL4)');
    // Night work is one of definitions.md's conditions: named in words too.
    expect(coreText('es', 'YESNO_MISSING_SHARE', p('hazards.night_work')).text).toContain('trabajo nocturno (CL4)');
  });

  it('why a file is not text is said in the language (a probe read English in a French DATA_NOT_TEXT)', () => {
    expect(coreText('fr', 'DATA_NOT_TEXT', { file: 'ENTE.csdb', detail: 'notText.nul', offset: 15 }).text).toBe(
      "Le fichier de données ENTE.csdb ne ressemble pas à un fichier texte (CSV) : il contient un octet NUL à la position 15, ce qu'aucun fichier texte n'a.",
    );
    expect(coreText('es', 'DATA_NOT_TEXT', { file: 'a.bin', detail: 'notText.controls' }).text).toContain(': está lleno de caracteres de control.');
    expect(coreText('en', 'DATA_NOT_TEXT', { file: 'a.bin', detail: 'notText.nul', offset: 15 }).text).toContain(': it holds a NUL byte at offset 15, which no text file has.');
  });

  it('the cluster candidates of PSU_NOT_MAPPED are written in the language, found or not', () => {
    expect(coreText('fr', 'PSU_NOT_MAPPED', { file: 'f.csv', candidates: 'none' }).action).toContain('(aucune colonne du fichier ne ressemble à une grappe)');
    expect(coreText('es', 'PSU_NOT_MAPPED', { file: 'f.csv', candidates: '"hh1", "psu"' }).action).toContain('(candidatas: "hh1", "psu")');
    expect(coreText('en', 'PSU_NOT_MAPPED', { file: 'f.csv', candidates: 'none' }).action).toContain('(no column of the file looks like one)');
  });

  it.each(LANGS)('%s: ids become words, every placeholder is filled', (lang) => {
    expect(Object.keys(variants).sort()).toEqual([...WORD_PARAMS].sort());
    for (let i = 0; i < rounds; i++) {
      for (const [where, s] of everyText(lang, params(i))) expect(s, `${lang} ${where}`).not.toMatch(INTERNAL_IDS);
    }
  });

  it.each(['fr', 'es'] as const)('%s: no English classification names (ISIC, ISCO) or English role words', (lang) => {
    for (const [where, s] of everyText(lang, params(0))) expect(s, `${lang} ${where}`).not.toMatch(/\bISIC\b|\bISCO\b|industry|occupation \(/);
  });

  it('the core writes roles, frameworks and hazard parts in words, in the English text too', () => {
    const m = message('FRAMEWORK_NEEDS_ROLE', { framework: 'sdg_871', role: 'choresHours' });
    expect(m.text).toBe('Framework "SDG 8.7.1 including household chores (MICS6 PR.3.3)" needs the role "hours of household chores (sum)", which is not mapped.');
    expect(m.params).toEqual({ framework: 'sdg_871', role: 'choresHours' }); // the ids stay in the parameters, for scripts
    expect(coreText('es', m.code, m.params).text).toBe(
      'El marco de medición «ODS 8.7.1 con quehaceres domésticos (MICS6 PR.3.3)» necesita la variable «horas de quehaceres domésticos (suma)», que no está asignada.',
    );
    const part = message('HAZARD_PART_UNMAPPED', { framework: 'ilo_ge2020", "mics6_hazard', part: 'industry' });
    expect(coreText('fr', part.code, part.params).text).toBe(
      "Le travail dangereux selon « Estimations mondiales OIT/UNICEF 2020 (mesure principale) », « MICS6, conditions dangereuses comprises (PR.3.4) » ne tient pas compte de la branche d'activité (CITI Rév.4) : ce rôle n'est associé à aucune colonne.",
    );
    expect(coreText('es', 'COLUMN_IN_TWO_ROLES', { column: 'q4', file: 'a.csv', roles: 'sex, hazards.dust' }).text).toBe(
      'La columna «q4» de a.csv está asignada a dos variables: sexo, condición peligrosa dust.',
    );
    expect(coreText('es', 'FRAMEWORK_INVALID', { framework: 'sdg_871_modified', detail: 'x' }).text).toContain('«ODS 8.7.1 con quehaceres domésticos (MICS6 PR.3.3) - modificado»');
    expect(coreText('en', 'FRAMEWORK_INVALID', { framework: 'my_own', detail: 'x' }).text).toContain('"my_own"'); // a user's id stays
    // What is wrong, in the reader's language: a band typed 1-17 on the way to 16-17 in the Define step.
    const overlap = (() => {
      try {
        resolveFramework({ preset: 'ilo_ge2020', id: 'national', edit: { bands: [{ from: 5, to: 14, econ: { rule: 'employed' }, chores: null }, { from: 1, to: 17, econ: { rule: 'none' }, chores: null }] } });
      } catch (e) {
        return (e as AnalysisError).msg;
      }
      throw new Error('no error');
    })();
    expect(coreText('fr', overlap.code, overlap.params).text).toBe("La définition « national » n'est pas valide : la tranche d'âge 1-17 chevauche la tranche précédente.");
    expect(coreText('es', overlap.code, overlap.params).text).toBe('El marco de medición «national» no es válido: el tramo de edad 1-17 se superpone al tramo anterior.');
    expect(coreText('en', overlap.code, overlap.params).text).toBe('Framework "national" is not valid: age band 1-17 overlaps the band before it.');
  });
});

describe('numbers and plurals follow the language', () => {
  it('counts get thousands separators: 61,667 / 61 667 / 61.667; decimals a comma in French and Spanish', () => {
    expect(fill('en', '{n}', { n: 61667 })).toBe('61,667');
    expect(fill('fr', '{n}', { n: 61667 })).toBe('61\u202f667');
    expect(fill('es', '{n}', { n: 61667 })).toBe('61.667');
    expect(['en', 'fr', 'es'].map((l) => fill(l as Lang, '{x}', { x: 18.5 }))).toEqual(['18.5', '18,5', '18,5']);
    const design = { rows: 6423, children: 6141, strata: 12, psus: 61667, df: 61655 };
    expect(text('en', 'results.design', design)).toBe('6,423 rows; 6,141 children in scope; 12 strata, 61,667 clusters, 61,655 degrees of freedom.');
    expect(text('fr', 'results.design', design)).toBe('6\u202f423 lignes ; 6\u202f141 enfants dans le champ ; 12 strates, 61\u202f667 grappes, 61\u202f655 degrés de liberté.');
    expect(text('es', 'results.design', design)).toBe('6423 filas; 6141 niños y niñas en el universo; 12 estratos, 61.667 conglomerados, 61.655 grados de libertad.');
  });

  it('one row without a match in a joined file is one row: "has", "no tiene", "n\'a" (a probe read "1 de las 548 filas ... no tienen")', () => {
    const p = (count: number) => ({ count, rows: 548, main: 'fs.sav', file: 'hl.sav', keys: 'HH1, HH2', row: 17, values: 'HH1 = 4, HH2 = 12' });
    expect(coreText('en', 'JOIN_UNMATCHED', p(1)).text).toBe('1 of the 548 rows of fs.sav has no row in hl.sav by HH1, HH2 (row 17, HH1 = 4, HH2 = 12): it is kept, with the columns from hl.sav empty.');
    expect(coreText('en', 'JOIN_UNMATCHED', p(3)).text).toContain('3 of the 548 rows of fs.sav have no row in hl.sav by HH1, HH2 (the first: row 17, HH1 = 4, HH2 = 12): they are kept,');
    expect(coreText('es', 'JOIN_UNMATCHED', p(1)).text).toContain('1 de las 548 filas de fs.sav no tiene fila en hl.sav por HH1, HH2 (fila 17, HH1 = 4, HH2 = 12): se conserva,');
    expect(coreText('fr', 'JOIN_UNMATCHED', p(1)).text).toContain("1 des 548 lignes de fs.sav n'a pas de ligne dans hl.sav par HH1, HH2 (ligne 17, HH1 = 4, HH2 = 12) : elle est gardée,");
    expect(coreText('es', 'JOIN_UNMATCHED', p(3)).text).toContain('3 de las 548 filas de fs.sav no tienen fila en hl.sav por HH1, HH2 (la primera: fila 17, HH1 = 4, HH2 = 12): se conservan,');
  });

  it('a list of row numbers keeps its numbers plain: "rows 7, 1700", never "rows 7, 1,700" (three rows to an English reader)', () => {
    expect(fill('en', 'rows {rows}', { rows: '7, 1700, 15030, ...' })).toBe('rows 7, 1700, 15030, ...');
    expect(fill('fr', 'lignes {rows}', { rows: '7, 1700' })).toBe('lignes 7, 1700');
  });

  it('a row or line number is written as an editor numbers it, as the row lists are: "row 7515", not "row 7,515"', () => {
    const m = message('AGE_INVALID', { column: 'age', file: 'lfs.csv', count: 1200, row: 7515 });
    expect(m.text).toContain('has 1,200 rows with an age');
    expect(m.text).toContain('(first at row 7515)');
    expect(coreText('fr', 'AGE_INVALID', m.params).text).toContain('7515');
    expect(coreText('es', 'DATA_CSV_MALFORMED', { file: 'a.csv', kind: 'CSV', line: 12034, detail: 'csvProblem.line' }).text).toContain('12034');
    // The first of rows skipped, and a column's place, too (a probe read "the first row 1,501").
    expect(message('DATA_BLANK_ROWS_INSIDE', { file: 'a.csv', count: 1200, first: 1501 }).text).toContain('1,200 rows of a.csv among its data rows, the first at row 1501,');
    expect(message('DATA_COLUMN_DUPLICATE', { file: 'a.csv', column: 'Age', other: 'age', first: 1002, second: 1003 }).text).toContain('(column 1002)');
    expect(message('DATA_CSV_HEADER_DELIMITER', { file: 'a.csv', position: 1201 }).text).toContain('adds a column 1201, without a name');
  });

  it('plural forms by the language rules: French 0 and 1 singular, English and Spanish 1 only', () => {
    const rows = (lang: Lang, n: number | string) => text(lang, 'data.summary', { file: 'a.csv', rows: n, columns: 2 });
    expect([0, 1, 2].map((n) => rows('en', n))).toEqual(['a.csv: 0 rows, 2 columns', 'a.csv: 1 row, 2 columns', 'a.csv: 2 rows, 2 columns']);
    expect([0, 1, 2].map((n) => rows('fr', n))).toEqual(['a.csv : 0 ligne, 2 colonnes', 'a.csv : 1 ligne, 2 colonnes', 'a.csv : 2 lignes, 2 colonnes']);
    expect([0, 1, 2].map((n) => rows('es', n))).toEqual(['a.csv: 0 filas, 2 columnas', 'a.csv: 1 fila, 2 columnas', 'a.csv: 2 filas, 2 columnas']);
    expect(rows('fr', '1\u202f234')).toBe('a.csv : 1\u202f234 lignes, 2 colonnes'); // a count the caller already wrote
    const lonely = (lang: Lang, count: number) => coreText(lang, 'LONELY_PSU_PRESENT', { count, strata: '7', policy: 'adjust' }).text;
    expect(lonely('en', 1)).toBe('1 stratum has a single PSU (7); its variance is handled by the policy "adjust".');
    expect(lonely('en', 3)).toMatch(/^3 strata have a single PSU \(7\); their variance/);
    expect(lonely('fr', 1)).toMatch(/^1 strate n'a qu'une seule UPE \(7\) ; sa variance/);
    expect(lonely('es', 2)).toMatch(/^2 estratos tienen una sola UPM \(7\); sus varianzas/);
    // The policy in the language, with the analysis file's id beside it (a walk saw « unknown » in French).
    expect(lonely('fr', 1)).toContain('sa variance suit la règle « ajuster (adjust) »');
    const hours = (lang: Lang) => coreText(lang, 'HOURS_MISSING_SHARE', { file: 'f.csv', role: 'econHours', columns: 'h', count: 3, children: 90, share: 3.3, from: 5, to: 17, policy: 'unknown', effect: 'leave' }).action;
    expect(hours('fr')).toContain('« inconnues (unknown) »');
    expect(hours('es')).toContain('«desconocidas (unknown)»');
    expect(hours('en')).toContain('"unknown"');
    expect(message('WEIGHT_ZERO', { column: 'w', file: 'f.csv', rows: '4', count: 1 }).text).toMatch(/is 0 at row 4 \(1 row in all\)/);
  });

  it('a placeholder without its parameter stays visible', () => {
    expect(fill('en', '{a} and {b} {b|x|y}', { a: 1 })).toBe('1 and {b} {b|x|y}');
  });
});

describe('one name per preset', () => {
  it('the screen, the exports and frameworks.ts name every preset alike, in every language', () => {
    for (const id of presetIds()) {
      const fw = preset(id);
      expect(fw.name).toBe(en.texts[`fw.${id}.name` as TextKey]);
      expect(fw.description).toBe(en.texts[`fw.${id}.description` as TextKey]);
      for (const lang of LANGS) expect(frameworkName(lang, fw)).toBe(text(lang, `fw.${id}.name` as TextKey));
    }
    expect(frameworkName('es', preset('sdg_871'))).toBe('ODS 8.7.1 con quehaceres domésticos (MICS6 PR.3.3)');
    expect(frameworkName('es', { id: 'sdg_871', name: 'Mi definición' }, preset('sdg_871').name)).toBe('Mi definición');
    expect(indicatorName('es', 'children_in_employment')).toBe('Niños y niñas ocupados');
    expect(t('es', 'ind.hazardous_work')).toBe('Trabajo peligroso');
  });
});

describe('languages', () => {
  it('parses --lang and a system locale', () => {
    expect(LANGS).toEqual(['en', 'fr', 'es']);
    expect(['en', 'fr', 'es', 'de', undefined].map(parseLang)).toEqual(['en', 'fr', 'es', null, null]);
    expect(['es-MX', 'fr_CA', 'en-GB', 'pt-BR'].map(langOfLocale)).toEqual(['es', 'fr', 'en', null]);
  });

  it('the command line writes a message in the chosen language', () => {
    const m = message('DATA_FILE_EMPTY', { file: 'x.csv' });
    expect(formatMessageIn(m, 'en')).toBe('error DATA_FILE_EMPTY: The data file x.csv has no data rows.\n  What to do: Check that you chose the right file and that it has a header row followed by data.');
    expect(formatMessageIn(m, 'es')).toBe('error DATA_FILE_EMPTY: El archivo de datos x.csv no tiene filas de datos.\n  Qué hacer: Verifique que eligió el archivo correcto y que tiene una fila de encabezado seguida de datos.');
  });
});

describe('clstats in Spanish (the built command line)', () => {
  const root = new URL('..', import.meta.url).pathname;
  const bin = join(root, 'analysis/cli/bin.mjs');
  const LFS = join(root, 'sample-data/lfs_synthetic.analysis.json');

  it('clstats export --lang es --html writes a Spanish report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clstats-es-'));
    const html = join(dir, 'informe.html');
    const r = spawnSync(process.execPath, [bin, 'export', LFS, '--html', html, '--lang', 'es', '--date', '2025-03-01T10:00:00Z', '--quiet'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const doc = readFileSync(html, 'utf8');
    expect(doc).toMatch(/<html lang="es">/);
    for (const heading of ['Estadísticas de trabajo infantil', 'Cifras principales', 'Cuadros', 'Métodos', 'Metadatos', 'Trabajo infantil', 'Niños', 'Niñas']) {
      expect(doc, heading).toContain(heading);
    }
    expect(doc).not.toMatch(/Key figures|Methods|Child labour/);
    expect(doc).toMatch(/\d+,\d\u00a0%/); // percentages with a decimal comma
  }, 120_000);

  it('clstats frameworks --lang es lists the presets by their Spanish names', async () => {
    let out = '';
    expect(await main(['frameworks', '--lang', 'es'], (x) => (out += x), () => {})).toBe(0);
    expect(out).toContain('sdg_871\n  ODS 8.7.1 con quehaceres domésticos (MICS6 PR.3.3)\n  Actividad económica por encima');
    expect(out).toContain('  Fuente: ');
  });

  it('clstats validate --lang fr and --lang es write the whole report in the language, not only the messages (a walk)', async () => {
    const report = async (lang: string) => {
      let out = '';
      await main(['validate', LFS, '--lang', lang], (x) => (out += x), () => {});
      return out.split('\n').slice(0, 7);
    };
    const [en, fr, es] = [await report('en'), await report('fr'), await report('es')];
    expect(en[0]).toMatch(/^lfs_synthetic_children\.csv: \d+ rows, \d+ children in scope, \d+ strata, \d+ PSUs, design df \d+\. No errors, \d+ warnings\.$/);
    expect(fr[0]).toMatch(/^lfs_synthetic_children\.csv : \d+ lignes, \d+ enfants dans le champ, \d+ strates, \d+ grappes, degrés de liberté du plan \d+\. Aucune erreur, \d+ avertissements\.$/);
    expect(es[0]).toMatch(/^lfs_synthetic_children\.csv: \d+ filas, \d+ niños y niñas en el universo, \d+ estratos, \d+ conglomerados, grados de libertad del diseño \d+\. Ningún error, \d+ advertencias\.$/);
    // The same numbers in each language, and no English word left in the summary lines.
    const numbers = (lines: string[]) => lines.join(' ').replace(/\d+[.,]\d+ s/, '').match(/\d+/g);
    expect(numbers(fr)).toEqual(numbers(en));
    expect(numbers(es)).toEqual(numbers(en));
    for (const lines of [fr, es]) expect(lines.join('\n')).not.toMatch(/\b(rows|children|weights|missing|hours|design)\b/);
  }, 120_000);

  it('clstats run --lang es writes its messages in Spanish', () => {
    const r = spawnSync(process.execPath, [bin, 'run', '/nonexistent.json', '--lang', 'es'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ANALYSIS_FILE_UNREADABLE');
    expect(r.stderr).toContain('Qué hacer:');
  });
});

describe('French articles after "de" and "à"', () => {
  it('contract where a word of the catalogue meets them, as French writes it, and nowhere else', () => {
    const hazard = formatMessageIn(message('HAZARD_PART_UNMAPPED', { framework: 'ilo_ge2020', part: 'conditions' }), 'fr');
    expect(hazard).toContain('ne tient pas compte des conditions dangereuses');
    expect(hazard).not.toMatch(/\bde les\b/);
    const industry = formatMessageIn(message('HAZARD_PART_UNMAPPED', { framework: 'ilo_ge2020', part: 'industry' }), 'fr');
    expect(industry).toContain("ne tient pas compte de la branche d'activité");
  });

  it('CODE_NOT_MAPPED joins the two mapped codes in the language', () => {
    const params = { column: 'sexo', role: 'sex', file: 'f.csv', value: '9', count: 2, row: 4, label: '', first: '1', second: 'F' };
    expect(formatMessageIn(message('CODE_NOT_MAPPED', params), 'fr')).toContain('« 1 » et « F »');
    expect(formatMessageIn(message('CODE_NOT_MAPPED', params), 'es')).toContain('«1» y «F»');
    expect(formatMessageIn(message('CODE_NOT_MAPPED', params), 'en')).toContain('"1" and "F"');
  });
});
