/** A label as words are compared: without accents and case, spaces trimmed and single ("  Más  pobre" -> "mas pobre"). */
export function plainText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');
}
