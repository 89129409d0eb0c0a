import type { Engine } from '../engine/engine.js';
import { ident, sqlString } from '../engine/values.js';
import { AnalysisError, message, type Message } from '../messages.js';
import type { JoinSpec } from '../types.js';
import { EXPONENT_ID } from '../mapping.js';
import { readDeclaredMissing, saveDeclaredMissing, type DeclaredMissing } from './declaredMissing.js';
import type { DataLabels } from './labels.js';

/**
 * Survey file sets: the main file (the unit of analysis, the child) with files joined onto it
 * many-to-one, in DuckDB, on the raw text tables, before anything else sees the data. The result is
 * the raw table `src` as if the user had merged the files in SPSS or Stata first, so the mapping,
 * validation, estimation and exports need to know nothing about joins.
 *
 *   for each join, in order:
 *     1. its key columns exist on both sides                    (JOIN_KEY_MISSING)
 *     2. no key value that a main row carries matches two rows   (JOIN_KEY_DUPLICATE, naming the values)
 *     3. src := src LEFT JOIN file ON keys, in src's row order   (keys as text, whole numbers as numbers:
 *        "01" = "1.0" = "1"; rows never dropped: row numbers and
 *        every sum stay those of the main file, so a joined run equals a run on a merged file)
 *     4. main rows without a match are counted                   (JOIN_UNMATCHED: kept, joined columns missing;
 *        those with no key apart, empty or a 0 the file lacks: JOIN_KEY_BLANK)
 *     5. value labels, variable labels and declared missing codes of the brought columns come along
 */
export interface LoadedJoin {
  spec: JoinSpec;
  /** Raw table holding the joined file (importData's `table`). */
  table: string;
  /** The file's name as the user knows it. */
  file: string;
  labels: DataLabels;
}

export interface JoinReport {
  name: string;
  file: string;
  /** "HH1, HH2, FS3 = HH1, HH2, HL1" */
  keys: string;
  rows: number;
  matched: number;
  unmatched: number;
  /** Of the unmatched, the rows with no key (an empty key, or 0 where the joined file has no 0: it matches nothing), and the key columns that have one. */
  blank: number;
  blankKeys: string[];
  /** The first unmatched row with a key (the file's row, from 1) and its key cells ("HH1 = 12, HH2 = 3"), when there is one. */
  firstUnmatched?: { row: number; keys: string };
  /** Brought columns: name in the joined file -> name in the table. */
  columns: { from: string; to: string }[];
  /** Brought columns the main file also has, that disagree on matched rows (sameNamesDiffer). */
  differ: { column: string; joined: string; count: number; row: number; mine: string; theirs: string }[];
}

/** A file as the user knows it in messages: its name, not the folders of the machine that ran it. */
const shortName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const keyText = (j: JoinSpec) => `${j.on.map((k) => k.main).join(', ')} = ${j.on.map((k) => k.joined).join(', ')}`;
const cols = async (engine: Engine, table: string) =>
  (await engine.query(`SELECT column_name FROM (DESCRIBE ${ident(table)})`)).map((r) => String(r.column_name));
/**
 * A key cell as the join compares it: its trimmed text, a blank matching nothing, and a whole number
 * written with leading zeros or a zero fraction ("01", "1.0", pandas' float columns) as the number
 * ("1"): R and Stata read such keys as numbers and merge them so; "0012A" stays as written. A whole
 * number with an exponent ("2e+05", as R's write.csv writes cluster 200000) is that number too, as the
 * design's ids read it (mapping.ts EXPONENT_ID): a probe's fs.csv with "2e+05" beside hh.dta's 200000
 * left 160 children without their household's area and region, said only as JOIN_UNMATCHED. The
 * exported R script's key_text is the same rule (export/rscriptJoins.ts).
 */
const key = (alias: string, c: string) => {
  const cell = `NULLIF(${alias}.${ident(c)}, '')`;
  const x = `TRY_CAST(${cell} AS DOUBLE)`;
  return `(CASE WHEN contains(${cell}, '+') AND regexp_full_match(${cell}, '${EXPONENT_ID}') AND ${x} < 1e15 AND ${x} = floor(${x}) THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR)
    ELSE regexp_replace(${cell}, '^0*([0-9]+)(\\.0+)?$', '\\1') END)`;
};

/** Joins every file onto `src` (the main file), in order. Throws the first error; returns notes and warnings. */
export async function joinFiles(engine: Engine, mainPath: string, mainLabels: DataLabels, joins: LoadedJoin[]): Promise<{ labels: DataLabels; reports: JoinReport[]; messages: Message[] }> {
  const labels: DataLabels = structuredClone(mainLabels);
  const mainFile = shortName(mainPath);
  const reports: JoinReport[] = [];
  const messages: Message[] = [];
  // The main file's own columns (not those a join brings): a brought column of the same name is compared with them.
  const own = await cols(engine, 'src');
  for (const loaded of joins) {
    const j = { ...loaded, file: shortName(loaded.file) };
    const report = await joinOne(engine, mainFile, j, labels, own);
    reports.push(report);
    messages.push(message('JOIN_APPLIED', { name: j.spec.name, file: j.file, main: mainFile, keys: report.keys, matched: report.matched, rows: report.rows, columns: report.columns.length }));
    // An empty key (MICS: no mother's line number, she is not in the household) is no mismatch of the files.
    if (report.blank > 0) {
      messages.push(message('JOIN_KEY_BLANK', { file: j.file, main: mainFile, columns: report.blankKeys.join(', '), count: report.blank, rows: report.rows }));
    }
    for (const d of report.differ) {
      messages.push(message('JOIN_SAME_NAME_DIFFERS', { file: j.file, main: mainFile, column: d.column, joined: d.joined, count: d.count, matched: report.matched, row: d.row, mine: d.mine, theirs: d.theirs }));
    }
    if (report.unmatched > report.blank) {
      const first = report.firstUnmatched!;
      messages.push(message('JOIN_UNMATCHED', { file: j.file, main: mainFile, keys: report.keys, count: report.unmatched - report.blank, rows: report.rows, row: first.row, values: first.keys }));
    }
  }
  return { labels, reports, messages };
}

async function joinOne(engine: Engine, mainFile: string, j: LoadedJoin, labels: DataLabels, own: string[]): Promise<JoinReport> {
  const { spec } = j;
  const have = await cols(engine, 'src');
  const theirs = await cols(engine, j.table);
  // A key named in other capitals than the file's ("HH1" for hh1: a MICS analysis file over files
  // saved with lower-case names) is said as such, as a role's column is (MAP_COLUMN_CASE).
  const missing = (file: string, column: string, other: string, names: string[]) => {
    const actual = names.find((n) => n.toLowerCase() === column.toLowerCase());
    return actual
      ? new AnalysisError('JOIN_KEY_CASE', { name: spec.name, file, column, actual })
      : new AnalysisError('JOIN_KEY_MISSING', { name: spec.name, file, column, other });
  };
  for (const k of spec.on) {
    if (!have.includes(k.main)) throw missing(mainFile, k.main, j.file, have);
    if (!theirs.includes(k.joined)) throw missing(j.file, k.joined, mainFile, theirs);
  }
  const keyCols = new Set(spec.on.map((k) => k.joined));
  const wanted = spec.columns ?? theirs.filter((c) => !keyCols.has(c));
  for (const c of wanted) {
    if (!theirs.includes(c)) throw new AnalysisError('MAP_UNKNOWN_COLUMN', { role: `join ${spec.name}`, column: c, file: j.file, available: theirs.slice(0, 12).join(', ') });
  }
  await checkDuplicates(engine, j, mainFile);
  // Names compare without case: DuckDB's are case-insensitive, and "hh7" beside "HH7" would come out
  // as "hh7_1" (a name no mapping, label or R script knows) where the rule below gives "hh_hh7".
  const taken = new Set(have.map((c) => c.toLowerCase()));
  const columns = wanted.map((from) => {
    let to = spec.prefix !== undefined ? spec.prefix + from : from;
    if (taken.has(to.toLowerCase())) to = `${spec.name}_${from}`;
    if (taken.has(to.toLowerCase())) throw new AnalysisError('JOIN_COLUMN_CLASH', { name: spec.name, file: j.file, column: from, taken: to });
    taken.add(to.toLowerCase());
    return { from, to };
  });
  // The join's own columns (matched or not) named apart from every column of both files: a file's
  // column _join_matched or _m of text stopped the join (a probe).
  const free = (name: string, names: string[]) => {
    const used = new Set(names.map((c) => c.toLowerCase()));
    while (used.has(name.toLowerCase())) name = `_${name}`;
    return name;
  };
  const flag = ident(free('_m', theirs));
  const matchedBy = ident(free('_join_matched', [...have, ...columns.map((c) => c.to)]));
  const on = spec.on.map((k) => `${key('m', k.main)} = ${key('j', k.joined)}`).join(' AND ');
  const brought = columns.map((c) => `j.${ident(c.from)} AS ${ident(c.to)}`);
  // LEFT JOIN in the main table's row order: no main row is dropped or moved.
  await engine.run(
    `CREATE OR REPLACE TABLE _joined AS SELECT m.*, ${[...brought, `j.${flag} AS ${matchedBy}`].join(', ')}
     FROM src m LEFT JOIN (SELECT *, TRUE AS ${flag} FROM ${ident(j.table)}) j ON ${on} ORDER BY m.rowid`,
  );
  // No key: an empty cell, or 0 where the joined file has no 0 (MICS codes a mother who is not a
  // member of the household HL12 = 0 in some files, empty in others; a probe: 882 such rows called
  // "the files may come from different versions of the survey").
  const [z] = await engine.query(`SELECT ${spec.on.map((k, i) => `bool_or(${key('j', k.joined)} = '0') AS z${i}`).join(', ')} FROM ${ident(j.table)} j`);
  const blankOf = (k: { main: string }, i: number) => `(${key('x', k.main)} IS NULL${z![`z${i}`] === true ? '' : ` OR ${key('x', k.main)} = '0'`})`;
  // The first row without a match that has a key, with its key cells as the file writes them: the
  // message names a row to look at, not a count alone.
  const unmatched = `${matchedBy} IS NULL AND NOT (${spec.on.map(blankOf).join(' OR ')})`;
  const keyCells = `concat_ws(', ', ${spec.on.map((k) => `${sqlString(`${k.main} = `)} || COALESCE(x.${ident(k.main)}, '')`).join(', ')})`;
  const [r] = await engine.query(
    `SELECT COUNT(*)::BIGINT AS n, COUNT(${matchedBy})::BIGINT AS matched, COUNT(*) FILTER (WHERE ${spec.on.map(blankOf).join(' OR ')})::BIGINT AS blank,
     ${spec.on.map((k, i) => `COUNT(*) FILTER (WHERE ${blankOf(k, i)})::BIGINT AS b${i}`).join(', ')},
     MIN(x.rowid) FILTER (WHERE ${unmatched})::BIGINT AS first, arg_min(${keyCells}, x.rowid) FILTER (WHERE ${unmatched}) AS first_keys FROM _joined x`,
  );
  // A join with a prefix names its columns on purpose (the mother's ED5A as mother_ED5A): another
  // person's answers, not a second copy of the main file's.
  const differ = spec.prefix === undefined ? await sameNamesDiffer(engine, own, columns, matchedBy) : [];
  await engine.run(`CREATE OR REPLACE TABLE src AS SELECT * EXCLUDE (${matchedBy}) FROM _joined ORDER BY rowid`);
  await engine.run('DROP TABLE _joined');
  const rows = Number(r!.n);
  const matched = Number(r!.matched);
  if (matched === 0 && rows > 0) await noMatch(engine, j, mainFile);
  await carryMetadata(engine, j, columns, labels);
  const blankKeys = spec.on.filter((_, i) => Number(r![`b${i}`]) > 0).map((k) => k.main);
  const firstUnmatched = r!.first === null || r!.first === undefined ? undefined : { row: Number(r!.first) + 1, keys: String(r!.first_keys) };
  return { name: spec.name, file: j.file, keys: keyText(spec), rows, matched, unmatched: rows - matched, blank: Number(r!.blank), blankKeys, ...(firstUnmatched ? { firstUnmatched } : {}), columns, differ };
}

/**
 * The brought columns whose name the main file also has (joined under another: "hh_windex5"), where
 * the two disagree on a matched row: the mapping reads the main file's, maybe not the one meant (a
 * probe: fs.sav's windex5 and hh.sav's differed for 150 of 702 children; child labour in the fourth
 * quintile 13.6 % against 24.3 %, no word). Cells compare as numbers when both are ("4" = "4.0"), else
 * as trimmed text; an empty cell on either side is no disagreement. Read from `_joined`.
 */
async function sameNamesDiffer(engine: Engine, own: string[], columns: { from: string; to: string }[], matched: string): Promise<JoinReport['differ']> {
  const pairs = columns.flatMap(({ from, to }) => {
    const mine = own.find((h) => h.toLowerCase() === from.toLowerCase());
    return mine ? [{ mine, to }] : [];
  });
  if (!pairs.length) return [];
  const text = (c: string) => `NULLIF(trim(CAST(${ident(c)} AS VARCHAR)), '')`;
  const differs = ({ mine, to }: { mine: string; to: string }) =>
    `(${text(mine)} IS NOT NULL AND ${text(to)} IS NOT NULL AND NOT COALESCE(TRY_CAST(${text(mine)} AS DOUBLE) = TRY_CAST(${text(to)} AS DOUBLE), ${text(mine)} = ${text(to)}))`;
  const [r] = await engine.query(`SELECT ${pairs.map((p, i) => `COUNT(*) FILTER (WHERE ${differs(p)})::BIGINT AS d${i}, MIN(rowid) FILTER (WHERE ${differs(p)}) AS r${i}`).join(', ')} FROM _joined WHERE ${matched}`);
  const out: JoinReport['differ'] = [];
  for (const [i, p] of pairs.entries()) {
    const count = Number(r![`d${i}`]);
    if (!count) continue;
    const [x] = await engine.query(`SELECT ${text(p.mine)} AS a, ${text(p.to)} AS b FROM _joined WHERE rowid = ${Number(r![`r${i}`])}`);
    out.push({ column: p.mine, joined: p.to, count, row: Number(r![`r${i}`]) + 1, mine: String(x!.a), theirs: String(x!.b) });
  }
  return out;
}

/** How many rows of the joined file a JOIN_KEY_DUPLICATE names per key. */
const DUPLICATE_ROWS = 5;

/** A key value that main rows carry and that two rows of the joined file share: an error naming it and those rows. */
async function checkDuplicates(engine: Engine, j: LoadedJoin, mainFile: string): Promise<void> {
  const keys = j.spec.on;
  const theirs = keys.map((k, i) => `${key('j', k.joined)} AS k${i}`).join(', ');
  const mine = keys.map((k, i) => `${key('m', k.main)} AS k${i}`).join(', ');
  const ks = keys.map((_, i) => `k${i}`).join(', ');
  const same = keys.map((_, i) => `s.k${i} = t.k${i}`).join(' AND ');
  // With the rows of the joined file that share each key (its keys as the join reads them: "001" is 1).
  const dup = await engine.query(
    `SELECT ${ks}, array_to_string(list(r + 1 ORDER BY r)[1:${DUPLICATE_ROWS}], ', ') AS rows, COUNT(*)::BIGINT AS n
     FROM (SELECT ${theirs}, j.rowid AS r FROM ${ident(j.table)} j) t
     WHERE EXISTS (SELECT 1 FROM (SELECT ${mine} FROM src m) s WHERE ${same})
     GROUP BY ${ks} HAVING COUNT(*) > 1 ORDER BY ${ks} LIMIT 3`,
  );
  if (!dup.length) return;
  const values = dup.map((d) => `${keys.map((k, i) => `${k.joined} = ${String(d[`k${i}`])}`).join(', ')} (${String(d.rows)}${Number(d.n) > DUPLICATE_ROWS ? ', ...' : ''})`).join('; ');
  throw new AnalysisError('JOIN_KEY_DUPLICATE', { name: j.spec.name, file: j.file, main: mainFile, keys: keyText(j.spec), values });
}

/**
 * A join that matches no row brings nothing: the keys are not the same identifiers in the two files
 * (another column, another numbering). An error with a few keys of each side, as the join reads them.
 */
async function noMatch(engine: Engine, j: LoadedJoin, mainFile: string): Promise<never> {
  const examples = async (table: string, alias: string, cols: string[]) => {
    const tuple = cols.map((c) => `COALESCE(${key(alias, c)}, '""')`).join(` || ', ' || `);
    const rows = await engine.query(`SELECT DISTINCT ${tuple} AS k FROM ${ident(table)} ${alias} ORDER BY 1 LIMIT 3`);
    return rows.map((x) => `(${String(x.k)})`).join(', ');
  };
  const mine = await examples('src', 'm', j.spec.on.map((k) => k.main));
  const theirs = await examples(j.table, 'j', j.spec.on.map((k) => k.joined));
  throw new AnalysisError('JOIN_NO_MATCH', { name: j.spec.name, file: j.file, main: mainFile, keys: keyText(j.spec), mine, theirs });
}

/** Labels and declared missing codes of the brought columns, under their new names. */
async function carryMetadata(engine: Engine, j: LoadedJoin, columns: { from: string; to: string }[], labels: DataLabels): Promise<void> {
  const theirs = await readDeclaredMissing(engine, j.table);
  const declared: DeclaredMissing = await readDeclaredMissing(engine, 'src');
  for (const { from, to } of columns) {
    if (theirs[from]) declared[to] = theirs[from]!;
    const l = j.labels;
    if (l.variables[from] !== undefined) labels.variables[to] = l.variables[from]!;
    if (l.values[from]) labels.values[to] = { ...l.values[from]! };
    if (l.declaredMissing[from]) labels.declaredMissing[to] = l.declaredMissing[from]!;
    // The counts are those of the joined table (the children), not of the whole joined file: 217
    // "don't know" cells in hl.sav may be 86 among the children's mothers.
    if (l.missing[from]) labels.missing[to] = await countCodes(engine, to, Object.keys(l.missing[from]!));
  }
  await saveDeclaredMissing(engine, 'src', declared);
}

/** How often each code occurs in a column of `src` (codes that do not occur are left out). */
async function countCodes(engine: Engine, column: string, codes: string[]): Promise<Record<string, number>> {
  const list = codes.map(sqlString).join(', ');
  const rows = await engine.query(
    `SELECT ${ident(column)} AS code, COUNT(*)::BIGINT AS n FROM src WHERE ${ident(column)} IN (${list}) GROUP BY 1 ORDER BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.code), Number(r.n)]));
}

/** The raw table name a join's file is loaded into. */
export const joinTable = (i: number) => `_join${i}`;

/** For messages: the keys of a join in words. */
export const joinKeys = keyText;
