import type { Engine } from './engine/engine.js';
import { ident } from './engine/values.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { categorySql, designKeys, pairCodeSql, regionSql } from './mapping.js';
import { APOSTROPHES, DASHES } from './categorySpellings.js';
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
  // `spelt`: the region is written two ways (CATEGORY_SPELLINGS, CATEGORY_UNICODE_FORMS,
  // CATEGORY_CASE_VARIANTS), which are one region once recoded: its codes are compared as one number
  // ("01" is "1") and its names in one Unicode form, without case or accents, so a cluster of "Côte"
  // in both forms, or of "North" and "NORTH", does not cross regions (a walk), and one of two regions does.
  const raw = regionSql(m, declared);
  const g = spelt
    ? `(CASE WHEN regexp_full_match(${raw}, '-?[0-9]+') THEN CAST(TRY_CAST(${raw} AS BIGINT) AS VARCHAR) ELSE ${folded(`regexp_replace(lower(strip_accents(nfc_normalize(${raw}))), '\\s+', ' ', 'g')`)} END)`
    : raw;
  const s = await spread(engine, m, declared, {
    fused: fused && !spelt ? `SELECT _psu AS p, _c_region AS g, _row AS r FROM classified WHERE _c_region >= 0` : null,
    raw: g, present: `${raw} IS NOT NULL`, shown: raw,
  });
  if (!s) return null;
  return message('PSU_ACROSS_REGIONS', {
    file, count: s.count, column: m.psu, region: m.region.column, psu: s.psu, row: s.row, regionCount: s.values.length,
    regions: s.values.slice(0, SHOWN).join(', ') + (s.values.length > SHOWN ? ', ...' : ''),
  });
}

/**
 * Clusters whose rows are both urban and rural (the mapped area). A cluster (an enumeration area) is
 * urban or rural as a whole, so this is most often a cluster number that restarts in each area of a
 * region (strata of region x area, the stratum mapped as the region alone): urban cluster 1 and rural
 * cluster 1 become one sampling unit, and standard errors, intervals and df are wrong (a probe: a
 * region's total SE 6,671 against R's 33,762 on the design as drawn), with no other message.
 * A warning (PSU_ACROSS_AREAS), said only when the regions did not already say it.
 */
export async function psuAcrossAreas(engine: Engine, m: Mapping, file: string, declared: DeclaredMissing, fused: boolean): Promise<Message | null> {
  if (!m.psu || !m.area || m.noClusters) return null;
  const code = pairCodeSql(categorySql(m.area.column, declared), m.area.urban, m.area.rural);
  const s = await spread(engine, m, declared, {
    fused: fused ? `SELECT _psu AS p, _c_area AS g, _row AS r FROM classified WHERE _c_area >= 0` : null,
    raw: code, present: `${code} >= 0`, shown: categorySql(m.area.column, declared),
  });
  if (!s) return null;
  return message('PSU_ACROSS_AREAS', { file, count: s.count, column: m.psu, area: m.area.column, psu: s.psu, row: s.row, areas: s.values.join(', ') });
}

/**
 * The clusters whose rows hold more than one value of a grouping: how many, the first row of the
 * first (1-based), its id as the file writes it, and its values as `shown` writes them. `fused`: the
 * rows from the design pass's table (integer ids and codes, one GROUP BY); else `raw` over `src`.
 */
async function spread(
  engine: Engine, m: Mapping, declared: DeclaredMissing, g: { fused: string | null; raw: string; present: string; shown: string },
): Promise<{ count: number; row: number; psu: string; values: string[] } | null> {
  const { psu } = designKeys(m, declared);
  const rows = g.fused ?? `SELECT ${psu} AS p, ${g.raw} AS g, rowid + 1 AS r FROM src WHERE ${g.present}`;
  const across = `SELECT p FROM (${rows}) GROUP BY p HAVING MIN(g) <> MAX(g)`;
  const count = Number((await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM (${across})`))[0]?.n ?? 0);
  if (!count) return null;
  // The row only when there is one to name (most files have none): the first row of such a PSU.
  const row = Number((await engine.query(`SELECT MIN(r)::BIGINT AS r FROM (${rows}) WHERE p IN (${across})`))[0]!.r);
  const at = `(SELECT ${psu} FROM src WHERE rowid = ${row - 1})`;
  const [first] = await engine.query(`SELECT ${ident(m.psu!)} AS p FROM src WHERE rowid = ${row - 1}`);
  const values = (await engine.query(`SELECT DISTINCT ${g.shown} AS g FROM src WHERE ${psu} IS NOT DISTINCT FROM ${at} AND ${g.present} ORDER BY 1`)).map((x) => String(x.g));
  return { count, row, psu: String(first?.p ?? ''), values };
}

/** A name's apostrophes and dashes as the keyboard's ' and -, in SQL, as categorySpellings.ts's nameKey folds them. */
const folded = (x: string) => `regexp_replace(regexp_replace(${x}, '[${APOSTROPHES}]', '''', 'g'), '[${DASHES}]', '-', 'g')`;
