/**
 * Ways of writing "don't know" or "missing" in words (en, fr, es), as a file saved with its value
 * labels as text writes MICS's 98 and 99 ("DK", "NSP", "No sabe", "Manquant"). One list: the age's
 * check reads such an age as unknown (checkValues.ts), and the MICS6 preset declares such cells of the
 * hours and yes/no columns missing (renderer/model/suggestMapping.ts), as 97 and above are in the codes.
 */
export const UNKNOWN_WORDS = [
  'dk', 'd.k.', "don't know", 'dont know', 'unknown', 'missing', 'no response', 'not stated',
  'nsp', 'ns', 'nr', 'ns/nr', 'nsp/nr', 'ne sait pas', 'inconnu', 'manquant', 'pas de réponse', 'pas de reponse', 'non déclaré', 'non declare',
  // A walk: a Spanish MICS file labels 99 "Sin información".
  'no sabe', 'desconocido', 'desconocida', 'faltante', 'sin información', 'sin informacion', 'sin respuesta', 'no responde',
];

/** Whether a cell is one of the UNKNOWN_WORDS, case and surrounding spaces aside. */
export function isUnknownWord(cell: string): boolean {
  return UNKNOWN_WORDS.includes(cell.trim().toLowerCase());
}
