import type { AnalysisResult } from '../run.js';
import { describeRule } from '../smallCell.js';
import type {
  AgeGroup, CiMethod, Comparison, DeffKind, Dimension, Framework, Indicator, LonelyPsuPolicy, Mapping, MissingHoursPolicy, SmallCellRule,
} from '../types.js';
import { t, type Lang } from './i18n.js';
import { designNotes, fwName, fwOrigin, fwSource } from './statements.js';

export { fwName, fwSource };

/**
 * The metadata block: how every exported number was made. The same block goes into every export:
 * the workbook's metadata sheet, the report's metadata section, the JSON export (`metadata.export`)
 * and the sidecar `<file>.metadata.json` written beside a CSV file (a CSV data file stays plain
 * CSV, with no comment lines, so every CSV reader opens it).
 *
 * The date is injected (`createdAt`), so exports made from the same data and analysis are
 * byte-for-byte reproducible when the caller fixes it (the command line's --date or
 * SOURCE_DATE_EPOCH).
 */
export interface ExportContext {
  /** Name of the data file as the export shows it (no folders: exports travel). */
  sourceName: string;
  /** SHA-256 of the data file's bytes, lower-case hex (`sha256Hex`); null if it could not be read. */
  sourceSha256: string | null;
  /** Name of the analysis file, if the run came from one. */
  analysisFile?: string | null;
  /** The files joined onto the data file (a survey file set), by name, with their SHA-256. */
  joinedFiles?: { file: string; sha256: string | null }[];
  appName?: string;
  appVersion: string;
  /** When the export was made: a Date or an ISO 8601 text. */
  createdAt: Date | string;
  /** Value labels of the data file by column (DataLabels.values), where it has them: they name the universe's codes. */
  labels?: { values: Record<string, Record<string, string>> };
}

export interface ExportMetadata {
  title: string;
  app: { name: string; version: string };
  createdAt: string;
  source: {
    file: string;
    sha256: string | null;
    analysisFile: string | null;
    rowsRead: number;
    rowsUsed: number;
    /** The files joined onto it, each once (present only for a file set, so single-file metadata is unchanged). */
    joined?: { file: string; sha256: string | null }[];
  };
  design: {
    weight: string;
    /** What every weight was divided by (mapping.weightDivisor), when not 1. */
    weightDivisor?: number;
    stratum: string | null;
    psu: string | null;
    psuNestedInStrata: boolean;
    fpc: string | null;
    /** The user chose a design without clusters (every child its own sampling unit). */
    noClusters: boolean;
    /** Who is in scope (mapping.universe), with the value labels of the kept codes where the file has them. */
    universe: { column: string; keep: string[]; labels: Record<string, string> } | null;
    strata: number;
    psus: number;
    df: number;
    lonelyStrata: string[];
  };
  /** Which columns of the data file play which role, with their codes (the analysis file's mapping). */
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
    smallCellRule: string;
  };
  /** The run's messages: English text, and code and parameters to write them in any language. */
  messages: { code: string; severity: string; text: string; params: Record<string, string | number> }[];
  /**
   * The design choices and definitions in words (English), for readers of the JSON and the CSV
   * sidecar: universe, clusters, missing hours, and what each edited preset is based on.
   */
  notes: string[];
}

export const APP_NAME = 'Child Labour Survey Statistics';

/**
 * The app's name as a reader of `lang` sees it on the screen (app.title: "Statistiques du travail des
 * enfants"); another name given to the export stays as given. A walk found the English name in the
 * French workbook's first line and report. The metadata's JSON keeps APP_NAME, an identifier.
 */
export const appNameIn = (lang: Lang, meta: Pick<ExportMetadata, 'app'>): string => (meta.app.name === APP_NAME ? t(lang, 'app.title') : meta.app.name);

export function buildMetadata(result: AnalysisResult, ctx: ExportContext): ExportMetadata {
  const a = result.analysis;
  const m = a.mapping;
  const created = typeof ctx.createdAt === 'string' ? new Date(ctx.createdAt) : ctx.createdAt;
  if (Number.isNaN(created.getTime())) throw new Error(`createdAt is not a date: ${String(ctx.createdAt)}`);
  const u = m.universe;
  const own = u ? ctx.labels?.values[u.column] ?? {} : {};
  const universe = u ? { column: u.column, keep: u.keep, labels: Object.fromEntries(u.keep.filter((c) => own[c] !== undefined).map((c) => [c, own[c]!])) } : null;
  return {
    title: a.title,
    app: { name: ctx.appName ?? APP_NAME, version: ctx.appVersion },
    createdAt: created.toISOString(),
    source: {
      file: ctx.sourceName,
      sha256: ctx.sourceSha256,
      analysisFile: ctx.analysisFile ?? null,
      rowsRead: result.design.rows,
      rowsUsed: result.childrenInScope,
      ...(ctx.joinedFiles?.length ? { joined: ctx.joinedFiles } : {}),
    },
    design: {
      weight: m.weight,
      ...(m.weightDivisor && m.weightDivisor !== 1 ? { weightDivisor: m.weightDivisor } : {}),
      stratum: m.stratum ?? null,
      psu: m.psu ?? null,
      psuNestedInStrata: m.psuNestedInStrata ?? true,
      fpc: m.fpc ?? null,
      noClusters: m.noClusters === true,
      universe,
      strata: result.design.strata,
      psus: result.design.psus,
      df: result.design.df,
      lonelyStrata: result.design.lonelyStrata,
    },
    mapping: m,
    frameworks: a.frameworks,
    indicators: a.indicators,
    breakdowns: a.breakdowns,
    ageGroups: a.ageGroups,
    options: { ...a.options, smallCellRule: describeRule(a.options.smallCell) },
    messages: result.messages.map((x) => ({ code: x.code, severity: x.severity, text: x.text, params: x.params })),
    notes: [
      ...designNotes('en', m, a.options.missingHours, universe?.labels),
      ...a.frameworks.flatMap((fw) => {
        const o = fwOrigin('en', fw);
        return o ? [`${fw.id} (${fw.name}): ${o.sentence}`] : [];
      }),
    ],
  };
}

/** SHA-256 of bytes as lower-case hex, with Web Crypto (in Node 20 and in browsers alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const op = (lang: Lang, o: Comparison) => t(lang, o === '>' ? 'rule.op.>' : 'rule.op.>=');

/** One line per age band, in words, from the framework's data. */
export function bandRules(lang: Lang, fw: Framework): { label: string; rule: string }[] {
  return fw.bands.map((b) => {
    const parts: string[] = [];
    if (b.econ.rule === 'employed') parts.push(t(lang, 'rule.employed'));
    else if (b.econ.rule === 'hours') parts.push(t(lang, 'rule.hours', { op: op(lang, b.econ.op ?? fw.comparison), min: b.econ.min }));
    else parts.push(t(lang, 'rule.none'));
    parts.push(b.chores ? t(lang, 'rule.chores', { op: op(lang, b.chores.op ?? fw.comparison), min: b.chores.min }) : t(lang, 'rule.noChores'));
    return { label: t(lang, 'meta.fw.band', { from: b.from, to: b.to }), rule: parts.join(t(lang, 'punct.semicolon')) };
  });
}

/** The framework's rules as one sentence (tables' footnotes). The block in words is present/metadataWords.ts. */
export function frameworkRules(lang: Lang, fw: Framework): string {
  // The colon and semicolon as the language writes them (French: a space before).
  const colon = t(lang, 'punct.colon');
  const bands = bandRules(lang, fw).map((b) => `${b.label}${colon}${b.rule}`);
  return `${bands.join('. ')}. ${t(lang, 'meta.fw.hazardsInCl')}${colon}${t(lang, `meta.fw.hazardsInCl.${fw.hazardsInChildLabour}`)}.`;
}
