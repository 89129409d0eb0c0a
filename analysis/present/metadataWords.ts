import { hazardName, indicatorName, messageText, t, type Lang, type MessageKey } from '../export/i18n.js';
import { appNameIn, bandRules, fwName, fwSource, type ExportMetadata } from '../export/metadata.js';
import { smallCellNotes } from '../export/smallCellNotes.js';
import { designStatement, fwOrigin, universeText } from '../export/statements.js';
import type { Comparison } from '../types.js';
import { formatNumber } from './format.js';
import { dimensionLabel } from './labels.js';
import { mappingWords } from './mappingWords.js';

/**
 * The metadata block in words, as rows of (section, label, value): what the workbook's Metadata sheet
 * and the report's metadata section show. Every setting is written out for a reader (roles, rules,
 * policies), never as JSON; the JSON export and the CSV sidecar keep the block itself for programs.
 */
export interface MetaRow {
  section: string;
  label: string;
  value: string;
}

const cmp = (lang: Lang, o: Comparison) => t(lang, o === '>' ? 'rule.op.>' : 'rule.op.>=');

export function metadataWords(meta: ExportMetadata, lang: Lang): MetaRow[] {
  const rows: MetaRow[] = [];
  let section = '';
  const add = (label: string, value: string | number) => rows.push({ section, label, value: String(value) });
  const yesNo = (b: boolean) => t(lang, b ? 'meta.yes' : 'meta.no');
  const none = t(lang, 'meta.none');
  const w = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, params);

  section = t(lang, 'meta.section.run');
  add(t(lang, 'meta.title'), meta.title);
  add(t(lang, 'meta.app'), `${appNameIn(lang, meta)} ${meta.app.version}`);
  add(t(lang, 'meta.createdAt'), meta.createdAt);
  if (meta.source.analysisFile) add(t(lang, 'meta.analysisFile'), meta.source.analysisFile);

  section = t(lang, 'meta.section.source');
  add(t(lang, 'meta.file'), meta.source.file);
  add(t(lang, 'meta.sha256'), meta.source.sha256 ?? none);
  for (const j of meta.source.joined ?? []) add(t(lang, 'meta.joinedFile', { file: j.file }), j.sha256 ?? none);
  add(t(lang, 'meta.rowsRead'), meta.source.rowsRead);
  add(t(lang, 'meta.rowsUsed'), meta.source.rowsUsed);

  section = t(lang, 'meta.section.design');
  const d = meta.design;
  const decimals = (x: number) => (Number.isInteger(x) ? 0 : Math.min(9, String(x).split('.')[1]?.length ?? 9));
  add(t(lang, 'meta.weight'), d.weightDivisor ? t(lang, 'meta.weightDivided', { column: d.weight, divisor: formatNumber(lang, d.weightDivisor, decimals(d.weightDivisor)) }) : d.weight);
  add(t(lang, 'meta.stratum'), d.stratum ?? none);
  add(t(lang, 'meta.psu'), d.psu ?? none);
  add(t(lang, 'meta.nested'), yesNo(d.psuNestedInStrata));
  add(t(lang, 'meta.fpc'), d.fpc ?? none);
  add(t(lang, 'meta.designChoice'), designStatement(lang, meta.mapping));
  add(t(lang, 'meta.universe'), universeText(lang, meta.mapping, d.universe?.labels) ?? t(lang, 'universe.all'));
  add(t(lang, 'meta.counts'), `${d.strata}, ${d.psus}, ${d.df}`);
  add(t(lang, 'meta.lonelyStrata'), d.lonelyStrata.length ? d.lonelyStrata.join(', ') : none);

  section = t(lang, 'meta.section.mapping');
  for (const r of mappingWords(lang, meta.mapping)) add(r.label, r.value);

  section = t(lang, 'meta.section.options');
  const o = meta.options;
  add(t(lang, 'meta.missingHours'), t(lang, `meta.missingHours.${o.missingHours}`));
  add(t(lang, 'meta.lonelyPsu'), w(`lonely.${o.lonelyPsu}`));
  add(t(lang, 'meta.ci'), t(lang, 'meta.ciValue', { method: t(lang, `ci.${o.ci}`), level: formatNumber(lang, o.level * 100, o.level * 100 === Math.round(o.level * 100) ? 0 : 1) }));
  add(t(lang, 'meta.deff'), w(o.deff === 'replace' ? 'deff.replace' : 'deff.default'));
  add(t(lang, 'meta.smallCell'), smallCellNotes(lang, o.smallCell).join(' '));
  add(t(lang, 'meta.indicators'), meta.indicators.map((i) => indicatorName(lang, i)).join('; '));
  add(t(lang, 'meta.ageGroups'), meta.ageGroups.map((g) => w('words.ageGroup', { label: g.label, from: g.from, to: g.to })).join('; '));
  add(t(lang, 'meta.breakdowns'), meta.breakdowns.map((b) => (b.length ? b.map((x) => dimensionLabel(lang, x, null, meta.mapping)).join(' \u00d7 ') : t(lang, 'dim.total'))).join('; '));

  for (const fw of meta.frameworks) {
    section = t(lang, 'meta.section.framework', { id: fw.id });
    add(t(lang, 'meta.fw.name'), fwName(lang, fw));
    const origin = fwOrigin(lang, fw);
    if (origin) {
      add(t(lang, 'meta.fw.basedOn'), origin.basedOn);
      add(t(lang, 'meta.fw.changes'), origin.changes || none);
    }
    add(t(lang, 'meta.fw.source'), fwSource(lang, fw));
    add(t(lang, 'meta.fw.comparison'), w('words.comparison', { words: cmp(lang, fw.comparison), op: fw.comparison }));
    for (const b of bandRules(lang, fw)) add(b.label, b.rule);
    const h = fw.hazardous;
    add(t(lang, 'meta.fw.industries'), h.industries.length ? h.industries.join(', ') : none);
    add(t(lang, 'meta.fw.occupations'), h.occupations.length ? h.occupations.join(', ') : none);
    add(t(lang, 'meta.fw.longHours'), h.longHours ? t(lang, 'rule.hoursLong', { op: cmp(lang, h.longHours.op ?? fw.comparison), min: h.longHours.min }) : t(lang, 'rule.notUsed'));
    // Conditions by their words in the language (a walk found the mapping's ids on French pages); a
    // semicolon between them, since a condition's words may hold a comma (dust, fumes or gas).
    const mapped = Object.keys(meta.mapping.hazards ?? {});
    add(
      t(lang, 'meta.fw.conditions'),
      h.conditions === null ? t(lang, 'meta.fw.conditionsAll', { list: mapped.length ? mapped.map((n) => hazardName(lang, n)).join('; ') : none })
        : h.conditions.length ? h.conditions.map((n) => hazardName(lang, n)).join('; ') : none,
    );
    add(t(lang, 'meta.fw.hazardsInCl'), t(lang, `meta.fw.hazardsInCl.${fw.hazardsInChildLabour}`));
  }

  if (meta.messages.length) {
    section = t(lang, 'meta.section.messages');
    for (const x of meta.messages) add(`${w(`severity.${x.severity}` as MessageKey)} (${x.code})`, messageText(lang, x));
  }
  return rows;
}
