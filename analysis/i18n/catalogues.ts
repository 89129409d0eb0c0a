import { en } from './en/index.js';
import { es } from './es/index.js';
import { fr } from './fr/index.js';
import type { Lang } from './lang.js';
import type { Catalogue } from './types.js';

/** Every language's catalogue (one folder per language: messages, screen, export, present, presets, words). */
export const CATALOGUES: Record<Lang, Catalogue> = { en, fr, es };
