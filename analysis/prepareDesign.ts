import { agesPresent } from './agesPresent.js';
import type { AnalysisSession, PreparedDesign } from './analysisSession.js';
import { checkDesign, designPassFor } from './checkDesign.js';
import { IN_SCOPE } from './classify.js';
import { codesPresent } from './codesPresent.js';
import { strataSql } from './domainSums.js';
import type { Engine } from './engine/engine.js';
import { readDeclaredMissing } from './import/declaredMissing.js';
import { extraColumn, prepareSql } from './mapping.js';
import { AnalysisError, message, type Message } from './messages.js';
import type { Mapping } from './types.js';
import { classifiedSelect, fusedPassApplies, psuAcrossStrata } from './designPass.js';
import type { StratumInfo } from './variance.js';

/**
 * The design prepared once per file and mapping: the typed `survey` table (mapping.ts; dropped once
 * `classified` holds its columns), the strata
 * with their PSU counts and fpc factor over the WHOLE file, integer ids for strata and PSUs, and the
 * table `classified` (survey + ids + codes of region and extras) in whose row order every typed column
 * is read.
 */
export async function prepareDesign(engine: Engine, m: Mapping, file: string, found: Message[], session: AnalysisSession): Promise<PreparedDesign> {
  const declared = await readDeclaredMissing(engine);
  if (fusedPassApplies(m)) {
    // One scan of the raw table (designPass.ts), usually made already by the validation report.
    await designPassFor(engine, m, declared, [], session);
    const designMessages: Message[] = [];
    if (m.stratum) {
      const r = await psuAcrossStrata(engine, m, false);
      if (r) {
        if (m.psuNestedInStrata === false) throw new AnalysisError('PSU_ACROSS_STRATA', { psu: r.psu, column: m.psu!, row: r.r + 1 });
        designMessages.push(message('PSU_NESTED_INFO', { file }));
      }
    }
    return { messages: [...found, ...designMessages], fpcKind: 'none' };
  }
  // The tables below replace those of any design pass.
  session.pass = null;
  session.tablesReplaced();
  await engine.run(prepareSql(m, 'src', declared));
  const designMessages = await checkDesign(engine, m, file);
  const fpcKind = !m.fpc ? 'none' : Number((await engine.query('SELECT max(_fpc) AS x FROM survey'))[0]!.x) <= 1 ? 'fraction' : 'count';
  await engine.run(strataSql('survey', '_strata', fpcKind));
  await engine.run(
    `CREATE OR REPLACE TABLE _ids AS SELECT _h, _psu, (dense_rank() OVER (ORDER BY _h))::INTEGER AS _hid, (row_number() OVER (ORDER BY _h, _psu))::INTEGER AS _pid FROM (SELECT DISTINCT _h, _psu FROM survey)`,
  );
  const coded = ['region', ...(m.extras ?? []).map((_, i) => extraColumn(i))];
  for (const c of coded) {
    await engine.run(
      `CREATE OR REPLACE TABLE _dict_${c} AS SELECT v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS code FROM (SELECT DISTINCT ${c} AS v FROM survey WHERE ${c} IS NOT NULL)`,
    );
  }
  await engine.run(
    `CREATE OR REPLACE TABLE classified AS SELECT ${classifiedSelect(m, coded, ['_h', '_psu'])}
     FROM survey s JOIN _ids ids ON s._h = ids._h AND s._psu = ids._psu ${coded.map((c) => `LEFT JOIN _dict_${c} d_${c} ON s.${c} = d_${c}.v`).join(' ')}`,
  );
  // The estimation groups by stratum and PSU: small integer ids (PSU ids are "stratum<US>psu" text when nested).
  await engine.run(strataSql('classified', '_strata_ids', fpcKind));
  // `classified` holds every column of `survey`: the copy goes, which leaves room in the app's 4 GB.
  await engine.run('DROP TABLE survey');
  return { messages: [...found, ...designMessages], fpcKind };
}

/**
 * Children who can be counted: of an age in the frameworks' range, in the universe, with a positive
 * weight. None at all is an error that says which of the three left nobody (never a table of NA).
 */
export async function countInScope(engine: Engine, m: Mapping, file: string, lo: number, hi: number): Promise<number> {
  const [r] = await engine.query(
    `SELECT COUNT(*) FILTER (WHERE ${IN_SCOPE})::BIGINT AS n, COUNT(*)::BIGINT AS aged, COUNT(*) FILTER (WHERE _in)::BIGINT AS inside
     FROM classified WHERE age = floor(age) AND age BETWEEN ${lo} AND ${hi}`,
  );
  const n = Number(r!.n);
  if (n > 0) return n;
  if (Number(r!.aged) === 0) throw new AnalysisError('NO_CHILDREN_IN_SCOPE', { file, from: lo, to: hi, column: m.age, ages: await agesPresent(engine, m, await readDeclaredMissing(engine)) });
  if (Number(r!.inside) === 0 && m.universe) {
    // The codes the universe column holds among the children of the age range (`_row` is rowid + 1).
    const aged = `rowid + 1 IN (SELECT _row FROM classified WHERE age = floor(age) AND age BETWEEN ${lo} AND ${hi})`;
    const present = await codesPresent(engine, m.universe.column, aged);
    throw new AnalysisError('UNIVERSE_EMPTY', { file, column: m.universe.column, codes: m.universe.keep.join(', '), from: lo, to: hi, present });
  }
  throw new AnalysisError('WEIGHTS_ALL_ZERO', { file, column: m.weight, count: Number(r!.inside) });
}

/** PSUs per stratum (whole file) and finite population factor, by stratum id. */
export async function strataInfo(engine: Engine): Promise<Map<string, StratumInfo>> {
  const rows = await engine.query(`SELECT CAST(_h AS VARCHAR) AS h, n_h::BIGINT AS n_h, f_h::DOUBLE AS f_h FROM _strata_ids`);
  return new Map(rows.map((r) => [String(r.h), { n: Number(r.n_h), f: Number(r.f_h) }]));
}
