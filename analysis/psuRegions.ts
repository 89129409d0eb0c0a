import type { Engine } from './engine/engine.js';
import { ident } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { designKeys, regionSql } from './mapping.js';
import { message, type Message } from './messages.js';
import type { Mapping } from './types.js';

/** How many regions of the first such PSU a message names. */
const SHOWN = 4;

/**
 * Clusters (PSUs as the design takes them: the pair stratum, PSU when nested) whose rows lie in more
 * than one region. A household survey draws each cluster inside one region, so this is most often a
 * cluster number that restarts in each region (DHS hv001, MICS HH1) mapped without the stratum that
 * makes it unique: the clusters of several regions become one sampling unit, and every standard error,
 * interval and df is wrong, with no other message (a probe's DHS file: df 9 instead of 40, the national
 * SE of child labour 0.0345 instead of 0.0272). A warning (PSU_ACROSS_REGIONS): a survey may draw
 * clusters across a region's border, and a few rows may carry a wrong region.
 * `fused`: the design pass's `classified` table holds the design ids and the region codes; else the
 * raw table is read.
 */
export async function psuAcrossRegions(
  engine: Engine, m: Mapping, file: string, declared: DeclaredMissing, fused: boolean, spelt = false,
): Promise<Message | null> {
  if (!m.psu || !m.region || m.noClusters) return null;
  const { psu } = designKeys(m, declared);
  // `spelt`: the region is written two ways (CATEGORY_SPELLINGS, CATEGORY_UNICODE_FORMS,
  // CATEGORY_CASE_VARIANTS), which are one region once recoded: its codes are compared as one number
  // ("01" is "1") and its names in one Unicode form, without case or accents, so a cluster of "Côte"
  // in both forms, or of "North" and "NORTH", does not cross regions (a walk), and one of two regions does.
  const raw = regionSql(m, declared);
  const g = spelt
    ? `(CASE WHEN regexp_full_match(${raw}, '-?[0-9]+') THEN CAST(TRY_CAST(${raw} AS BIGINT) AS VARCHAR) ELSE regexp_replace(lower(strip_accents(nfc_normalize(${raw}))), '\\s+', ' ', 'g') END)`
    : raw;
  // The pass's _psu numbers the design's PSUs (the pairs when nested): integers, one GROUP BY.
  const rows = fused && !spelt
    ? `SELECT _psu AS p, _c_region AS g, _row AS r FROM classified WHERE _c_region >= 0`
    : `SELECT ${psu} AS p, ${g} AS g, rowid + 1 AS r FROM src WHERE ${raw} IS NOT NULL`;
  const spread = `SELECT p FROM (${rows}) GROUP BY p HAVING MIN(g) <> MAX(g)`;
  const count = Number((await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM (${spread})`))[0]?.n ?? 0);
  if (!count) return null;
  // The row only when there is one to name (most files have none): the first row of such a PSU.
  const row = Number((await engine.query(`SELECT MIN(r)::BIGINT AS r FROM (${rows}) WHERE p IN (${spread})`))[0]!.r);
  // The first such PSU as the file writes it, and its regions as the run names them.
  const at = `(SELECT ${psu} FROM src WHERE rowid = ${row - 1})`;
  const [first] = await engine.query(`SELECT ${ident(m.psu)} AS p FROM src WHERE rowid = ${row - 1}`);
  const regions = (await engine.query(`SELECT DISTINCT ${raw} AS g FROM src WHERE ${psu} IS NOT DISTINCT FROM ${at} AND ${raw} IS NOT NULL ORDER BY 1`)).map((x) => String(x.g));
  return message('PSU_ACROSS_REGIONS', {
    file, count, column: m.psu, region: m.region.column, psu: String(first?.p ?? ''), row, regionCount: regions.length,
    regions: regions.slice(0, SHOWN).join(', ') + (regions.length > SHOWN ? ', ...' : ''),
  });
}
