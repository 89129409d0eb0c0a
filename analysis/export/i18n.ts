import { CATALOGUES, coreText, fill, formatNumber, hazardWord, isTextKey, LANGS, parseLang, type Lang, type Params, type TextKey } from '../i18n/index.js';
import type { MessageCode } from '../messages.js';
import type { Indicator } from '../types.js';

/**
 * The exports' view of the message catalogue (analysis/i18n): every text a table, chart, report or
 * metadata block shows, in the export's language. Keys are stable; placeholders are filled by the
 * catalogue's one fill function (numbers per locale, plurals). Framework names and descriptions of
 * the presets are translated by id (a renamed or custom framework keeps its own name), with the
 * same words as the app's screens; rules are written out from the framework's data by
 * `frameworkRules` in metadata.ts, so the words always match the numbers.
 */
export { formatNumber, LANGS, parseLang, type Lang };

export type MessageKey = TextKey;

/** The text of `key` in `lang`, placeholders filled from `params`. */
export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  return fill(lang, CATALOGUES[lang].texts[key], params);
}

export function indicatorName(lang: Lang, ind: Indicator): string {
  return t(lang, `ind.${ind}`);
}

/** A hazardous condition in words: the MICS6 ones by their translated description (carrying heavy loads), any other by its name (i18n/fill.ts hazardWord). */
export const hazardName = (lang: Lang, name: string): string => hazardWord(lang, name);

/** A framework's display name: the translated name of an unrenamed preset, else its own name. */
export function frameworkName(lang: Lang, fw: { id: string; name: string }, presetName?: string): string {
  const key = `fw.${fw.id}.name`;
  if (isTextKey(key) && (presetName === undefined || presetName === fw.name)) return t(lang, key);
  return fw.name;
}

/** A message of the core in `lang`, by its code and parameters (as written, if it has none or is unknown). */
export function messageText(lang: Lang, m: { code: string; text: string; params?: Params }): string {
  return m.params && m.code in CATALOGUES[lang].messages ? coreText(lang, m.code as MessageCode, m.params).text : m.text;
}
