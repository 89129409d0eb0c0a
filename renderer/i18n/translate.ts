import type { Message } from '../../analysis/index.js';
import { MESSAGES } from '../core.js';
import { CORE_MESSAGES_FR } from './coreMessagesFr.js';
import { en, type Catalogue, type MessageKey } from './en.js';
import { fr } from './fr.js';

export type Lang = 'en' | 'fr';
export const LANGS: Lang[] = ['en', 'fr'];
export const CATALOGUES: Record<Lang, Catalogue> = { en, fr };
export const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };

export type Params = Record<string, string | number>;

/** Replaces {name} with its parameter; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in params ? String(params[key]) : all));
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(CATALOGUES[lang][key], params);
}

/** A message of the statistical core in the chosen language, from its code and parameters. */
export function coreMessage(lang: Lang, m: Message): { text: string; action: string } {
  const entry = lang === 'fr' ? CORE_MESSAGES_FR[m.code] : MESSAGES[m.code];
  if (!entry) return { text: m.text, action: m.action };
  return { text: fill(entry.text, m.params), action: fill(entry.action, m.params) };
}

/** The placeholders of a template, for the test that the catalogues agree. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!).sort();
}
