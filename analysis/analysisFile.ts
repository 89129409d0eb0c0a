import { BACKGROUND, backgroundColumns, breakdownColumns } from './background.js';
import { resolveFramework } from './frameworks.js';
import { AnalysisError } from './messages.js';
import {
  INDICATORS,
  type AgeGroup,
  type AnalysisFile,
  type CiMethod,
  type DataSpec,
  type DeffKind,
  type Dimension,
  type Framework,
  type Indicator,
  type JoinSpec,
  type LonelyPsuPolicy,
  type Mapping,
  type MissingHoursPolicy,
  type SmallCellRule,
} from './types.js';

/** An analysis with every default applied and every framework resolved: what a run really uses. */
export interface ResolvedAnalysis {
  title: string;
  data: DataSpec;
  /** Files joined onto the main file, in order (none: one file). */
  joins: JoinSpec[];
  mapping: Mapping;
  frameworks: Framework[];
  indicators: Indicator[];
  breakdowns: Dimension[][];
  ageGroups: AgeGroup[];
  options: {
    missingHours: MissingHoursPolicy;
    lonelyPsu: LonelyPsuPolicy;
    ci: CiMethod;
    level: number;
    deff: DeffKind;
    smallCell: SmallCellRule;
  };
}

export const STANDARD_AGE_GROUPS: AgeGroup[] = [
  { label: '5-11', from: 5, to: 11 },
  { label: '12-14', from: 12, to: 14 },
  { label: '15-17', from: 15, to: 17 },
  { label: '5-14', from: 5, to: 14 },
  { label: '5-17', from: 5, to: 17 },
];

export const STANDARD_BREAKDOWNS: Dimension[][] = [
  [],
  ['sex'],
  ['age_group'],
  ['sex', 'age_group'],
  ['region'],
  ['area'],
  ['region', 'sex'],
];

type Json = unknown;

/** Walks the JSON with a path, so every error says where it is (mapping.sex.male, frameworks[2].edit...). */
class Checker {
  constructor(private readonly file: string) {}
  fail(path: string, detail: string): never {
    throw new AnalysisError('ANALYSIS_FILE_INVALID', { file: this.file, path: path || '(top level)', detail });
  }
  obj(v: Json, path: string): Record<string, Json> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'expected an object');
    return v as Record<string, Json>;
  }
  str(v: Json, path: string): string {
    if (typeof v !== 'string' || v.trim() === '') this.fail(path, 'expected a non-empty text');
    return v;
  }
  code(v: Json, path: string): string {
    if (typeof v === 'number') return String(v);
    return this.str(v, path);
  }
  num(v: Json, path: string, min = -Infinity, max = Infinity): number {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) this.fail(path, `expected a number from ${min} to ${max}`);
    return v;
  }
  arr(v: Json, path: string): Json[] {
    if (!Array.isArray(v)) this.fail(path, 'expected a list');
    return v;
  }
  oneOf<T extends string>(v: Json, path: string, allowed: readonly T[]): T {
    if (!allowed.includes(v as T)) this.fail(path, `expected one of ${allowed.join(', ')}`);
    return v as T;
  }
  known(o: Record<string, Json>, path: string, keys: readonly string[]): void {
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(path ? `${path}.${k}` : k, `unknown field (allowed: ${keys.join(', ')})`);
  }
}

function checkSource(c: Checker, v: Json, path: string): void {
  const o = c.obj(v, path);
  c.known(o, path, ['columns', 'combine', 'yes', 'missingCodes', 'missingFrom', 'blank', 'notAsked']);
  const cols = c.arr(o.columns, `${path}.columns`);
  if (cols.length === 0) c.fail(`${path}.columns`, 'name at least one column');
  cols.forEach((x, i) => c.str(x, `${path}.columns[${i}]`));
  if (o.combine !== undefined) c.oneOf(o.combine, `${path}.combine`, ['any', 'sum'] as const);
  // Codes written as JSON numbers ("yes": [1], "missingCodes": [98, 99]) are kept as text, as the
  // cells are read: left as numbers they stopped the run (ENGINE_FAILED "s.replace is not a function", a probe).
  // (Written back only when one was a number: the app's drafts are never changed.)
  for (const k of ['yes', 'missingCodes', 'notAsked'] as const) {
    if (o[k] === undefined) continue;
    const given = c.arr(o[k], `${path}.${k}`);
    const codes = given.map((x, i) => c.code(x, `${path}.${k}[${i}]`));
    if (given.some((x) => typeof x === 'number')) o[k] = codes;
  }
  if (o.missingFrom !== undefined) c.num(o.missingFrom, `${path}.missingFrom`);
  if (o.blank !== undefined) c.oneOf(o.blank, `${path}.blank`, ['missing', 'zero', 'no'] as const);
}

function checkMapping(c: Checker, v: Json): Mapping {
  const m = c.obj(v, 'mapping');
  c.known(m, 'mapping', [
    'weight', 'weightDivisor', 'stratum', 'psu', 'noClusters', 'psuNestedInStrata', 'fpc', 'age', 'sex', 'region', 'area', 'econActivity', 'econHours',
    'absentFromJob', 'choresHours', 'industry', 'occupation', 'hazards', 'extras', 'universe', 'background', 'recode',
  ]);
  c.str(m.weight, 'mapping.weight');
  if (m.weightDivisor !== undefined && !(typeof m.weightDivisor === 'number' && Number.isFinite(m.weightDivisor) && m.weightDivisor > 0)) {
    c.fail('mapping.weightDivisor', 'expected a number above 0, written without quotes (100 for weights written with two implied decimals, 1000000 for DHS weights)');
  }
  c.str(m.age, 'mapping.age');
  // Strata given as several columns (region x area, as SPSS CSPLAN crosses them): one column is read,
  // so the advice is to make it (a probe got "expected a non-empty text" and no way forward).
  if (Array.isArray(m.stratum) || Array.isArray(m.psu)) {
    c.fail(Array.isArray(m.stratum) ? 'mapping.stratum' : 'mapping.psu', 'expected one column name, not a list: for strata crossed from several columns (region x area), add to the file one column holding each combination (R: interaction(region, area)) and name that column');
  }
  for (const k of ['stratum', 'psu', 'fpc'] as const) if (m[k] !== undefined) c.str(m[k], `mapping.${k}`);
  if (m.psuNestedInStrata !== undefined && typeof m.psuNestedInStrata !== 'boolean') c.fail('mapping.psuNestedInStrata', 'expected true or false');
  if (m.noClusters !== undefined && typeof m.noClusters !== 'boolean') c.fail('mapping.noClusters', 'expected true or false');
  if (m.noClusters === true && m.psu !== undefined) c.fail('mapping.noClusters', 'a design has a PSU column or no clusters, not both: remove one');
  if (m.universe !== undefined) {
    const u = c.obj(m.universe, 'mapping.universe');
    c.known(u, 'mapping.universe', ['column', 'keep']);
    c.str(u.column, 'mapping.universe.column');
    const keep = c.arr(u.keep, 'mapping.universe.keep');
    if (keep.length === 0) c.fail('mapping.universe.keep', 'name at least one code to keep');
    u.keep = keep.map((x, i) => c.code(x, `mapping.universe.keep[${i}]`));
  }
  const sex = c.obj(m.sex, 'mapping.sex');
  c.known(sex, 'mapping.sex', ['column', 'male', 'female']);
  c.str(sex.column, 'mapping.sex.column');
  sex.male = c.code(sex.male, 'mapping.sex.male');
  sex.female = c.code(sex.female, 'mapping.sex.female');
  if (m.region !== undefined) {
    const r = c.obj(m.region, 'mapping.region');
    c.known(r, 'mapping.region', ['column', 'recode']);
    c.str(r.column, 'mapping.region.column');
    if (r.recode !== undefined) r.recode = checkRecode(c, r.recode, 'mapping.region.recode');
  }
  if (m.area !== undefined) {
    const a = c.obj(m.area, 'mapping.area');
    c.known(a, 'mapping.area', ['column', 'urban', 'rural']);
    c.str(a.column, 'mapping.area.column');
    a.urban = c.code(a.urban, 'mapping.area.urban');
    a.rural = c.code(a.rural, 'mapping.area.rural');
  }
  for (const k of ['econActivity', 'econHours', 'absentFromJob', 'choresHours'] as const) {
    if (m[k] !== undefined) checkSource(c, m[k], `mapping.${k}`);
  }
  if (m.industry !== undefined) {
    const i = c.obj(m.industry, 'mapping.industry');
    c.known(i, 'mapping.industry', ['column', 'level', 'missingCodes']);
    c.str(i.column, 'mapping.industry.column');
    if (i.level !== undefined) c.oneOf(i.level, 'mapping.industry.level', ['division', 'class'] as const);
    if (i.missingCodes !== undefined) i.missingCodes = c.arr(i.missingCodes, 'mapping.industry.missingCodes').map((x, k) => c.code(x, `mapping.industry.missingCodes[${k}]`));
  }
  if (m.occupation !== undefined) {
    const o = c.obj(m.occupation, 'mapping.occupation');
    c.known(o, 'mapping.occupation', ['column', 'missingCodes']);
    c.str(o.column, 'mapping.occupation.column');
    if (o.missingCodes !== undefined) o.missingCodes = c.arr(o.missingCodes, 'mapping.occupation.missingCodes').map((x, k) => c.code(x, `mapping.occupation.missingCodes[${k}]`));
  }
  if (m.hazards !== undefined) {
    const h = c.obj(m.hazards, 'mapping.hazards');
    for (const [name, src] of Object.entries(h)) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) c.fail(`mapping.hazards.${name}`, 'a hazard name is letters, digits and _');
      checkSource(c, src, `mapping.hazards.${name}`);
    }
  }
  if (m.extras !== undefined) c.arr(m.extras, 'mapping.extras').forEach((x, i) => c.str(x, `mapping.extras[${i}]`));
  if (m.background !== undefined) checkBackground(c, m.background);
  const resolved = withBackground(m as unknown as Mapping);
  if (m.recode !== undefined) {
    const r = c.obj(m.recode, 'mapping.recode');
    for (const [col, codes] of Object.entries(r)) {
      if (!(resolved.extras ?? []).includes(col)) c.fail(`mapping.recode.${col}`, `"${col}" is not an extra breakdown column (recode region under mapping.region.recode)`);
      r[col] = checkRecode(c, codes, `mapping.recode.${col}`);
    }
  }
  return resolved;
}

/** A recode (code as written -> shared code): codes as text (a number is written as its text). */
function checkRecode(c: Checker, v: Json, path: string): Record<string, string> {
  const o = c.obj(v, path);
  return Object.fromEntries(Object.entries(o).map(([k, x]) => {
    if (k.trim() === '') c.fail(path, 'a code to recode is not blank');
    return [k, c.code(x, `${path}.${k}`)];
  }));
}

/** `mapping.background`: a column per MICS background characteristic, no column for two of them. */
function checkBackground(c: Checker, v: Json): void {
  const b = c.obj(v, 'mapping.background');
  c.known(b, 'mapping.background', BACKGROUND);
  const seen = new Map<string, string>();
  for (const k of BACKGROUND) {
    if (b[k] === undefined) continue;
    const col = c.str(b[k], `mapping.background.${k}`);
    if (seen.has(col)) c.fail(`mapping.background.${k}`, `column "${col}" is already mapped to ${seen.get(col)}: a column is one characteristic`);
    seen.set(col, k);
  }
}

/**
 * The background columns become breakdown dimensions exactly like the extras: `extras` is resolved to
 * the background columns in MICS table order, then the file's other extras (each once), so the run,
 * the R and Stata scripts and the CSV need nothing more. `background` stays, for the headings.
 */
function withBackground(m: Mapping): Mapping {
  if (!m.background) return m;
  const extras = breakdownColumns(m);
  return extras.length ? { ...m, extras } : m;
}

/** A data file and how to read it (`data`, and each join's `data`). */
function checkDataSpec(c: Checker, v: Json, path: string): DataSpec {
  const data = c.obj(v, path);
  c.known(data, path, ['path', 'format', 'delimiter', 'header', 'encoding', 'decimalComma', 'columnTypes', 'sheet']);
  const spec: DataSpec = { path: c.str(data.path, `${path}.path`) };
  if (data.format !== undefined) spec.format = c.oneOf(data.format, `${path}.format`, ['csv', 'tsv', 'parquet', 'sav', 'zsav', 'dta', 'xlsx'] as const);
  if (data.delimiter !== undefined) {
    const d = data.delimiter;
    if (typeof d === 'string' && d.length === 1 && !/["\r\n]/.test(d)) spec.delimiter = d;
    else c.fail(`${path}.delimiter`, 'expected one character (not a quote or a line break)');
  }
  for (const k of ['header', 'decimalComma'] as const) {
    const v = data[k];
    if (typeof v === 'boolean') spec[k] = v;
    else if (v !== undefined) c.fail(`${path}.${k}`, 'expected true or false');
  }
  if (data.encoding !== undefined) spec.encoding = c.oneOf(data.encoding, `${path}.encoding`, ['utf-8', 'windows-1252', 'latin-1', 'macintosh'] as const);
  if (data.columnTypes !== undefined) {
    const t = c.obj(data.columnTypes, `${path}.columnTypes`);
    spec.columnTypes = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, c.oneOf(v, `${path}.columnTypes.${k}`, ['text', 'number'] as const)]));
  }
  if (data.sheet !== undefined) {
    if (typeof data.sheet === 'number') spec.sheet = c.num(data.sheet, `${path}.sheet`, 1);
    else spec.sheet = c.str(data.sheet, `${path}.sheet`);
    if (typeof spec.sheet === 'number' && !Number.isInteger(spec.sheet)) c.fail(`${path}.sheet`, 'expected a sheet name or a whole number from 1');
  }
  return spec;
}

/** One joined file: a name, its data, key pairs, optional columns and prefix. */
function checkJoin(c: Checker, v: Json, path: string): JoinSpec {
  const o = c.obj(v, path);
  c.known(o, path, ['name', 'data', 'on', 'columns', 'prefix']);
  const name = c.str(o.name, `${path}.name`);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) c.fail(`${path}.name`, 'a join name is letters, digits and _');
  const on = c.arr(o.on, `${path}.on`).map((k, i) => {
    const p = c.obj(k, `${path}.on[${i}]`);
    c.known(p, `${path}.on[${i}]`, ['main', 'joined']);
    return { main: c.str(p.main, `${path}.on[${i}].main`), joined: c.str(p.joined, `${path}.on[${i}].joined`) };
  });
  if (on.length === 0) c.fail(`${path}.on`, 'name at least one key pair');
  const j: JoinSpec = { name, data: checkDataSpec(c, o.data, `${path}.data`), on };
  if (o.columns !== undefined) j.columns = c.arr(o.columns, `${path}.columns`).map((x, i) => c.str(x, `${path}.columns[${i}]`));
  if (o.prefix !== undefined) j.prefix = c.str(o.prefix, `${path}.prefix`);
  return j;
}

/**
 * Checks a parsed analysis file and applies the defaults. `file` names it in messages. Thin public
 * function: validation here, and the run works on the returned ResolvedAnalysis only.
 */
export function resolveAnalysis(json: unknown, file: string): ResolvedAnalysis {
  const c = new Checker(file);
  const a = c.obj(json, '');
  if (a.rounds !== undefined) c.fail('rounds', 'this analysis file has survey rounds: "clstats run" runs it (analysis/rounds/); here a single-round analysis file is expected');
  c.known(a, '', ['version', 'title', 'data', 'joins', 'mapping', 'frameworks', 'indicators', 'breakdowns', 'ageGroups', 'options', '$schema']);
  if (a.version !== 1) c.fail('version', 'expected 1');
  const spec = checkDataSpec(c, a.data, 'data');
  const joins = a.joins === undefined ? [] : c.arr(a.joins, 'joins').map((x, i) => checkJoin(c, x, `joins[${i}]`));
  const mapping = checkMapping(c, a.mapping);

  const refs = c.arr(a.frameworks, 'frameworks');
  if (refs.length === 0) c.fail('frameworks', 'choose at least one framework');
  const frameworks = refs.map((r, i) => {
    const o = c.obj(r, `frameworks[${i}]`);
    if (!('preset' in o) && !('custom' in o)) c.fail(`frameworks[${i}]`, 'expected {"preset": id} or {"custom": {...}}');
    return resolveFramework(o as unknown as AnalysisFile['frameworks'][number]);
  });
  const ids = new Set<string>();
  for (const f of frameworks) {
    if (ids.has(f.id)) throw new AnalysisError('DUPLICATE_FRAMEWORK_ID', { framework: f.id });
    ids.add(f.id);
  }

  const indicators = a.indicators === undefined
    ? [...INDICATORS]
    : c.arr(a.indicators, 'indicators').map((x, i) => c.oneOf(x, `indicators[${i}]`, INDICATORS));

  const ageGroups = a.ageGroups === undefined
    ? STANDARD_AGE_GROUPS
    : c.arr(a.ageGroups, 'ageGroups').map((g, i) => {
      const o = c.obj(g, `ageGroups[${i}]`);
      const from = c.num(o.from, `ageGroups[${i}].from`, 0, 120);
      const to = c.num(o.to, `ageGroups[${i}].to`, from, 120);
      return { label: c.str(o.label, `ageGroups[${i}].label`), from, to };
    });

  const dims = new Set(['sex', 'age_group', 'region', 'area', ...(mapping.extras ?? [])]);
  const breakdowns = a.breakdowns === undefined
    ? [
      ...STANDARD_BREAKDOWNS.filter((b) => b.every((d) => (d === 'region' ? mapping.region : d === 'area' ? mapping.area : true))),
      // Each background characteristic alone and by sex: the total, boys and girls columns of its rows.
      ...backgroundColumns(mapping).flatMap((col) => [[col], ['sex', col]]),
    ]
    : c.arr(a.breakdowns, 'breakdowns').map((b, i) => {
      const list = c.arr(b, `breakdowns[${i}]`).map((d, j) => c.str(d, `breakdowns[${i}][${j}]`));
      for (const [j, d] of list.entries()) {
        if (!dims.has(d)) c.fail(`breakdowns[${i}][${j}]`, `"${d}" is not a dimension (use sex, age_group, region, area or a mapped extra column)`);
        if ((d === 'region' && !mapping.region) || (d === 'area' && !mapping.area)) c.fail(`breakdowns[${i}][${j}]`, `"${d}" is not mapped`);
        if (list.indexOf(d) !== j) c.fail(`breakdowns[${i}][${j}]`, `"${d}" appears twice`);
      }
      return list;
    });

  const o = a.options === undefined ? {} : c.obj(a.options, 'options');
  c.known(o, 'options', ['missingHours', 'lonelyPsu', 'ci', 'level', 'deff', 'smallCell']);
  let smallCell: SmallCellRule = { rule: 'mics-dhs' };
  if (o.smallCell !== undefined) {
    const s = c.obj(o.smallCell, 'options.smallCell');
    const rule = c.oneOf(s.rule, 'options.smallCell.rule', ['mics-dhs', 'cv'] as const);
    for (const k of ['suppressBelow', 'parenthesesBelow', 'flagAt', 'suppressAt']) if (s[k] !== undefined) c.num(s[k], `options.smallCell.${k}`, 0);
    smallCell = { ...(s as object), rule } as SmallCellRule;
  }
  return {
    title: a.title === undefined ? 'Child labour estimates' : c.str(a.title, 'title'),
    data: spec,
    joins,
    mapping,
    frameworks,
    indicators,
    breakdowns,
    ageGroups,
    options: {
      missingHours: o.missingHours === undefined ? 'unknown' : c.oneOf(o.missingHours, 'options.missingHours', ['unknown', 'mics'] as const),
      lonelyPsu: o.lonelyPsu === undefined ? 'adjust' : c.oneOf(o.lonelyPsu, 'options.lonelyPsu', ['fail', 'remove', 'certainty', 'adjust', 'average'] as const),
      ci: o.ci === undefined ? 'logit' : c.oneOf(o.ci, 'options.ci', ['logit', 'wald', 'korn-graubard'] as const),
      level: o.level === undefined ? 0.95 : c.num(o.level, 'options.level', 0.5, 0.999),
      deff: o.deff === undefined ? 'replace' : c.oneOf(o.deff, 'options.deff', ['replace', 'r-default'] as const),
      smallCell,
    },
  };
}

/**
 * The JSON of an analysis file's text. A byte-order mark (Notepad and PowerShell 5 save UTF-8 with
 * one) is no part of it: it was quoted back as an invisible unexpected character (a probe).
 */
export const readAnalysisJson = (text: string): unknown => JSON.parse(text.replace(/^\uFEFF/, ''));

/** Parses analysis-file text (JSON) and resolves it. */
export function parseAnalysis(text: string, file: string): ResolvedAnalysis {
  let json: unknown;
  try {
    json = readAnalysisJson(text);
  } catch (e) {
    throw new AnalysisError('ANALYSIS_FILE_UNREADABLE', { file, detail: (e as Error).message });
  }
  return resolveAnalysis(json, file);
}
