import { BACKGROUND, backgroundColumns } from '../background.js';
import { hazardName, t, type Lang, type MessageKey } from '../export/i18n.js';
import type { ColumnSource, Mapping } from '../types.js';

/**
 * The variables of an analysis in words, role by role, for the metadata a person reads (the workbook's
 * Metadata sheet, the report's metadata section): "HL4: boys = 1, girls = 2", "CL8 + CL10 + CL13
 * (summed); 97 and above: missing; blank: 0", never the JSON of the analysis file (which the JSON
 * export and the CSV sidecar keep for programs). The design's columns and the universe are stated in
 * the design section, so they are not repeated here.
 */
export interface RoleWords {
  label: string;
  value: string;
}

const list = (xs: string[]) => xs.join(', ');

/** A column source: its columns and how they combine, its yes codes, missing codes and blanks. */
export function sourceWords(lang: Lang, s: ColumnSource, yesNo: boolean): string {
  const w = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, params);
  const several = s.columns.length > 1;
  const parts = [
    !several ? s.columns[0] ?? '' : s.combine === 'sum' ? w('words.columns.sum', { columns: s.columns.join(' + ') }) : w('words.columns.any', { columns: list(s.columns) }),
  ];
  if (yesNo) parts.push(w('words.yes', { codes: list(s.yes ?? ['1']) }));
  if (s.missingCodes?.length) parts.push(w('words.missingCodes', { codes: list(s.missingCodes) }));
  // A code, written as the data file has it (9999), not as a number of the language (9,999).
  if (s.missingFrom !== undefined) parts.push(w('words.missingFrom', { min: String(s.missingFrom) }));
  parts.push(w(`words.blank.${s.blank ?? 'missing'}`));
  if (s.notAsked?.length) parts.push(w('words.notAsked', { codes: list(s.notAsked) }));
  return parts.join('; ');
}

/** Every mapped role but the design's, in words. */
export function mappingWords(lang: Lang, m: Mapping): RoleWords[] {
  const w = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, params);
  const out: RoleWords[] = [
    { label: w('present.role.age'), value: m.age },
    { label: w('present.role.sex'), value: w('words.sex', { column: m.sex.column, male: m.sex.male, female: m.sex.female }) },
  ];
  if (m.region) out.push({ label: w('present.role.region'), value: m.region.column });
  if (m.area) out.push({ label: w('present.role.area'), value: w('words.area', { column: m.area.column, urban: m.area.urban, rural: m.area.rural }) });
  const sources: [keyof Mapping, MessageKey, boolean][] = [
    ['econActivity', 'present.role.econActivity', true],
    ['econHours', 'present.role.econHours', false],
    ['absentFromJob', 'present.role.absentFromJob', true],
    ['choresHours', 'present.role.choresHours', false],
  ];
  for (const [role, key, yesNo] of sources) {
    const s = m[role] as ColumnSource | undefined;
    if (s) out.push({ label: w(key), value: sourceWords(lang, s, yesNo) });
  }
  if (m.industry) out.push({ label: w('present.role.industry'), value: w(m.industry.level === 'class' ? 'words.industry.class' : 'words.industry.division', { column: m.industry.column }) });
  if (m.occupation) out.push({ label: w('present.role.occupation'), value: m.occupation.column });
  for (const [name, s] of Object.entries(m.hazards ?? {})) out.push({ label: w('present.role.hazard', { name: hazardName(lang, name) }), value: sourceWords(lang, s, true) });
  // The background characteristics by the words that head their rows, then the other breakdowns.
  for (const b of BACKGROUND) {
    const col = m.background?.[b];
    if (col) out.push({ label: w(`bg.${b}`), value: col });
  }
  const bg = backgroundColumns(m);
  const others = (m.extras ?? []).filter((x) => !bg.includes(x));
  if (others.length) out.push({ label: w('present.role.extras'), value: list(others) });
  return out;
}
