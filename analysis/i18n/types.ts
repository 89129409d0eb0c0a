import type { MessageCode } from '../messages.js';
import type { TextKey } from './en/index.js';

/** A message of the statistical core: what happened, and what to do about it. */
export interface CoreText {
  text: string;
  action: string;
}

/**
 * One language's catalogue: the core's messages by code, and every other text by key (screen,
 * exports, the presentation layer's, presets and the words that stand for ids). English defines the
 * keys; see en/index.ts.
 */
export interface Catalogue {
  messages: Record<MessageCode, CoreText>;
  texts: Record<TextKey, string>;
}
