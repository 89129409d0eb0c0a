import { codedRoles } from './codesPresent.js';
import type { DataLabels } from './import/labels.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/**
 * What a value label says a sex or area code means, by its words (accents and case aside), in the
 * app's languages and those of the surveys it reads: "Masculin", "2 Female", "Urbano", "Milieu rural".
 * A label with words of both meanings, or of neither, says nothing.
 */
const WORDS: Record<Meaning, readonly string[]> = {
  male: ['male', 'males', 'man', 'men', 'boy', 'boys', 'homme', 'hommes', 'masculin', 'masculine', 'garcon', 'garcons', 'hombre', 'hombres', 'masculino', 'nino', 'ninos', 'varon', 'varones', 'masculinos', 'menino', 'meninos'],
  female: ['female', 'females', 'woman', 'women', 'girl', 'girls', 'femme', 'femmes', 'feminin', 'feminine', 'fille', 'filles', 'mujer', 'mujeres', 'femenino', 'femenina', 'nina', 'ninas', 'feminino', 'feminina', 'mulher', 'mulheres', 'menina', 'meninas'],
  urban: ['urban', 'urbain', 'urbaine', 'urbains', 'urbaines', 'urbano', 'urbana', 'urbanos', 'urbanas', 'town', 'towns', 'city', 'ville', 'villes'],
  rural: ['rural', 'rurale', 'ruraux', 'rurales', 'village', 'villages', 'campagne', 'countryside'],
};
export type Meaning = 'male' | 'female' | 'urban' | 'rural';
export const PAIRS: Record<'sex' | 'area', [Meaning, Meaning]> = { sex: ['male', 'female'], area: ['urban', 'rural'] };

/** Words that turn a label's meaning round ("Non urbain", "Not urban", "No urbano"): such a label says nothing. */
const NOT = ['non', 'not', 'no', 'nao', 'sin', 'sans', 'without', 'other', 'autre', 'otro', 'otra'];

/** The one meaning of `pair` the label's words name, or undefined. */
export function labelMeaning(label: string, pair: readonly [Meaning, Meaning]): Meaning | undefined {
  const words = new Set(label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}]+/u));
  if (NOT.some((w) => words.has(w))) return undefined;
  const named = pair.filter((m) => WORDS[m].some((w) => words.has(w)));
  return named.length === 1 ? named[0] : undefined;
}

/**
 * A mapped sex or area code whose own value label in the file names the other meaning: the mapping's
 * male "1" where the file labels 1 "Female" (a mapping copied from a round that coded sex the other
 * way, an area coded 1 = rural). Every table would then show girls as boys, with a gap of the wrong
 * sign, and a change between rounds would compare boys with girls. A warning
 * (MAPPED_CODE_LABEL_CONTRADICTS): the labels may be the file's mistake; the codes the file labels
 * with the role's meaning are named.
 */
export function codeLabelContradictions(m: Mapping, file: string, labels: DataLabels | undefined): Message[] {
  const out: Message[] = [];
  for (const r of codedRoles(m)) {
    const pair = PAIRS[r.role];
    // A code that is itself a word of the other meaning: the mapping's urban "Rural" (a CSV written
    // with its labels; a walk: the 2016 round's "Urbano"/"Rural" suggested the wrong way round gave a
    // false significant rise in rural child labour). No label can make that right: an error.
    const said = r.codes.map((c) => labelMeaning(c, pair));
    if (said[0] === pair[1] || said[1] === pair[0]) {
      const j = said[0] === pair[1] ? 0 : 1;
      out.push(message('MAPPED_CODE_WORD_CONTRADICTS', { file, column: r.column, role: r.role, code: r.codes[j], meaning: pair[j], field: r.codeFields[j] }));
      continue;
    }
    const own = labels?.values[r.column];
    if (!own) continue;
    for (const j of [0, 1] as const) {
      const label = own[r.codes[j]];
      if (label === undefined || labelMeaning(label, pair) !== pair[j === 0 ? 1 : 0]) continue;
      const labelled = Object.keys(own).find((code) => labelMeaning(own[code]!, pair) === pair[j]) ?? r.codes[j === 0 ? 1 : 0];
      out.push(message('MAPPED_CODE_LABEL_CONTRADICTS', { file, column: r.column, role: r.role, code: r.codes[j], label, meaning: pair[j], field: r.codeFields[j], labelled }));
    }
  }
  return out;
}
