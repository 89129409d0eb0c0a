import { formatNumber, text as catalogueText, type Lang, type Params, type TextKey } from '../i18n/index.js';
import type { ImportResult } from '../import/load.js';
import { formatMessageIn } from '../messages.js';
import type { ValidationReport } from '../validate.js';

/** The validation report for people, in the language of the messages. The first line is the summary. */
export function reportText(v: { report: ValidationReport; imported: ImportResult; loadMs: number }, lang: Lang = 'en'): string {
  const { report: r, imported: im } = v;
  const d = r.design;
  // Counts as the file gives them (no thousands separator: a script may read them); plurals by number.
  const T = (key: TextKey, params: Params = {}) => catalogueText(lang, key, Object.fromEntries(Object.entries(params).map(([k, x]) => [k, typeof x === 'number' && k !== 'count' ? String(x) : x])));
  const how = [im.format, im.encoding, im.delimiter ? T('cliReport.delimiter', { delimiter: JSON.stringify(im.delimiter) }) : '', im.decimalComma ? T('cliReport.decimalComma') : '', im.sheet ? T('cliReport.sheet', { sheet: im.sheet }) : '']
    .filter(Boolean).join(', ');
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.filter((f) => f.severity === 'warning').length;
  const u = r.universe;
  // A mapped column missing: nothing was counted past the rows; zeros would read as an empty survey (a walk).
  if (!r.counted) {
    return [
      T('cliReport.notCounted', { file: r.file, rows: r.rowsRead, errors: T('cliReport.errors', { count: errors }) }),
      T('cliReport.read', { rows: im.rows, columns: im.columns.length, how, seconds: formatNumber(lang, v.loadMs / 1000, 2) }),
      '', ...r.findings.map((f) => formatMessageIn(f, lang)),
    ].join('\n') + '\n';
  }
  const lines = [
    T('cliReport.summary', {
      file: r.file, rows: r.rowsRead, children: r.children, strata: d.strata, psus: d.psus, df: d.df,
      lonely: d.lonelyStrata.length ? T('cliReport.lonely', { list: d.lonelyStrata.join(', ') }) : '',
      errors: errors ? T('cliReport.errors', { count: errors }) : T('cliReport.noErrors'), warnings: warnings ? T('cliReport.warnings', { count: warnings }) : '',
    }),
    T('cliReport.read', { rows: im.rows, columns: im.columns.length, how, seconds: formatNumber(lang, v.loadMs / 1000, 2) }),
    // Children in scope have a weight above 0: the universe's own count says how many it holds in all.
    T('cliReport.children', {
      children: r.children, from: r.ageRange[0], to: r.ageRange[1],
      universe: u ? T('cliReport.universe', { column: u.column, codes: u.keep.join(', '), outside: u.outside }) : '',
      noWeight: u && u.inside > r.children ? T('cliReport.noWeight', { n: u.inside - r.children }) : '',
    }),
    T('cliReport.weights', {
      column: r.weights.column, missing: r.weights.missing, zero: r.weights.zero, negative: r.weights.negative, notNumeric: r.weights.notNumeric,
      // WEIGHT_ZERO names the zero weights in the universe (outside it they are the rule: MICS's incomplete interviews).
      inUniverse: u && r.weights.zeroInUniverse < r.weights.zero ? T('cliReport.zeroInUniverse', { n: r.weights.zeroInUniverse }) : '',
    }),
    T('cliReport.ages', { n: r.agesInvalid }),
    T('cliReport.design', {
      strata: d.strata, psus: d.psus, lonely: d.lonelyStrata.length, df: d.df,
      repeat: d.psuIdsRepeatAcrossStrata ? T(d.nested ? 'cliReport.repeatNested' : 'cliReport.repeat') : '',
      // The tables' df for the total: PSUs and strata that hold a weighted child in scope.
      inScope: d.dfInScope !== d.df ? T('cliReport.dfInScope', { df: d.dfInScope }) : '',
    }),
    ...r.hours.map((h) => T('cliReport.hours', {
      role: h.role, columns: h.columns.join(' + '), missing: h.missing, share: h.share === null ? '' : ` (${formatNumber(lang, Number((100 * h.share).toFixed(1)), 1)} %)`,
    })),
    ...(r.findings.length ? ['', ...r.findings.map((f) => formatMessageIn(f, lang))] : []),
  ];
  return lines.join('\n') + '\n';
}
