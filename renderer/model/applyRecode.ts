import type { Mapping, Message } from '../../analysis/index.js';

/**
 * The mapping with the recode a CATEGORY_SPELLINGS, CATEGORY_UNICODE_FORMS or CATEGORY_CASE_VARIANTS finding gives (analysis/categorySpellings.ts): its
 * `recode` parameter is the recode as JSON, its `field` where it goes (mapping.region.recode, or
 * mapping.recode.<column> for an extra breakdown). Null for any other message, or when the mapping no
 * longer has that column in that place. What the Data step's button applies: the message's advice,
 * without editing the analysis file by hand.
 */
export function withFindingRecode(mapping: Partial<Mapping>, m: Message): Partial<Mapping> | null {
  if (m.code !== 'CATEGORY_SPELLINGS' && m.code !== 'CATEGORY_UNICODE_FORMS' && m.code !== 'CATEGORY_CASE_VARIANTS') return null;
  let recode: Record<string, string>;
  try {
    recode = JSON.parse(String(m.params.recode)) as Record<string, string>;
  } catch {
    return null;
  }
  const field = String(m.params.field);
  if (field === 'mapping.region.recode') {
    const region = mapping.region;
    return region && region.column === m.params.column ? { ...mapping, region: { ...region, recode } } : null;
  }
  const column = field.slice('mapping.recode.'.length);
  return field.startsWith('mapping.recode.') && mapping.extras?.includes(column) ? { ...mapping, recode: { ...mapping.recode, [column]: recode } } : null;
}
