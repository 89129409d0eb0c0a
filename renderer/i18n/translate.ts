import type { Message } from '../../analysis/index.js';
import { CATALOGUES as ALL, coreText, fill, LANG_NAMES, LANGS, placeholders, type Lang, type Params, type TextKey } from '../../analysis/i18n/index.js';

/**
 * The screens' view of the message catalogue (analysis/i18n: one folder per language with the
 * core's messages, the screens' texts, the exports' texts, preset names and the words for ids). The
 * screens and the exports share its keys, so a preset, an indicator or a role has one name.
 */
export { LANG_NAMES, LANGS, placeholders, type Lang, type Params };

export type MessageKey = TextKey;
export type Catalogue = Record<MessageKey, string>;

export const CATALOGUES: Record<Lang, Catalogue> = { en: ALL.en.texts, fr: ALL.fr.texts, es: ALL.es.texts };

/** The English catalogue, the source: `key in en` tells whether a key exists (a preset's name does). */
export const en: Catalogue = CATALOGUES.en;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(lang, CATALOGUES[lang][key], params);
}

/** A message of the statistical core in the chosen language, from its code and parameters. */
export function coreMessage(lang: Lang, m: Message): { text: string; action: string } {
  return m.code in ALL[lang].messages ? coreText(lang, m.code, m.params) : { text: m.text, action: m.action };
}
