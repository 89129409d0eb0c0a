/**
 * Checks the raw file (`src`, all text) against the mapping before anything is estimated. Every
 * finding is a catalogue message that names the file, the column and the first row (rows are counted
 * from the first data row, 1-based), with how many rows share the problem. Errors stop the run;
 * warnings travel with the results. Nothing is coerced silently.
 */

import { agesPresent } from './agesPresent.js';
import type { ResolvedAnalysis } from './analysisFile.js';
import { designPassFor, fpcProblem, type DesignPassHolder } from './checkDesign.js';
import { naturalCompare } from './naturalCompare.js';
import { ageInvalidSql, noValueSql } from './ageReading.js';
import { checkValues, childScopeSql, valueConditions } from './checkValues.js';
import { categorySpellings } from './categorySpellings.js';
import { classify, IN_SCOPE } from './classify.js';
import { agesAbsent } from './agesPresent.js';
import { codedRoles, codesPresent, mappedCodeAbsent, mappedCodesNotFound } from './codesPresent.js';
import type { Engine } from './engine/engine.js';
import { ident, sqlString } from './engine/values.js';
import type { DataLabels } from './import/labels.js';
import { codeLabelContradictions } from './codeMeanings.js';
import { universeNotSet } from './universeUnset.js';
import { hoursAfterWorkCounts, hoursAfterWorkMessages, hoursAtAgesCounts, hoursAtAgesMessages } from './hoursAfterWork.js';
import { markJoinedColumns, type JoinedColumn } from './import/joinedColumns.js';
import { readDeclaredMissing } from './import/declaredMissing.js';
import { fusedPassApplies, psuAcrossStrata } from './designPass.js';
import { agesCounted } from './frameworks.js';
import { ageSql, categorySql, codeReadSql, designKeys, mappedColumns, nacePointSql, numericColumnSql, universeSql, weightSql } from './mapping.js';
import { codeVariants } from './codeForms.js';
import { mappedDuplicates } from './mappedDuplicates.js';
import { AnalysisError, message, messageKey, type Message } from './messages.js';
import { suspectHoursCodes, suspectHoursCounts } from './suspectHours.js';
import { codeDigitCounts, codeDigits } from './codeDigits.js';
import { CENSUS_F } from './variance.js';
import { weightScaleOf } from './weightScale.js';
import { yesNoCodeCounts, yesNoCodes } from './yesNoCodes.js';
import { yesNoShareCounts, yesNoShares } from './yesNoShares.js';
import { hoursNotAskedAges, hoursShareCounts, hoursShares } from './hoursShares.js';
import { psuAcrossAreas, psuAcrossRegions } from './psuRegions.js';
import { sourceColumns, unknownColumns } from './unknownColumns.js';

/**
 * The validation report: everything checked about the mapped file before any estimate, as counts and
 * as catalogue findings (code, severity, text, what to do). Errors stop the estimate (`ok` false);
 * warnings and notes are shown beside the results and written into exports. Zero weights are a
 * warning, not an error: such rows stay in the design and add nothing to any estimate (the estimator's
 * property tests add zero-weight rows and expect identical results).
 */
export interface ValidationReport {
  file: string;
  /** Data rows of the raw table. */
  rowsRead: number;
  /** False when a column the mapping names is not in the file: nothing past the rows was counted (the counts below are 0). */
  counted: boolean;
  /**
   * Children who can be counted: a whole-number age in the frameworks' range (5-17 for the presets),
   * in the universe and with a positive weight; and that range.
   */
  children: number;
  ageRange: [number, number];
  /** Weights: `zero` counts every row, `zeroInUniverse` those in the universe (WEIGHT_ZERO's rows). */
  weights: { column: string; missing: number; zero: number; zeroInUniverse: number; negative: number; notNumeric: number };
  /** The universe and how many children of the age range it keeps (null: no universe). */
  universe?: { column: string; keep: string[]; inside: number; outside: number } | null;
  /** Ages that are not numbers, outside 0-120 or not whole (missing ages not counted). */
  agesInvalid: number;
  design: {
    strata: number;
    psus: number;
    /**
     * Strata with a single PSU that hold children in scope (aged, in the universe): the lonely-PSU
     * policy applies to them. A stratum whose rows are all out of scope is in no estimate (R's subset
     * drops its rows: `survey.lonely.psu = "fail"` does not stop for it), so it is not listed.
     */
    lonelyStrata: string[];
    /** PSU ids repeat across strata: PSUs are then the pairs (stratum, PSU). */
    psuIdsRepeatAcrossStrata: boolean;
    nested: boolean;
    /** PSUs - strata, of the whole file. */
    df: number;
    /**
     * PSUs - strata among the children in scope with a weight above 0: the national estimate's degrees
     * of freedom (R: degf of that subset), less than `df` when a PSU or stratum holds none of them.
     */
    dfInScope: number;
  };
  /** Children in scope with unknown hours, per hours role that is mapped; the share is of the children asked (hoursShares.ts). */
  hours: { role: 'econHours' | 'choresHours'; columns: string[]; missing: number; share: number | null }[];
  findings: Message[];
  /** No finding is an error. */
  ok: boolean;
}

/**
 * The findings without the warnings that only echo a repeated header or a row of labels (an age, a
 * sex code, a yes/no code that is the column's name or label): the error names those rows and says
 * what to do, and the warnings went with them. A warning is an echo when its first row and its count
 * are those rows' (every such row holds the same texts, so a problem they cause is in all of them:
 * with the same count it is in those rows only). A total row's findings of that row alone, errors
 * too (its hours are everyone's sum, its stratum blank), go with DATA_TOTAL_ROW.
 */
function withoutHeaderEchoes(findings: Message[]): Message[] {
  const places = findings.flatMap((f) =>
    f.code === 'DATA_HEADER_REPEATED' ? [{ row: f.params.row, count: f.params.count, errors: false }]
      : f.code === 'DATA_LABEL_ROW' ? [{ row: 1, count: 1, errors: false }]
        : f.code === 'DATA_TOTAL_ROW' ? [{ row: f.params.row, count: 1, errors: true }] : []);
  if (!places.length) return findings;
  return findings.filter((f) => f.code === 'DATA_TOTAL_ROW' || !places.some((p) => (p.errors || f.severity === 'warning') && f.params.row === p.row && f.params.count === p.count));
}

/**
 * Validates the raw table `src` against an analysis: columns, values, weights, design, ages, codes,
 * missing hours, codes read as missing (from the loader's labels). Never throws for a data problem:
 * every problem is a finding. `labels`: what importData returned, for the user-missing notes.
 */
export async function validateData(
  engine: Engine, a: ResolvedAnalysis, file: string, labels?: DataLabels,
  options: { session?: DesignPassHolder; joined?: readonly JoinedColumn[]; imported?: readonly Message[] } = {},
): Promise<ValidationReport> {
  const m = a.mapping;
  const { from: lo, to: hi } = agesCounted(a.frameworks);
  const [count] = await engine.query('SELECT COUNT(*)::BIGINT AS n FROM src');
  const report: ValidationReport = {
    file,
    rowsRead: Number(count!.n),
    counted: true,
    children: 0,
    ageRange: [lo, hi],
    weights: { column: m.weight, missing: 0, zero: 0, zeroInUniverse: 0, negative: 0, notNumeric: 0 },
    agesInvalid: 0,
    design: { strata: 0, psus: 0, lonelyStrata: [], psuIdsRepeatAcrossStrata: false, nested: m.psuNestedInStrata ?? true, df: 0, dfInScope: 0 },
    hours: [],
    findings: [],
    ok: true,
  };
  const findings = report.findings;
  // A role reading a name two columns share, read apart by an import that did not know the mapping.
  findings.push(...mappedDuplicates(m, options.imported ?? [], file));
  const finish = () => {
    report.ok = !findings.some((f) => f.severity === 'error');
    // A file set: the findings about a joined column say which file it came from.
    report.findings = sortBySeverity(markJoinedColumns(withoutHeaderEchoes(findings), options.joined));
    return report;
  };
  const columns = await sourceColumns(engine);
  const unknown = unknownColumns(m, columns, file);
  if (unknown.length) {
    findings.push(...unknown);
    report.counted = false;
    return finish();
  }

  // Counts, in one pass: with the checks of values, in the design pass (which also prepares the
  // design for the run: designPass.ts), else in a pass of their own.
  const num = (c: string) => `TRY_CAST(${ident(c)} AS DOUBLE)`;
  const declared = await readDeclaredMissing(engine);
  const age = ageSql(m, declared);
  const aged = `(${age} BETWEEN ${lo} AND ${hi})`;
  // Counted: in the universe and with a positive weight (classify.ts IN_SCOPE, on the raw table); the
  // children the checks of work and hazards are about (checkValues.ts childScopeSql).
  const inside = childScopeSql(m, declared, [lo, hi]);
  // The weight as the run reads it (mapping.ts weightSql, the pass's typed `_w`, so these count over
  // it): a blank or a declared missing code is no weight (noValueSql), 0 outside the universe; the
  // test for text reads the cell itself (a text weight outside the universe is no 0).
  const weight = weightSql(m, declared);
  const parsed = numericColumnSql(m.weight, { columns: [m.weight] }, declared);
  const noWeight = noValueSql(m.weight, declared, true);
  const child = `(${inside} AND ${weight} > 0)`;
  const lists = { industry: a.frameworks.some((f) => f.hazardous.industries.length > 0), occupation: a.frameworks.some((f) => f.hazardous.occupations.length > 0) };
  const countSql: Record<string, string> = {
    w_missing: noWeight,
    w_zero: `${weight} = 0`,
    w_zero_in: `${weight} = 0 AND ${universeSql(m)}`,
    w_negative: `${weight} < 0`,
    // Text, and numbers that are not finite (NaN, Infinity): not usable as weights.
    w_text: `NOT ${noWeight} AND (${parsed} IS NULL OR NOT isfinite(${parsed}))`,
    // AGE_INVALID's own condition: the pass counts it once for both.
    age_invalid: ageInvalidSql(m, declared),
    aged,
    inside,
    // Rows outside the universe with no age (MICS: an interview not completed has no CB3): said apart,
    // or UNIVERSE_APPLIED's "the other 0" read as if the universe had left no one out (a walk).
    ...(m.universe ? { out_no_age: `${age} IS NULL AND NOT ${universeSql(m)}` } : {}),
    // Rows in the universe with an age outside the scope, or none (MICS: a CB3 of 3, 19 or 99 in a
    // completed interview): no child counted, and said when they are few beside the children (a probe).
    ...(m.universe ? { in_other_age: `${universeSql(m)} AND (${age} IS NULL OR NOT ${aged})` } : {}),
    children: child,
    // Unknown hours, of the children they are asked of (hoursShares.ts).
    ...hoursShareCounts(m, declared, child),
    // Yes/no roles: unknown answers, and the children each share is of (yesNoShares.ts).
    ...yesNoShareCounts(m, declared, child),
    // Sex and area: rows with a value, and with one of the two mapped codes (none: a label mapped).
    // Counted over every row, not only the children: the test of a code is cheap, the child's is not
    // (age and weight read as numbers), and a file none of whose rows has either code is the case.
    ...Object.fromEntries(codedRoles(m).flatMap((r, i) => [
      [`k${i}_valued`, `${categorySql(r.column, declared)} IS NOT NULL`],
      // As the run reads the cells (categorySql: "1.00" is "1").
      [`k${i}_known`, codeReadSql(ident(r.column), r.codes)],
      ...r.codes.map((code, j) => [`k${i}_c${j}`, codeReadSql(ident(r.column), [code])]),
    ])),
    // ISIC codes of the other level than the mapping's: divisions (1-99) and classes (100-9999: 0111, 4290).
    // Its missing codes (9999 not stated) are no code of either level, nor a class as NACE writes it
    // ("43.90"), which both levels read as its division (mapping.ts industrySql).
    ...(m.industry ? (() => {
      const v = numericColumnSql(m.industry.column, { columns: [m.industry.column], ...(m.industry.missingCodes ? { missingCodes: m.industry.missingCodes } : {}) }, declared);
      return { ind_div: `${v} BETWEEN 1 AND 99 AND NOT ${nacePointSql(ident(m.industry.column), v)}`, ind_class: `${v} BETWEEN 100 AND 9999` };
    })() : {}),
    // Hours written 97-99, for the don't-know codes read as hours (suspectHours.ts).
    ...suspectHoursCounts(m, declared),
    // Industry and occupation codes of a width no hazardous list matches (codeDigits.ts).
    ...codeDigitCounts(m, declared, lists),
    // Yes/no cells neither yes, nor a usual no, nor missing (yesNoCodes.ts).
    ...yesNoCodeCounts(m, declared),
    // Children who worked with their hours left empty, read as 0 (hoursAfterWork.ts).
    ...hoursAfterWorkCounts(m, declared, child),
    // Children who worked, and with known hours, in each band of an hours rule (hoursAfterWork.ts).
    ...hoursAtAgesCounts(m, declared, child, age, a.frameworks),
  };
  const fused = fusedPassApplies(m);
  let c: Record<string, number>;
  if (fused) {
    const pass = await designPassFor(engine, m, declared, [...valueConditions(m, declared), ...Object.values(countSql)], options.session);
    findings.push(...(await checkValues(engine, m, file, pass.counts, labels, [lo, hi])));
    c = Object.fromEntries(Object.entries(countSql).map(([k, sql]) => [k, pass.counts.get(sql)!]));
  } else {
    findings.push(...(await checkValues(engine, m, file, undefined, labels, [lo, hi])));
    const [r] = await engine.query(`SELECT ${Object.entries(countSql).map(([k, sql]) => `COUNT(*) FILTER (WHERE ${sql}) AS ${k}`).join(',\n  ')} FROM src`);
    c = Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]));
  }
  report.weights = {
    column: m.weight, missing: Number(c!.w_missing), zero: Number(c!.w_zero), zeroInUniverse: Number(c!.w_zero_in), negative: Number(c!.w_negative), notNumeric: Number(c!.w_text),
  };
  // With the pass, one scan of its typed table gives the weights' scale and the national estimate's df (below).
  const scope = `${IN_SCOPE} AND age = floor(age) AND age BETWEEN ${lo} AND ${hi}`;
  const [typed] = fused
    ? await engine.query(`SELECT SUM(_w) FILTER (WHERE _w > 0) AS s, COUNT(*) FILTER (WHERE _w > 0)::BIGINT AS n,
        (COUNT(DISTINCT _psu) FILTER (WHERE ${scope}) - COUNT(DISTINCT _h) FILTER (WHERE ${scope}))::BIGINT AS df,
        ${hi - lo < 63 ? `bit_or(CASE WHEN ${scope} THEN 1::BIGINT << CAST(age - ${lo} AS INTEGER) END)` : 'NULL'} AS ages FROM classified`)
    : [undefined];
  if (report.weights.missing + report.weights.notNumeric + report.weights.negative === 0) {
    // Normalised or DHS-scaled weights, said before the run as the run says them (weightScale.ts): the
    // design's rows as the run reads them (`classified`, built by the pass), or the file's.
    const [sw] = typed ? [typed] : await engine.query(`SELECT SUM(w) AS s, COUNT(*)::BIGINT AS n FROM (SELECT ${weight} AS w FROM src) WHERE w > 0`);
    findings.push(...weightScaleOf(Number(sw!.s), Number(sw!.n), m.weight, file));
  }
  report.agesInvalid = Number(c!.age_invalid);
  report.children = Number(c!.children);
  const [nAged, nInside] = [Number(c!.aged), Number(c!.inside)];
  report.universe = m.universe ? { column: m.universe.column, keep: m.universe.keep, inside: nInside, outside: nAged - nInside } : null;
  if (nAged === 0) findings.push(message('NO_CHILDREN_IN_SCOPE', { file, from: lo, to: hi, column: m.age, ages: await agesPresent(engine, m, declared) }));
  else if (m.universe && nInside === 0) {
    const present = await codesPresent(engine, m.universe.column, aged, labels);
    findings.push(message('UNIVERSE_EMPTY', { file, column: m.universe.column, codes: m.universe.keep.join(', '), from: lo, to: hi, present }));
  } else if (report.children === 0 && report.weights.missing + report.weights.notNumeric === 0) {
    findings.push(message('WEIGHTS_ALL_ZERO', { file, column: m.weight, count: nInside }));
  }
  if (report.children > 0) {
    // The ages of the children counted: from the pass's scan above (a bit per age from lo: a DISTINCT
    // there took 0.2 s more at 2M children in DuckDB-WASM, a query of its own 0.14 s, this 0.04 s; in a
    // CASE, as DuckDB computes a FILTER's argument on rows it then leaves out, where ages far out of
    // range overflow the shift; clamping them instead cost 0.3 s), else one query.
    const ages = typed && typed.ages !== null ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter((a) => (BigInt(typed.ages ?? 0) >> BigInt(a - lo)) & 1n)
      : (await engine.query(`SELECT DISTINCT a FROM (SELECT ${age} AS a FROM src WHERE ${child}) WHERE a = floor(a)`)).map((r) => Number(r.a));
    findings.push(...agesAbsent(ages, file, lo, hi));
  }
  if (m.universe && nInside > 0) {
    findings.push(message('UNIVERSE_APPLIED', { file, column: m.universe.column, codes: m.universe.keep.join(', '), inside: nInside, children: nAged, outside: nAged - nInside, from: lo, to: hi }));
    const noAge = Number(c!.out_no_age ?? 0);
    if (noAge > 0) findings.push(message('UNIVERSE_OUTSIDE_NO_AGE', { file, column: m.universe.column, codes: m.universe.keep.join(', '), count: noAge }));
    // A universe of children (few of its rows of other ages): those rows are keying errors or don't
    // knows; a universe of every person (a labour force file's completed interviews) says nothing.
    const otherAge = Number(c!.in_other_age ?? 0);
    if (otherAge > 0 && otherAge <= 0.1 * nInside) findings.push(message('UNIVERSE_AGES_OUTSIDE', { file, column: m.universe.column, codes: m.universe.keep.join(', '), count: otherAge, age: m.age, from: lo, to: hi }));
  }
  for (const [i, r] of codedRoles(m).entries()) {
    const valued = `${categorySql(r.column, declared)} IS NOT NULL`;
    // Neither code held (no child: UNIVERSE_EMPTY or NO_CHILDREN_IN_SCOPE say why, with nothing to list).
    if (c![`k${i}_known`] === 0 && c![`k${i}_valued`]! > 0 && report.children > 0) findings.push(await mappedCodesNotFound(engine, r, child, valued, { file, from: lo, to: hi, labels }));
    // One code held, the other in no row while rows hold codes not mapped.
    if (c![`k${i}_known`]! > 0 && c![`k${i}_valued`]! > c![`k${i}_known`]!) {
      for (const j of [0, 1] as const) if (c![`k${i}_c${j}`] === 0) findings.push(await mappedCodeAbsent(engine, r, j, valued, { file, labels }));
    }
  }
  findings.push(...codeLabelContradictions(m, file, labels));
  if (report.children > 0) findings.push(...await universeNotSet(engine, m, file, columns, labels, child));
  findings.push(...hoursAfterWorkMessages(m, file, c!, report.children));
  findings.push(...hoursAtAgesMessages(m, file, c!, a.frameworks, a.options.missingHours));
  if (m.noClusters) findings.push(message('NO_CLUSTERS_CHOSEN', { file }));
  const shares = hoursShares(m, c!, { file, children: report.children, from: lo, to: hi, policy: a.options.missingHours });
  report.hours.push(...shares.hours);
  findings.push(...shares.messages);
  if (report.children > 0) findings.push(...await hoursNotAskedAges(engine, m, declared, child, age, shares.hours, file));

  findings.push(...yesNoShares(m, c!, { file, children: report.children, from: lo, to: hi, policy: a.options.missingHours }));

  if (m.industry && lists.industry) {
    // Read at the other level, no child's code names a hazardous division (4290 is no division; at
    // class level 5 is division 0): hazardous work loses every hazardous industry, in silence.
    const [div, cls] = [Number(c!.ind_div), Number(c!.ind_class)];
    const level = m.industry.level ?? 'division';
    if (level === 'division' ? cls > div : div > cls) {
      findings.push(message(level === 'division' ? 'INDUSTRY_CLASSES_AS_DIVISIONS' : 'INDUSTRY_DIVISIONS_AS_CLASSES', { file, column: m.industry.column, divisions: div, classes: cls, field: 'mapping.industry.level' }));
    }
  }
  findings.push(...(await codeDigits(engine, m, file, declared, c!)));
  findings.push(...(await suspectHoursCodes(engine, m, file, declared, c!, 'src', labels)));
  findings.push(...(await yesNoCodes(engine, m, file, declared, c!, labels, 'src', inside)));

  // The design, as the estimate will see it (a PSU is the pair stratum, PSU when nested).
  const nested = m.psuNestedInStrata ?? true;
  const { h, psu } = designKeys(m);
  // The design pass's distinct (stratum, PSU) pairs give what the file gives: their keys are trimmed.
  const strata = await engine.query(`SELECT _h, COUNT(DISTINCT _psu)::BIGINT AS n_h FROM (SELECT ${h} AS _h, ${psu} AS _psu FROM ${fused ? '_pairs' : 'src'}) GROUP BY _h ORDER BY _h`);
  const psus = strata.reduce((s, r) => s + Number(r.n_h), 0);
  // The children in scope, weighted: the national estimate's PSUs and strata (the pass's typed table,
  // or the file's). Its df is R's degf of that subset, the df the tables show for the total.
  const [inScope] = typed ? [typed] : await engine.query(`SELECT COUNT(DISTINCT _psu)::BIGINT - COUNT(DISTINCT _h)::BIGINT AS df FROM (SELECT ${h} AS _h, ${psu} AS _psu FROM src WHERE ${child})`);
  report.design = {
    strata: strata.length,
    psus,
    // A stratum sampled whole is no lonely stratum: its f_h (domainSums.ts strataSql, for its one PSU:
    // 1 - fraction, or (N_h - 1) / N_h) below variance.ts CENSUS_F, as the run and the variance read it.
    lonelyStrata: await lonelyInScope(engine, strata.filter((r) => Number(r.n_h) === 1).map((r) => String(r._h)), h,
      m.fpc ? `${inside} AND NOT COALESCE((CASE WHEN ${num(m.fpc)} <= 1 THEN 1 - ${num(m.fpc)} ELSE (${num(m.fpc)} - 1) / ${num(m.fpc)} END) < ${CENSUS_F}, FALSE)` : inside),
    psuIdsRepeatAcrossStrata: false,
    nested,
    df: psus - strata.length,
    dfInScope: Number(inScope!.df),
  };
  if (m.psu && m.stratum) {
    const r = await psuAcrossStrata(engine, m, true, fused ? '_pairs' : 'src');
    if (r) {
      report.design.psuIdsRepeatAcrossStrata = true;
      findings.push(nested ? message('PSU_NESTED_INFO', { file }) : message('PSU_ACROSS_STRATA', { psu: String(r.psu), column: m.psu, row: Number(r.r) + 1 }));
    }
  }
  // A region written two ways ("01" and "1", two Unicode forms) is two regions until recoded: the
  // cluster check compares its spellings as one (psuRegions.ts).
  const spellings = await categorySpellings(engine, m, file, declared, fused);
  const spelt = spellings.some((f) => f.params.column === m.region?.column);
  const acrossRegions = await psuAcrossRegions(engine, m, file, declared, fused, spelt);
  if (acrossRegions) findings.push(acrossRegions);
  // Clusters both urban and rural: said when the regions did not say it already (psuRegions.ts).
  const acrossAreas = acrossRegions ? null : await psuAcrossAreas(engine, m, file, declared, fused);
  if (acrossAreas) findings.push(acrossAreas);
  if (m.fpc) {
    const problem = await fpcProblem(engine, `SELECT ${h} AS _h, ${psu} AS _psu, ${num(m.fpc)} AS _fpc, rowid AS _r FROM src`, m.fpc, file);
    if (problem) findings.push(problem);
  }
  const lonely = report.design.lonelyStrata;
  if (lonely.length) {
    const list = lonely.length > 10 ? `${lonely.slice(0, 10).join(', ')}, ...` : lonely.join(', ');
    findings.push(a.options.lonelyPsu === 'fail'
      ? message('LONELY_PSU_FAIL', { file, column: m.stratum ?? '', count: lonely.length, strata: list })
      : message('LONELY_PSU_PRESENT', { count: lonely.length, strata: list, policy: a.options.lonelyPsu }));
  }

  findings.push(...spellings);

  // Codes the file declares missing, in mapped columns: read as missing, said so.
  if (labels) {
    const seen = new Set<string>();
    for (const rc of mappedColumns(m)) {
      if (!labels.missing[rc.column] || seen.has(rc.column)) continue;
      seen.add(rc.column);
      // Not the codes the role reads as a question not asked (notAsked): those follow its blank rule,
      // not "missing" (a probe: -1 listed there read as 0 hours, as asked, and this note said "missing").
      const notAsked = new Set(codeVariants(rc.source?.notAsked ?? []));
      const codes = Object.entries(labels.missing[rc.column]!).filter(([k]) => !notAsked.has(k));
      if (!codes.length) continue;
      const total = codes.reduce((x, [, n]) => x + n, 0);
      const list = codes.sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k}: ${v}`).join(', ');
      findings.push(message('DATA_USER_MISSING', { file, column: rc.column, role: rc.role, count: total, codes: list }));
    }
  }

  const { unmapped, errors } = frameworkFindings(a);
  findings.push(...errors, ...unmapped);
  return finish();
}

/**
 * The lonely strata (their keys as `h` gives them over `src`) that hold a row of `scope`: the others are
 * in no estimate. Read only when there are lonely strata (rare): one scan of the file.
 */
async function lonelyInScope(engine: Engine, lonely: string[], h: string, scope: string): Promise<string[]> {
  if (!lonely.length) return [];
  const rows = await engine.query(`SELECT DISTINCT _h FROM (SELECT ${h} AS _h FROM src WHERE ${scope}) WHERE _h IN (${lonely.map(sqlString).join(', ')})`);
  const held = new Set(rows.map((r) => String(r._h)));
  return lonely.filter((x) => held.has(x)).sort(naturalCompare);
}

/**
 * The findings that come from the frameworks' rules alone, no query: the parts of hazardous work a
 * framework leaves out because their role is not mapped (HAZARD_PART_UNMAPPED, naming the frameworks,
 * as the run says), and a framework that cannot classify with this mapping (an error). The app's
 * worker reuses a report across framework sets and takes these anew (renderer/engine/loadedData.ts).
 */
export function frameworkFindings(a: ResolvedAnalysis): { unmapped: Message[]; errors: Message[] } {
  const parts = new Map<string, string[]>();
  const errors: Message[] = [];
  for (const fw of a.frameworks) {
    try {
      for (const w of classify(fw, a.mapping, a.options.missingHours).warnings) parts.set(String(w.params.part), [...(parts.get(String(w.params.part)) ?? []), fw.id]);
    } catch (e) {
      if (!(e instanceof AnalysisError)) throw e;
      errors.push(e.msg);
    }
  }
  return { unmapped: [...parts].map(([part, fws]) => message('HAZARD_PART_UNMAPPED', { framework: fws.join('", "'), part })), errors };
}

/** Errors first, then warnings, then information; a stable sort (each keeps its order). */
export function sortBySeverity(findings: Message[]): Message[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  return findings.sort((x, y) => order[x.severity] - order[y.severity]);
}

/**
 * Findings of the validation report and messages of the run, each once (the run repeats some checks),
 * errors first, then warnings, then notes (sortBySeverity): the app's results, the command line's
 * stderr and the exported metadata list them so, and a warning found late is not the last of twenty notes.
 */
export function mergeMessages(...lists: Message[][]): Message[] {
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const m of lists.flat()) {
    const key = messageKey(m);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(m);
    }
  }
  return sortBySeverity(out);
}
