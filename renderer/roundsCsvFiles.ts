import type { Lang } from '../analysis/index.js';
import { changesCsv } from '../analysis/rounds/changesCsv.js';
import { roundsCsv } from '../analysis/rounds/roundsCsv.js';
import type { RoundsResult } from '../analysis/rounds/types.js';
import { translate } from './i18n/translate.js';

/**
 * The command line's two CSVs of a rounds run (`clstats run` with rounds, and its --changes), named in
 * the page's language as the other exports are (their columns stay the command line's).
 */
export function roundsCsvFiles(rr: RoundsResult, lang: Lang): { name: string; text: string }[] {
  return [
    { name: `${translate(lang, 'export.roundsCsvFile')}.csv`, text: roundsCsv(rr) },
    { name: `${translate(lang, 'export.changesCsvFile')}.csv`, text: changesCsv(rr.rounds, rr.changes) },
  ];
}
