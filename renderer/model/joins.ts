import type { AnalysisFile, Dimension, Mapping } from '../../analysis/index.js';
import type { JoinReport } from '../../analysis/import/joinFiles.js';
import type { JoinSpec } from '../../analysis/types.js';
import type { MessageKey, Params } from '../i18n/translate.js';

/**
 * The joins of a survey file set as the Map step says them, and what removing one does. Pure: no
 * DOM, no React (renderer/screens/map/JoinsPanel.tsx draws it).
 */

/** Columns named in a sentence before "and N more". */
export const COLUMNS_SHOWN = 8;

/** Which sentence says a join: the household's columns, the child's own row, the mother's row, or any file. */
export function joinKind(spec: Pick<JoinSpec, 'name' | 'prefix'>): 'household' | 'member' | 'mother' | 'other' {
  if (/^mother/i.test(spec.name) || /^mother/i.test(spec.prefix ?? '')) return 'mother';
  if (/^(hh|household)(_\d+)?$/i.test(spec.name)) return 'household';
  if (/^(hl|member)(_\d+)?$/i.test(spec.name)) return 'member';
  return 'other';
}

/** The keys in words: "HH1, HH2, FS3 = HL1" (a pair whose columns share a name is named once). */
export function keysInWords(on: JoinSpec['on']): string {
  return on.map((k) => (k.main === k.joined ? k.main : `${k.main} = ${k.joined}`)).join(', ');
}

type T = (key: MessageKey, params?: Params) => string;

/** The columns a join brought, a renamed one with its new name, the list cut after COLUMNS_SHOWN. */
export function columnsInWords(t: T, columns: JoinReport['columns']): string {
  const named = columns.map((c) => (c.from === c.to ? c.from : t('joins.renamed', { from: c.from, to: c.to })));
  if (named.length <= COLUMNS_SHOWN) return named.join(', ');
  return t('joins.more', { list: named.slice(0, COLUMNS_SHOWN).join(', '), n: named.length - COLUMNS_SHOWN });
}

/** The sentence of one join, and the one of its match counts. */
export function joinSentences(t: T, spec: JoinSpec | undefined, report: JoinReport): { what: string; matched: string } {
  const kind = joinKind(spec ?? { name: report.name });
  const what = t(`joins.${kind}`, {
    count: report.columns.length,
    columns: columnsInWords(t, report.columns),
    file: report.file,
    keys: spec ? keysInWords(spec.on) : report.keys,
  });
  const counts = { matched: report.matched, rows: report.rows, unmatched: report.unmatched };
  return { what, matched: t(report.unmatched > 0 ? 'joins.unmatched' : 'joins.matched', counts) };
}

/**
 * The joins without `name`, and without the later joins whose keys use a column it brought (the
 * mother's row needs HL12 from the child's own hl row), in turn.
 */
export function withoutJoin(joins: JoinSpec[], reports: JoinReport[], name: string): JoinSpec[] {
  const gone = new Set([name]);
  const lost = new Set<string>();
  const out: JoinSpec[] = [];
  for (const j of joins) {
    if (gone.has(j.name) || j.on.some((k) => lost.has(k.main))) {
      gone.add(j.name);
      for (const c of reports.find((r) => r.name === j.name)?.columns ?? []) lost.add(c.to);
      continue;
    }
    out.push(j);
  }
  return out;
}

export const STRING_ROLES = ['weight', 'stratum', 'psu', 'fpc', 'age'] as const;
export const COLUMN_ROLES = ['sex', 'region', 'area', 'universe', 'industry', 'occupation'] as const;
export const SOURCE_ROLES = ['econActivity', 'econHours', 'absentFromJob', 'choresHours'] as const;

/** Every column a mapping names, mapped so far or not (a draft may lack roles), each once. */
export function mappedNames(mapping: Partial<Mapping>): string[] {
  const m = mapping as Record<string, unknown>;
  const out: string[] = [];
  for (const r of STRING_ROLES) if (typeof m[r] === 'string') out.push(m[r] as string);
  for (const r of COLUMN_ROLES) if (m[r]) out.push((m[r] as { column: string }).column);
  for (const r of SOURCE_ROLES) out.push(...((m[r] as { columns: string[] } | undefined)?.columns ?? []));
  for (const s of Object.values((m.hazards ?? {}) as Record<string, { columns: string[] }>)) out.push(...s.columns);
  if (Array.isArray(m.extras)) out.push(...(m.extras as string[]));
  if (m.background && typeof m.background === 'object') out.push(...Object.values(m.background as Record<string, string>));
  return [...new Set(out)];
}

/**
 * The mapping and breakdowns without the columns the data no longer has (a join removed): roles
 * whose column went are unmapped (the Map step then asks for them), breakdowns by it are dropped.
 */
export function keepColumns(a: AnalysisFile, columns: string[]): AnalysisFile {
  const has = new Set(columns);
  const m: Record<string, unknown> = { ...a.mapping };
  for (const r of STRING_ROLES) if (typeof m[r] === 'string' && !has.has(m[r] as string)) delete m[r];
  for (const r of COLUMN_ROLES) if (m[r] && !has.has((m[r] as { column: string }).column)) delete m[r];
  for (const r of SOURCE_ROLES) {
    const s = m[r] as { columns: string[] } | undefined;
    if (!s) continue;
    const kept = s.columns.filter((c) => has.has(c));
    if (kept.length) m[r] = { ...s, columns: kept };
    else delete m[r];
  }
  if (m.hazards) {
    const kept = Object.entries(m.hazards as Mapping['hazards'] & object).filter(([, s]) => s.columns.every((c) => has.has(c)));
    if (kept.length) m.hazards = Object.fromEntries(kept);
    else delete m.hazards;
  }
  if (Array.isArray(m.extras)) {
    const kept = (m.extras as string[]).filter((c) => has.has(c));
    if (kept.length) m.extras = kept;
    else delete m.extras;
  }
  // Background characteristics (analysis/background.ts): each names a column.
  if (m.background && typeof m.background === 'object') {
    m.background = Object.fromEntries(Object.entries(m.background as Record<string, string>).filter(([, c]) => has.has(c)));
  }
  const mapping = m as unknown as Mapping;
  const breakdowns = a.breakdowns && breakdownsFor(a.breakdowns, mapping, has);
  return { ...a, mapping, ...(breakdowns ? { breakdowns } : {}) };
}

/** The breakdowns a mapping of a file with these columns can give: sex and age always, region and area when mapped, a column's when the file has it. */
export function breakdownsFor(breakdowns: Dimension[][], mapping: Mapping, has: ReadonlySet<string>): Dimension[][] {
  const kept = (d: Dimension) => (d === 'sex' || d === 'age_group' ? true : d === 'region' ? !!mapping.region : d === 'area' ? !!mapping.area : has.has(d));
  return breakdowns.filter((b) => b.every(kept));
}

/** The analysis with these joins, placed after its data file as the analysis file lists them (none: no `joins`). */
export function withJoins(a: AnalysisFile, joins: JoinSpec[] | undefined): AnalysisFile {
  const { version, title, data, joins: _old, ...rest } = a;
  return { version, ...(title !== undefined ? { title } : {}), data, ...(joins?.length ? { joins } : {}), ...rest };
}

/** The data files an analysis reads: its main file, then each joined file once (names without folders). */
export function filesOf(a: AnalysisFile): string[] {
  const base = (p: string) => p.split(/[\\/]/).pop() ?? p;
  return [...new Set([a.data.path, ...(a.joins ?? []).map((j) => j.data.path)].map(base))];
}
