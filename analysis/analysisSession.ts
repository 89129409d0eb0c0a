import type { RoleColumn } from './classifyTyped.js';
import type { ValueCount } from './columnCounts.js';
import type { Engine } from './engine/engine.js';
import type { DesignPass } from './designPass.js';
import type { BreakdownMoments, IndicatorMoments } from './breakdownMoments.js';
import type { FoldCache } from './foldCache.js';
import type { Message } from './messages.js';

/**
 * What a run leaves behind for the next run on the same loaded file, so that an interactive change
 * (a threshold, a breakdown, an indicator) recomputes only what it touches:
 *   - the validated, prepared design (tables `survey`, `classified`, the strata) and its findings,
 *     valid while the file and the mapping are the same;
 *   - the design's typed columns (weights, strata, PSUs, cell codes), per set of age groups;
 *   - each classification expression's column of 1/0/unknown, by its SQL text (in the base columns' order),
 *     and its moments in each breakdown (the estimation pass's output).
 * The app keeps one session per loaded file (a new file, a new session); the command line runs once
 * and needs none. A session belongs to one engine: used with another it starts over.
 */
export class AnalysisSession {
  private engine: Engine | null = null;
  private key = '';
  prepared: PreparedDesign | null = null;
  readonly base = new Map<string, BaseColumns>();
  readonly y = new Map<string, Int8Array>();
  readonly inScope = new Map<string, number>();
  /** Per age range, the children in scope with no code of each coded dimension (breakdownMissing.ts). */
  readonly noCode = new Map<string, number[]>();
  /**
   * The design pass whose tables the engine holds (designPass.ts): made by the validation report,
   * used by the run's preparation. Kept across mapping changes: its own key says what it was made for.
   */
  pass: DesignPass | null = null;
  /**
   * The cells of the loaded table's columns with few of them, with their counts, as the app's profile
   * listed them (columnCounts.ts): the validation counts its one-column conditions over them
   * (oneColumnCounts.ts). Set by whoever profiled this very table; null when none did (the command line).
   */
  srcValues: ReadonlyMap<string, readonly ValueCount[]> | null = null;

  /**
   * The engine's design tables were rebuilt (a design pass for another mapping, say by the
   * validation of a mapping that then had errors): nothing prepared from the old ones is kept.
   */
  tablesReplaced(): void {
    this.prepared = null;
    this.base.clear();
    this.y.clear();
    this.inScope.clear();
    this.noCode.clear();
  }

  /** The prepared design for this engine and key, or null (and everything forgotten) if it changed. */
  lookup(engine: Engine, key: string): PreparedDesign | null {
    if (engine !== this.engine || key !== this.key) {
      this.engine = engine;
      this.key = key;
      this.prepared = null;
      this.base.clear();
      this.y.clear();
      this.inScope.clear();
      this.noCode.clear();
    }
    return this.prepared;
  }
}

export interface PreparedDesign {
  /** Findings of validation and of the design check (warnings and notes: errors stop before). */
  messages: Message[];
  fpcKind: 'none' | 'count' | 'fraction';
}

/** The design's rows as typed columns, sorted by PSU: row i is the row of table `classified` whose `_row` (row of the file) is order[i]. */
export interface BaseColumns {
  order: Int32Array;
  w: Float64Array;
  stratum: Int32Array;
  psu: Int32Array;
  /** Codes of sex (0 male, 1 female), age atom, region, area (0 urban, 1 rural), extras; -1 in no cell. */
  codes: Int32Array[];
  cards: number[];
  /** Each breakdown's fold cache (foldCache.ts: its PSU cells, weights and slots), computed on first use, by breakdown and pair. */
  cellCache: Map<string, FoldCache>;
  /** Each breakdown's slots (cells x strata), by breakdown key (run.ts). */
  shapes: Map<string, BreakdownMoments>;
  /** Each breakdown's moments of each indicator, by breakdown key and indicator SQL. */
  moments: Map<string, IndicatorMoments>;
  /** The role columns the framework rules read (classifyTyped.ts), read on first use, in the same order. */
  roles: Map<string, RoleColumn>;
  /** Values of the coded text dimensions: region, then the extras. */
  regions: string[];
  extras: string[][];
}
