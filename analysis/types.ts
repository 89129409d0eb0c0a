import type { Background } from './background.js';

/**
 * The analysis file: everything that defines a run. The command line runs it, the app saves and opens
 * it, and docs/analysis-file.md plus docs/analysis-file.schema.json describe it for people.
 * Version 1. Fields are optional where a sensible default exists; the defaults are applied in
 * `analysisFile.ts` and written into results metadata, so a run always says what it used.
 */

/** A yes/no or numeric role read from one or more columns of the data file. */
export interface ColumnSource {
  /** One column, or several combined with `combine`. */
  columns: string[];
  /**
   * How several columns make one value.
   * - `any` (yes/no roles): yes if any column is yes; no if every column is no; else unknown.
   *   MICS6 economic activity = any of CL1A, CL1B, CL1C, CL1X.
   * - `sum` (hours roles): the sum; unknown if any column is unknown. MICS6 chores = CL8 + CL10 + CL13.
   * With one column the two are the same.
   */
  combine?: 'any' | 'sum';
  /** Codes that mean "yes" for a yes/no role (default ["1"]); every other non-missing code is "no". */
  yes?: string[];
  /** Codes that become missing (don't know, refused), per role, e.g. ["97", "98", "99"]. */
  missingCodes?: string[];
  /** Numeric values at or above this become missing (MICS hours: 97 and above). */
  missingFrom?: number;
  /**
   * What an empty cell means. `missing` (default): unknown. `zero` (hours) or `no` (yes/no): the
   * question was skipped because it did not apply, as in MICS skip patterns (no activity, so no hours).
   */
  blank?: 'missing' | 'zero' | 'no';
  /**
   * Codes that mean the question was not asked (a skip), read as an empty cell under `blank`: Survey
   * Solutions' -999999999 for a question its condition disabled, a labour force survey's -8 "does not
   * apply". They win over missingCodes and over the file's own declaration (a .sav's LO THRU -1),
   * which would read them as unknown: chores asked only for the activities a child does left 99.5 %
   * of the children with unknown chores in a probe, and SDG child labour at 5-11 at 100 %.
   */
  notAsked?: string[];
}

/** The universe of an analysis: the codes of one column that are in scope (see Mapping.universe). */
export interface Universe {
  column: string;
  /** Codes that are in scope, as written in the file ("1"). */
  keep: string[];
}

/** A categorical role with the codes that carry a meaning. */
export interface CodedColumn {
  column: string;
  /**
   * Harmonisation (survey rounds, docs/analysis-file.md "Rounds"): code as written -> shared code
   * ({"11": "1", "12": "2"}), applied when the column is read (mapping.ts), so every estimate is made on
   * the shared codes. A code of the file not listed stays as written (RECODE_CODE_NOT_LISTED), unless it
   * is itself one of the shared codes (RECODE_CODE_CLASH, an error: it would be merged silently).
   */
  recode?: Record<string, string>;
}

export interface Mapping {
  weight: string;
  /**
   * What every weight is divided by before use: 100 for weights stored with two implied decimals
   * (123456 for 1234.56, an LFS habit), 1,000,000 for DHS's hv005 and v005. A prevalence, its SE and
   * its interval do not depend on the scale (a ratio estimator is invariant to it); the estimated
   * numbers of children do. Default 1.
   */
  weightDivisor?: number;
  /** Design strata; omit for an unstratified design. */
  stratum?: string;
  /**
   * Primary sampling unit (cluster). Required unless `noClusters` is true: a design without clusters
   * understates standard errors of a clustered survey (by a third on a typical LFS child file), so it
   * is never assumed.
   */
  psu?: string;
  /**
   * The user's explicit choice of a design without clusters (simple random or stratified sample of
   * children): every row is its own PSU, and every output says so. Not allowed together with `psu`.
   */
  noClusters?: boolean;
  /**
   * Who is in scope: rows whose `column` holds one of the codes in `keep` (MICS6: FS17 = 1, completed
   * interviews). Applied as a domain of the full design (R: subset(design, FS17 == 1)): rows outside
   * stay in the design (their PSUs count in every stratum) but in no estimate, count or df.
   */
  universe?: Universe;
  /**
   * PSU ids are numbered within their stratum (default true, the safe choice): a PSU is the pair
   * (stratum, psu). With false, equal ids in different strata are an error.
   */
  psuNestedInStrata?: boolean;
  /** Finite population correction: number of PSUs in the stratum's population, or a sampling fraction <= 1. */
  fpc?: string;
  age: string;
  sex: { column: string; male: string; female: string };
  region?: CodedColumn;
  area?: { column: string; urban: string; rural: string };
  /** Did economic activity in the reference week (yes/no). When absent: hours >= 1 or temporarily absent. */
  econActivity?: ColumnSource;
  econHours?: ColumnSource;
  absentFromJob?: ColumnSource;
  choresHours?: ColumnSource;
  /** ISIC Rev.4 of the main work: `division` (2 digits) or `class` (4 digits; the division is taken from it). */
  /** missingCodes: codes that mean not stated (9999, 00), as the hours' do: an unknown industry, not one. */
  industry?: { column: string; level?: 'division' | 'class'; missingCodes?: string[] };
  /** ISCO-08 unit group (4 digits) of the main work. */
  occupation?: { column: string; missingCodes?: string[] };
  /** Hazardous-condition flags by name (heavy_loads, night_work, ...). */
  hazards?: Record<string, ColumnSource>;
  /** Extra categorical columns to break down by (a region's district, a survey's own grouping, ...). */
  extras?: string[];
  /** Harmonisation of extra breakdown columns, as `region.recode`: column -> (code as written -> shared code). */
  recode?: Record<string, Record<string, string>>;
  /**
   * The MICS background characteristics (background.ts), each a column: breakdowns like the extras,
   * headed by the language's word ("Wealth index quintile") and listed in the MICS table order.
   * Resolution puts their columns first in `extras`; the analysis file keeps this field as written.
   */
  background?: Partial<Record<Background, string>>;
}

export type Comparison = '>=' | '>';

/** The economic-activity rule within an age band. */
export type EconRule =
  | { rule: 'employed' } // any employment (>= 1 hour, or temporarily absent)
  | { rule: 'hours'; min: number; op?: Comparison } // in employment and hours at or above `min`
  | { rule: 'none' }; // economic activity alone does not make child labour at these ages

export interface AgeBand {
  from: number;
  to: number;
  econ: EconRule;
  /** Weekly hours of household chores that make child labour at these ages; null: chores do not count. */
  chores: { min: number; op?: Comparison } | null;
}

export interface HazardDefinition {
  /** ISIC Rev.4 divisions counted as hazardous industries. */
  industries: number[];
  /** ISCO-08 unit groups counted as hazardous occupations. */
  occupations: number[];
  /** Long hours: econ hours at or above this are hazardous; null: hours are not used. */
  longHours: { min: number; op?: Comparison } | null;
  /** Names of the mapped hazard flags that count; null: every mapped flag. */
  conditions: string[] | null;
}

export interface Framework {
  id: string;
  name: string;
  /** Where the definition comes from (publication, table, metadata sheet). */
  source: string;
  description: string;
  /** Default comparison for thresholds that do not set their own. */
  comparison: Comparison;
  bands: AgeBand[];
  hazardous: HazardDefinition;
  /**
   * How hazards enter child labour, at every age:
   * `hazardous_work`: the child is in hazardous work (Global Estimates);
   * `conditions`: in employment with any counted hazardous condition (MICS6 PR.3.4);
   * `none`: hazards do not make child labour (SDG 8.7.1).
   */
  hazardsInChildLabour: 'hazardous_work' | 'conditions' | 'none';
  /**
   * Set by resolution for a preset that was edited or renamed: the published definition it comes
   * from. An edited preset is a national variant, so every output names it by its own name and shows
   * the published name only as "based on" (frameworkChanges.ts).
   */
  basedOn?: { id: string; name: string };
  /** The rules that differ from `basedOn`, in words ("ages 5-14, household chores": ">= 21 h" -> ">= 28 h"). */
  changes?: FrameworkChange[];
}

/** One rule of an edited preset that differs from the published definition. */
export interface FrameworkChange {
  field: string;
  from: string;
  to: string;
}

/** A framework in an analysis file: a preset by id, optionally edited, or a full custom definition. */
export type FrameworkRef =
  | { preset: string; id?: string; name?: string; edit?: Partial<Omit<Framework, 'id' | 'name' | 'basedOn' | 'changes'>> }
  | { custom: Framework };

export type LonelyPsuPolicy = 'fail' | 'remove' | 'certainty' | 'adjust' | 'average';
export type CiMethod = 'logit' | 'wald' | 'korn-graubard';
export type MissingHoursPolicy = 'unknown' | 'mics';
export type DeffKind = 'replace' | 'r-default';

export type SmallCellRule =
  | { rule: 'mics-dhs'; suppressBelow?: number; parenthesesBelow?: number }
  | { rule: 'cv'; flagAt?: number; suppressAt?: number };

export type Dimension = 'sex' | 'age_group' | 'region' | 'area' | string;

export interface AgeGroup {
  label: string;
  from: number;
  to: number;
}

/** Formats of data files; `tsv` is CSV with tabs. */
export type DataFileFormat = 'csv' | 'tsv' | 'parquet' | 'sav' | 'zsav' | 'dta' | 'xlsx';

export interface DataSpec {
  /** Path of the data file, relative to the analysis file. */
  path: string;
  /** Default: from the file's signature, then its extension. */
  format?: DataFileFormat;
  /** CSV: one character; default detected among , ; tab |. */
  delimiter?: string;
  /** CSV and Excel: the first row holds the column names (default true). */
  header?: boolean;
  /** CSV: text encoding; default detected (UTF-8 with or without BOM, else windows-1252 or Mac OS Roman: textFile.ts singleByteEncoding). */
  encoding?: 'utf-8' | 'windows-1252' | 'latin-1' | 'macintosh';
  /** CSV: numbers are written with a decimal comma ("12,5"). Default false. */
  decimalComma?: boolean;
  /** CSV: column types overriding the detected ones; "text" keeps a column exactly as written. */
  columnTypes?: Record<string, 'text' | 'number'>;
  /** Excel: sheet name, or 1-based position; default the first sheet. */
  sheet?: string | number;
}

/**
 * A file joined onto the main file, many-to-one: each row of the main file (the child) gets the one
 * row of this file whose keys match (its household, its own member row, its mother's row). MICS6:
 * hl.sav by HH1, HH2, FS3 = HH1, HH2, HL1; hh.sav by HH1, HH2.
 */
export interface JoinSpec {
  /** Short name, in messages and as the default prefix of clashing columns ("hl", "hh", "mother"). */
  name: string;
  /** The file and how to read it, as `data`. Two joins may read the same file (the child's and the mother's row of hl). */
  data: DataSpec;
  /**
   * Key pairs: a column of the main file (or one an earlier join brought) and the column of this file
   * it must equal. Keys compare as written, trimmed ("01" and "1" differ); a blank key matches nothing.
   */
  on: { main: string; joined: string }[];
  /** The columns it brings (default: every column but its keys). */
  columns?: string[];
  /**
   * The brought columns are named `prefix + column`. Without a prefix a column keeps its name unless the
   * table already has one of that name, then it becomes `<name>_<column>`.
   */
  prefix?: string;
}

export interface AnalysisFile {
  version: 1;
  title?: string;
  /** The data file and how to read it (every reading option has a detected default). */
  data: DataSpec;
  /** Files joined onto it, in order (a join may use columns an earlier one brought). */
  joins?: JoinSpec[];
  mapping: Mapping;
  frameworks: FrameworkRef[];
  /** Indicators to report (default: all four). */
  indicators?: Indicator[];
  /** Each breakdown is a list of dimensions; [] is the national total. */
  breakdowns?: Dimension[][];
  ageGroups?: AgeGroup[];
  options?: {
    missingHours?: MissingHoursPolicy;
    lonelyPsu?: LonelyPsuPolicy;
    ci?: CiMethod;
    level?: number;
    deff?: DeffKind;
    smallCell?: SmallCellRule;
  };
}

export const INDICATORS = [
  'children_in_employment',
  'child_labour',
  'hazardous_work',
  'child_labour_other_than_hazardous',
] as const;
export type Indicator = (typeof INDICATORS)[number];
