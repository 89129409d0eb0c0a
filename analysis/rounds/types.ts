import type { AgesKnown } from './ageGap.js';
import type { AnalysisFile, DataSpec, Indicator, JoinSpec, Mapping } from '../types.js';
import type { DataLabels } from '../import/labels.js';
import type { ImportResult } from '../import/load.js';
import type { AnalysisResult } from '../run.js';
import type { Flag } from '../smallCell.js';

/**
 * Survey rounds: a baseline and follow-ups of the same survey, each with its own file(s), mapping,
 * universe and design, measured with ONE set of definitions (frameworks, thresholds, age groups,
 * indicators, breakdowns, options). A rounds analysis is run as one single-round analysis per round
 * (roundAnalyses), and the changes are computed from the rounds' own results (change.ts): rounds are
 * independent samples, so the variance of a change is the sum of the two variances.
 */

/** One round: what differs between rounds. */
export interface RoundSpec {
  /** As shown in tables and charts: "MICS 2017", "NCLS 2023". Unique within the file. */
  label: string;
  /** Reference year (decimals allowed: 2017.5 for mid-2017); needed for the average annual rate of reduction. */
  year?: number;
  data: DataSpec;
  joins?: JoinSpec[];
  /**
   * The round's own columns and codes. Harmonisation lives here: `region.recode` (and `recode` for
   * extra breakdowns) maps the round's codes onto the shared categories (`RoundsAnalysisFile.categories`).
   */
  mapping: Mapping;
}

/** An analysis file with rounds: the definitions of AnalysisFile, and `rounds` instead of data, joins and mapping. */
export type RoundsAnalysisFile = Omit<AnalysisFile, 'data' | 'joins' | 'mapping'> & {
  /** Two or more rounds, oldest first (the first is the baseline of every change). */
  rounds: RoundSpec[];
  /** The shared categories after harmonisation, with their labels: dimension -> code -> label ("region": {"1": "North"}). */
  categories?: Record<string, Record<string, string>>;
  /** Which pairs of rounds to compare: "consecutive" (default: each round with the one before) or "baseline" (each with the first). */
  changes?: 'consecutive' | 'baseline';
};

/** Why a change has no number. */
export type NotComparable =
  /** A round cannot measure the indicator under this framework: a role the definition needs is not mapped in it (e.g. no chores module). */
  | { kind: 'module'; round: string; roles: string[] }
  /** One of the two estimates is missing (no children in the domain in a round, or suppressed as not estimable). */
  | { kind: 'no_estimate'; round: string }
  /**
   * The domain spans whole ages where one round has children in scope with a known indicator and the
   * other none (its child module covers fewer ages): the two estimates are of different children
   * (ageGap.ts). `lacking`: each round that lacks ages, with them ("15-17"); `round` joins their labels.
   */
  | { kind: 'ages'; round: string; lacking: { round: string; ages: string[] }[] };

/**
 * One framework x indicator x domain, compared between two rounds (`from` = earlier, `to` = later).
 * Formulas and sources: docs/methods.md ("Change between rounds"), change.ts.
 */
export interface ChangeRow {
  framework: string;
  indicator: Indicator;
  breakdown: string;
  cell: Record<string, string>;
  from: string;
  to: string;
  estimate_1: number | null;
  se_1: number | null;
  n_1: number | null;
  /** Each round's small-cell flag of its estimate (ok, parentheses, suppressed; null: no estimate): a change of a suppressed figure is not one to publish. */
  flag_1: Flag | null;
  estimate_2: number | null;
  se_2: number | null;
  n_2: number | null;
  flag_2: Flag | null;
  /** estimate_2 - estimate_1, in proportion units (the tables show percentage points). */
  difference: number | null;
  /** sqrt(se_1^2 + se_2^2): independent samples. */
  difference_se: number | null;
  /** Degrees of freedom of the test: df_1 + df_2 (the stacked design's PSUs minus strata). */
  df: number | null;
  ci_low: number | null;
  ci_high: number | null;
  /** Two-sided, Student t with `df`. */
  p_value: number | null;
  /** (estimate_2 - estimate_1) / estimate_1, with its linearised SE. */
  relative_change: number | null;
  relative_change_se: number | null;
  /** Average annual rate of reduction 1 - (p2/p1)^(1/(t2-t1)), when both rounds have a year; linearised SE. */
  aarr: number | null;
  aarr_se: number | null;
  /** Null when comparable. */
  not_comparable: NotComparable | null;
  /** Reference years of the two rounds (null when the round has none): the AARR's t1 and t2. */
  year_1?: number | null;
  year_2?: number | null;
}

/** A framework x indicator a round does not estimate: a role its definition needs is not mapped (modules.ts). */
export interface Unmeasured {
  framework: string;
  indicator: Indicator;
  roles: string[];
}

/** One round as run (runRounds.ts). */
export interface RoundRun {
  label: string;
  year?: number;
  /**
   * The round's own result, as a single-round analysis of it gives it (codes after its recode; sex and
   * area in the round's own codes). `result.analysis` holds the shared definitions; rows of the
   * indicators in `unmeasured` are left out.
   */
  result: AnalysisResult;
  /** The labels that name this round's result cells: the data file's, with the shared `categories` for recoded dimensions (harmonisedLabels.ts). */
  labels?: DataLabels;
  /** What was read (format, rows, encoding): the command line's JSON metadata. */
  imported?: ImportResult;
  /** Indicators of a framework this round cannot measure, and the roles it lacks. */
  unmeasured?: Unmeasured[];
  /** By framework x indicator, the whole ages with a child in scope whose indicator is known (ageGap.ts). */
  ages?: AgesKnown;
}

/** Every round's result and the changes between them. */
export interface RoundsResult {
  rounds: RoundRun[];
  changes: ChangeRow[];
}
