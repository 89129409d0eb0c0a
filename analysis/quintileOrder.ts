import { plainText } from './plainText.js';

/**
 * Wealth quintiles written by their labels, as a MICS or DHS file saved with its value labels as text
 * writes them, in their order rather than the alphabet's (a walk: "Cuarto, Más pobre, Más rico,
 * Medio, Segundo"). MICS: Poorest, Second, Middle, Fourth, Richest; DHS: Poorest, Poorer, Middle,
 * Richer, Richest; and their French and Spanish labels. Compared without case and accents.
 */
const RANKS: readonly (readonly string[])[] = [
  ['poorest', 'lowest', 'le plus pauvre', 'plus pauvre', 'tres pauvre', 'mas pobre', 'muy pobre', 'el mas pobre'],
  ['second', 'poorer', 'deuxieme', 'pauvre', 'segundo', 'pobre'],
  ['middle', 'moyen', 'medio', 'intermedio'],
  ['fourth', 'richer', 'quatrieme', 'riche', 'cuarto', 'rico'],
  ['richest', 'highest', 'le plus riche', 'plus riche', 'tres riche', 'mas rico', 'muy rico', 'el mas rico'],
];

/** A quintile label's place (0-4), or undefined for any other code. */
export function quintileRank(v: string): number | undefined {
  const p = plainText(v);
  const i = RANKS.findIndex((words) => words.includes(p));
  return i < 0 ? undefined : i;
}

/** The place of each code when every code (blanks aside) is a quintile label, each once; else null. */
export function quintileOrder(codes: Iterable<string>): Map<string, number> | null {
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const c of codes) {
    if (c === '' || out.has(c)) continue;
    const r = quintileRank(c);
    if (r === undefined || used.has(r)) return null;
    out.set(c, r);
    used.add(r);
  }
  return out.size >= 2 ? out : null;
}
