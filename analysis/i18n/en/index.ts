import type { Catalogue } from '../types.js';
import { exportTexts } from './export.js';
import { messages } from './messages.js';
import { present } from './present.js';
import { presets } from './presets.js';
import { screen } from './screen.js';
import { shell } from './shell.js';
import { words } from './words.js';

/**
 * The English catalogue, the source: every other language has exactly its keys. One folder per
 * language, a file per section: messages (the core's, by code), screen, export, present (the
 * presentation layer's tables, charts and metadata in words), presets, words, shell (the desktop
 * shell's menu and dialogs). The sections share one
 * key space, so the screen and the exports say the same name for a preset, an indicator or a role.
 */
const texts = { ...screen, ...exportTexts, ...present, ...presets, ...words, ...shell };

export type TextKey = keyof typeof texts;

export const en: Catalogue = { messages, texts };

// A key in two sections would be shadowed by the later one: the type checker refuses it.
type Both<A, B> = keyof A & keyof B;
type Shared =
  | Both<typeof screen, typeof exportTexts>
  | Both<typeof screen, typeof present>
  | Both<typeof screen, typeof presets>
  | Both<typeof screen, typeof words>
  | Both<typeof exportTexts, typeof present>
  | Both<typeof exportTexts, typeof presets>
  | Both<typeof exportTexts, typeof words>
  | Both<typeof present, typeof presets>
  | Both<typeof present, typeof words>
  | Both<typeof presets, typeof words>
  | Both<typeof shell, typeof screen>
  | Both<typeof shell, typeof exportTexts>
  | Both<typeof shell, typeof present>
  | Both<typeof shell, typeof presets>
  | Both<typeof shell, typeof words>;
export const NO_KEY_IN_TWO_SECTIONS: [Shared] extends [never] ? true : Shared = true;
