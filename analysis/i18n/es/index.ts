import type { Catalogue } from '../types.js';
import { exportTexts } from './export.js';
import { messages } from './messages.js';
import { present } from './present.js';
import { presets } from './presets.js';
import { screen } from './screen.js';
import { shell } from './shell.js';
import { words } from './words.js';

/** The Spanish catalogue: each section has exactly the keys of its English one (../en/). */
export const es: Catalogue = { messages, texts: { ...screen, ...exportTexts, ...present, ...presets, ...words, ...shell } };
