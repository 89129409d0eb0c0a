import { t, type Lang, type MessageKey } from '../export/i18n.js';
import { frameworkRules, fwName } from '../export/metadata.js';
import { smallCellNotes } from '../export/smallCellNotes.js';
import { designNotes, fwOrigin, withoutClusters } from '../export/statements.js';
import type { AnalysisResult } from '../run.js';
import type { Framework } from '../types.js';
import { formatNumber, levelText, MISSING } from './format.js';
import type { Footnote, Line } from './tableModel.js';

export interface NoteOptions {
  /** The table has the boys-girls gap columns. */
  gap: boolean;
  /** Value labels of the universe's codes, for the universe note. */
  universeLabels?: Record<string, string>;
  /** The data file's name, for the source note (left out without one). */
  sourceName?: string;
  /** Characteristics whose rows leave children of the total out (their label, how many, unweighted). */
  unclassified?: { label: string; count: number }[];
}

/**
 * The notes under a standard table, the same in every medium: how to read the columns and flags,
 * what "–" means (only when a cell shows it), the design, the definition and what an edited preset
 * is based on, the universe, clusters and missing hours, and the source.
 */
export function tableNotes(result: AnalysisResult, lang: Lang, fw: Framework, lines: Line[], o: NoteOptions): Footnote[] {
  const a = result.analysis;
  const m = a.mapping;
  const level = levelText(lang, a.options.level);
  const alpha = formatNumber(lang, 1 - a.options.level, Math.max(2, String(Math.round((1 - a.options.level) * 1000) / 1000).length - 2));
  const missing = lines.some((l) => l.cells.some((c) => c.text === MISSING));
  const origin = fwOrigin(lang, fw);
  const notes: Footnote[] = [
    { id: 'columns', text: t(lang, 'note.columns') },
    ...(o.gap ? [{ id: 'gap', text: t(lang, 'note.gap', { alpha }) }] : []),
    ...smallCellNotes(lang, a.options.smallCell).map((text) => ({ id: 'flags', text })),
    ...(missing ? [{ id: 'missing', text: t(lang, 'note.missing') }] : []),
    // Ages with no child counted (AGES_ABSENT: a module asked of 12-17): the title's "5-17" and the
    // totals are those of the ages present, which the table says, not only the run's messages (a walk).
    ...agesNote(result, lang),
    ...(o.unclassified?.length
      ? [{ id: 'unclassified', text: t(lang, 'note.unclassified', { list: o.unclassified.map((u) => `${u.label} ${formatNumber(lang, u.count, 0)}`).join(', ') }) }]
      : []),
    {
      id: 'design',
      // "psus" would count children in a design without clusters: that note names no clusters.
      text: t(lang, withoutClusters(m) ? 'note.design.noClusters' : 'note.design', {
        level,
        ci: t(lang, `ci.${a.options.ci}` as MessageKey),
        strata: result.design.strata,
        psus: result.design.psus,
      }),
    },
    { id: 'definition', text: t(lang, 'note.definition', { framework: fwName(lang, fw), rules: frameworkRules(lang, fw) }) },
    ...(origin ? [{ id: 'origin', text: origin.sentence }] : []),
    ...designNotes(lang, m, a.options.missingHours, o.universeLabels).map((text) => ({ id: 'designChoice', text })),
  ];
  if (o.sourceName) notes.push({ id: 'source', text: t(lang, 'note.source', { file: o.sourceName, sheet: t(lang, 'sheet.metadata') }) });
  return notes;
}

/** The note of AGES_ABSENT, in the table itself: the ages with no child counted, and those the rows and totals are of. */
function agesNote(result: AnalysisResult, lang: Lang): Footnote[] {
  const absent = result.messages.find((m) => m.code === 'AGES_ABSENT');
  return absent ? [{ id: 'ages', text: t(lang, 'note.agesAbsent', { ages: String(absent.params.ages), present: String(absent.params.present) }) }] : [];
}
