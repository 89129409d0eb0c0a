/**
 * The languages of the app, the exports and the command line. English is the source; every other
 * language has exactly its keys (analysis/i18n/<lang>/, checked by the type checker and by
 * test/i18n.test.ts).
 */
export type Lang = 'en' | 'fr' | 'es';

export const LANGS: readonly Lang[] = ['en', 'fr', 'es'];

/** Each language by its own name, for the language menu. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français', es: 'Español' };

/**
 * The BCP 47 locale of each language for Intl (numbers and plurals): 18.5 and 61,667 in English;
 * 18,5 and 61 667 (narrow no-break space) in French; 18,5 and 61.667 in Spanish, whose four-digit
 * numbers stay ungrouped (1234) as CLDR and the Real Academia write them. Plain "es" rather than a
 * country: Latin American offices differ (Mexico writes 18.5), and the decimal comma is the
 * convention of most of them and of the ILO's Spanish publications.
 */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es' };

export function parseLang(s: string | null | undefined): Lang | null {
  return s === 'en' || s === 'fr' || s === 'es' ? s : null;
}

/** The language of a locale tag such as navigator.language ("es-MX" is Spanish), or null. */
export function langOfLocale(tag: string | null | undefined): Lang | null {
  return parseLang((tag ?? '').toLowerCase().split(/[-_]/)[0]);
}

/**
 * A label and its value joined by a colon, as each language writes it: French puts a space before the
 * colon ("Garçons : 15,2 %"), English and Spanish do not ("Boys: 15.2%").
 */
export const colonOf = (lang: Lang): string => (lang === 'fr' ? ' : ' : ': ');
