import { createContext, useContext } from 'react';
import type { Message } from '../../analysis/index.js';
import { LOCALES } from '../../analysis/i18n/lang.js';
import { coreMessage, translate, type Lang, type MessageKey, type Params } from '../i18n/translate.js';

export interface I18n {
  lang: Lang;
  /** BCP 47 locale for numbers (decimal comma in French and Spanish). */
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
  core: (m: Message) => { text: string; action: string };
}

export function makeI18n(lang: Lang): I18n {
  return {
    lang,
    locale: LOCALES[lang],
    t: (key, params) => translate(lang, key, params),
    core: (m) => coreMessage(lang, m),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export const useI18n = () => useContext(I18nContext);
