/**
 * The one message catalogue: every text a user reads, in English (the source), French and Spanish.
 * No DOM, no React: the statistical core, the exports, the command line and the app all read it.
 *
 *   lang.ts        Lang, LANGS, parseLang, LOCALES (the Intl locale of each language)
 *   fill.ts        the one fill function: {name}, numbers per locale, {count|one|other}, ids as words
 *   en/, fr/, es/  one folder per language: messages (the core's, by code), screen, export, present
 *                  (the presentation layer's: analysis/present), presets, words
 *
 * analysis/messages.ts keeps each message's code and severity; renderer/i18n/translate.ts and
 * analysis/export/i18n.ts are thin wrappers over this module.
 */
import type { MessageCode } from '../messages.js';
import { CATALOGUES } from './catalogues.js';
import type { TextKey } from './en/index.js';
import { fill, type Params } from './fill.js';
import type { Lang } from './lang.js';
import type { CoreText } from './types.js';

export { CATALOGUES } from './catalogues.js';
export { fill, formatNumber, formatParam, hazardWord, placeholders, WORD_PARAMS, type Params } from './fill.js';
export { LANG_NAMES, LANGS, LOCALES, langOfLocale, parseLang, type Lang } from './lang.js';
export type { Catalogue, CoreText } from './types.js';
export type { TextKey };

/** The text of `key` in `lang`, its placeholders filled. */
export function text(lang: Lang, key: TextKey, params?: Params): string {
  return fill(lang, CATALOGUES[lang].texts[key], params);
}

/** Whether `key` is a text of the catalogue (a preset's name exists; a custom framework's does not). */
export function isTextKey(key: string): key is TextKey {
  return key in CATALOGUES.en.texts;
}

/** A message of the statistical core in `lang`, from its code and parameters. */
export function coreText(lang: Lang, code: MessageCode, params: Params = {}): CoreText {
  const entry = CATALOGUES[lang].messages[code];
  return { text: fill(lang, entry.text, params), action: fill(lang, entry.action, params) };
}
