import { clusterCandidates } from './designCandidates.js';
import type { Engine } from './engine/engine.js';
import type { ValueCount } from './columnCounts.js';
import type { DeclaredMissing } from './import/declaredMissing.js';
import { designPass, designPassKey, psuAcrossStrata, type DesignPass } from './designPass.js';
import { mappedColumns } from './mapping.js';
import { naturalCompare } from './naturalCompare.js';
import { AnalysisError, message, type Message } from './messages.js';
import type { Mapping } from './types.js';
import { CENSUS_F } from './variance.js';

export interface DesignSummary {
  rows: number;
  strata: number;
  psus: number;
  lonelyStrata: string[];
  /** Degrees of freedom of the whole design: PSUs - strata. */
  df: number;
}

/** Where a design pass is kept between the validation and the run (the analysis session). */
export interface DesignPassHolder {
  pass: DesignPass | null;
  /** The cells of columns of `src` with their counts, where the app's profile listed them (designPass.ts). */
  srcValues?: ReadonlyMap<string, readonly ValueCount[]> | null;
  /** Called when a new pass replaces the engine's design tables. */
  tablesReplaced?(): void;
}

/**
 * The design pass for this mapping with counts of `conditions`: the holder's if it has them, else
 * made (and kept in the holder).
 */
export async function designPassFor(engine: Engine, m: Mapping, declared: DeclaredMissing, conditions: string[], holder?: DesignPassHolder): Promise<DesignPass> {
  const kept = holder?.pass;
  if (kept && kept.key === designPassKey(m, declared) && conditions.every((c) => kept.counts.has(c))) return kept;
  const pass = await designPass(engine, m, declared, conditions, holder?.srcValues);
  if (holder) {
    holder.tablesReplaced?.();
    holder.pass = pass;
  }
  return pass;
}

/**
 * No PSU and no explicit "no clusters": an error, never a silent design of one child per cluster
 * (which makes the standard errors of a clustered survey too small), naming the columns that look like
 * clusters (designCandidates.ts).
 */
export async function clusterMissing(engine: Engine, m: Mapping, file: string): Promise<Message[]> {
  if (m.psu || m.noClusters) return [];
  const exclude = mappedColumns(m).map((rc) => rc.column);
  const found = await clusterCandidates(engine, 'src', { stratum: m.stratum, exclude });
  // Written in words by the catalogue (fill.ts, candidates): the quoted columns, or none.
  const candidates = found.length ? found.map((c) => `"${c}"`).join(', ') : 'none';
  return [message('PSU_NOT_MAPPED', { file, candidates })];
}

/** Design checks on the prepared `survey` table: PSUs across strata, fpc constant in strata, lonely PSUs. */
export async function checkDesign(engine: Engine, m: Mapping, file: string): Promise<Message[]> {
  const out: Message[] = [];
  if (m.psu && m.stratum) {
    const r = await psuAcrossStrata(engine, m, false, 'src');
    if (r) {
      if (m.psuNestedInStrata === false) {
        throw new AnalysisError('PSU_ACROSS_STRATA', { psu: String(r.psu), column: m.psu, row: Number(r.r) + 1 });
      }
      out.push(message('PSU_NESTED_INFO', { file }));
    }
  }
  if (m.fpc) {
    // _row is the file's row, from 1.
    const problem = await fpcProblem(engine, 'SELECT _h, _psu, _fpc, _row - 1 AS _r FROM survey', m.fpc, file);
    if (problem) throw new AnalysisError(problem.code, problem.params);
  }
  return out;
}

/**
 * A finite population correction R's svydesign refuses: one that differs within a stratum (FPC_INVALID),
 * fractions and counts mixed (FPC_MIXED: all must be at most 1, or all at least 1), or a count below
 * the PSUs sampled in its stratum (FPC_BELOW_SAMPLE: f_h = 1 - n_h/N_h, methods.md section 3, would be
 * negative, and the variance with it; R: "FPC implies >100% sampling in some strata"). Without
 * clusters each row is a PSU. `from`: a SELECT of _h, _psu, _fpc and _r (the row of the file, from 0).
 */
export async function fpcProblem(engine: Engine, from: string, column: string, file: string): Promise<Message | null> {
  const [d] = await engine.query(`SELECT _h, MIN(_r)::BIGINT AS r FROM (${from}) GROUP BY _h HAVING COUNT(DISTINCT _fpc) > 1 ORDER BY r LIMIT 1`);
  if (d) return message('FPC_INVALID', { column, file, row: Number(d.r) + 1, detail: `it differs within stratum "${d._h}"` });
  const [k] = await engine.query(`SELECT MIN(_r) FILTER (WHERE _fpc < 1)::BIGINT AS lo, MIN(_r) FILTER (WHERE _fpc > 1)::BIGINT AS hi FROM (${from})`);
  if (k?.lo !== null && k?.lo !== undefined && k.hi !== null && k.hi !== undefined) {
    return message('FPC_MIXED', { column, file, low: Number(k.lo) + 1, high: Number(k.hi) + 1 });
  }
  if (k?.hi === null || k?.hi === undefined) return null;
  const [s] = await engine.query(
    `SELECT _h, any_value(_fpc) AS big, COUNT(DISTINCT _psu)::BIGINT AS n, MIN(_r)::BIGINT AS r FROM (${from}) GROUP BY _h HAVING any_value(_fpc) < COUNT(DISTINCT _psu) ORDER BY r LIMIT 1`,
  );
  return s ? message('FPC_BELOW_SAMPLE', { stratum: String(s._h), file, column, sampled: Number(s.n), population: Number(s.big), row: Number(s.r) + 1 }) : null;
}

/**
 * The design's counts; lonely PSUs are an error under `fail`, a warning otherwise. Only strata with a
 * single PSU that hold a child of the ages `scope` in the universe count as lonely: R's `survey`
 * estimates on a subset whose rows a stratum does not hold without visiting it (subset drops the
 * rows; the strata's PSU counts stay those of the whole design), so its "fail" stops only for a
 * stratum an estimate touches, and the total touches every stratum that holds a child in scope.
 * `_strata` names strata by their key, `classified` by their integer id (`_ids` joins the two).
 */
export async function designSummary(
  engine: Engine, strata: string, policy: string, scope: { from: number; to: number }, where: { file: string; column: string }, rowsTable = 'classified',
): Promise<{ summary: DesignSummary; messages: Message[] }> {
  const [r] = await engine.query(`SELECT COUNT(*)::BIGINT AS h, SUM(n_h)::BIGINT AS psus FROM ${strata}`);
  const [n] = await engine.query(`SELECT COUNT(*)::BIGINT AS n FROM ${rowsTable}`);
  // The scan of the rows runs only when some stratum has a single PSU (rare), not on every run.
  // A stratum sampled whole (fpc: N_h = n_h) is no lonely stratum (variance.ts CENSUS_F).
  const single = await engine.query(`SELECT _h FROM ${strata} WHERE n_h = 1 AND f_h >= ${CENSUS_F} LIMIT 1`);
  const lonely = single.length
    ? (await engine.query(
      `SELECT _h FROM ${strata} WHERE n_h = 1 AND f_h >= ${CENSUS_F} AND _h IN (SELECT i._h FROM ${rowsTable} c JOIN (SELECT DISTINCT _h, _hid FROM _ids) i ON c._h = i._hid
         WHERE c._in AND c.age = floor(c.age) AND c.age BETWEEN ${scope.from} AND ${scope.to}) ORDER BY _h`,
    )).map((x) => String(x._h)).sort(naturalCompare) // 2 before 11 (as text, "11" came first)
    : [];
  const summary: DesignSummary = {
    rows: Number(n!.n),
    strata: Number(r!.h),
    psus: Number(r!.psus),
    lonelyStrata: lonely,
    df: Number(r!.psus) - Number(r!.h),
  };
  const messages: Message[] = [];
  if (lonely.length) {
    const list = lonely.length > 10 ? `${lonely.slice(0, 10).join(', ')}, ...` : lonely.join(', ');
    if (policy === 'fail') throw new AnalysisError('LONELY_PSU_FAIL', { ...where, count: lonely.length, strata: list });
    messages.push(message('LONELY_PSU_PRESENT', { count: lonely.length, strata: list, policy }));
  }
  return { summary, messages };
}
