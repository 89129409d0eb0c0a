import { Fragment, type ReactNode } from 'react';
import type { AnalysisResult, DataLabels, ResultRow } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import { MessageList } from '../components/MessageList.js';
import type { MessageKey } from '../i18n/en.js';
import { frameworkTitle, indicatorTitle, resultNotes } from '../model/definitionNotes.js';
import { categoryName } from '../model/labels.js';
import { formatCi, formatCount, formatEstimate, formatGap, formatP, formatSe } from '../model/formatStat.js';
import { resultsLayout, type LayoutRow, type LayoutSection } from '../model/resultsLayout.js';
import { Selection, type Selected } from './Selection.js';

const SERIES = ['boys', 'girls', 'total'] as const;

/** Step 5: the report table (rows: background characteristics; columns: boys, girls, total, gap). */
export function ResultsScreen({ result, labels, selected, onSelect, children }: { result: AnalysisResult; labels: DataLabels | null; selected: Selected; onSelect: (s: Selected) => void; children?: ReactNode }) {
  const { t, locale, lang } = useI18n();
  const a = result.analysis;
  const fw = a.frameworks.find((f) => f.id === selected.framework) ?? a.frameworks[0]!;
  const sections = resultsLayout(result, fw.id, selected.indicator);
  const level = Math.round(a.options.level * 1000) / 10;
  const alpha = Math.round((1 - a.options.level) * 1000) / 1000;
  const sc = a.options.smallCell;
  const lo = Math.min(...fw.bands.map((b) => b.from));
  const hi = Math.max(...fw.bands.map((b) => b.to));

  const rowLabel = (s: LayoutSection, r: LayoutRow) => {
    if (s.dimension === 'total') return t('dim.total');
    if (s.dimension === 'age_group') return t('age.years', { label: r.code });
    if (s.dimension === 'area') return r.code === a.mapping.area?.urban ? t('area.urban') : t('area.rural');
    return categoryName(result, labels, s.dimension, r.code);
  };
  const sectionLabel = (d: string) => (['age_group', 'region', 'area'].includes(d) ? t(`dim.${d}` as MessageKey) : d);
  const cells = (row: ResultRow | null, id: string) => {
    if (!row) return [0, 1, 2, 3].map((i) => <td key={`${id}-${i}`} className="num empty">–</td>);
    return [
      <td key={`${id}-e`} className={`num est flag-${row.flag}`} data-testid={`estimate-${id}`}>{formatEstimate(row.estimate, row.flag, locale)}</td>,
      <td key={`${id}-c`} className="num ci">{formatCi(row.ci_low, row.ci_high, row.flag, locale)}</td>,
      <td key={`${id}-s`} className="num">{formatSe(row.se, row.flag, locale)}</td>,
      <td key={`${id}-n`} className="num n">{formatCount(row.n_unweighted, locale)}</td>,
    ];
  };

  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('results.title')}</h2>
      <Selection result={result} selected={selected} onSelect={onSelect} />
      {children}
      <p className="hint">
        {t('results.design', {
          rows: formatCount(result.design.rows, locale),
          children: formatCount(result.childrenInScope, locale),
          strata: result.design.strata,
          psus: result.design.psus,
          df: result.design.df,
        })}
      </p>
      <div className="table-scroll results-scroll" tabIndex={0} role="region" aria-labelledby="results-caption">
        <table className="report">
          {/* The exports' names: an edited preset is "… - modified", hazardous work under SDG 8.7.1 says it is outside the definition. */}
          <caption id="results-caption">{t('results.caption', { indicator: indicatorTitle(lang, fw, selected.indicator), from: lo, to: hi, framework: frameworkTitle(lang, fw) })}</caption>
          <thead>
            <tr>
              <th rowSpan={2} scope="col" className="rowhead">{t('results.characteristic')}</th>
              {SERIES.map((s) => (
                <th key={s} colSpan={4} scope="colgroup" className={`group group-${s}`}>{t(`results.${s}`)}</th>
              ))}
              <th colSpan={2} scope="colgroup" className="group group-gap">{t('results.gap')}</th>
            </tr>
            <tr>
              {SERIES.map((s) => (
                <Fragment key={s}>
                  <th scope="col">{t('results.pct')}</th>
                  <th scope="col">{t('results.ci', { level })}</th>
                  <th scope="col">{t('results.se')}</th>
                  <th scope="col">{t('results.n')}</th>
                </Fragment>
              ))}
              <th scope="col">{t('results.points')}</th>
              <th scope="col">{t('results.p')}</th>
            </tr>
          </thead>
          {sections.map((s) => (
            <tbody key={s.dimension}>
              {s.dimension !== 'total' && (
                <tr className="section">
                  <th colSpan={15} scope="rowgroup">{sectionLabel(s.dimension)}</th>
                </tr>
              )}
              {s.rows.map((r) => {
                const id = `${s.dimension}-${r.code || 'all'}`;
                const significant = r.gap?.p_value !== null && r.gap?.p_value !== undefined && r.gap.p_value < 1 - a.options.level;
                return (
                  <tr key={id} className={s.dimension === 'total' ? 'total-row' : undefined}>
                    <th scope="row" className="rowhead">{rowLabel(s, r)}</th>
                    {cells(r.boys, `${id}-boys`)}
                    {cells(r.girls, `${id}-girls`)}
                    {cells(r.total, `${id}-total`)}
                    <td className={significant ? 'num gap significant' : 'num gap'}>{r.gap ? formatGap(r.gap.gap, locale) : '–'}</td>
                    <td className="num">{r.gap ? formatP(r.gap.p_value, locale) : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
      <div className="footnotes">
        <p>
          {sc.rule === 'mics-dhs'
            ? t('results.footnote.mics-dhs', { from: sc.suppressBelow ?? 25, to: (sc.parenthesesBelow ?? 50) - 1, suppress: sc.suppressBelow ?? 25 })
            : t('results.footnote.cv', { flag: Math.round((sc.flagAt ?? 0.2) * 100), suppress: Math.round((sc.suppressAt ?? 0.3) * 100) })}
        </p>
        <p>{t('results.footnote.ci', { method: t(`opt.ci.${a.options.ci}`), level })}</p>
        <p>{t('results.footnote.gap', { alpha: alpha.toLocaleString(locale) })}</p>
        {/* Based on (edited presets), universe, clusters and missing hours: the same sentences as every export. */}
        {resultNotes(lang, result, fw, labels).map((note) => (
          <p key={note} className="design-note">{note}</p>
        ))}
      </div>
      {result.messages.length > 0 && (
        <>
          <h3>{t('results.notes')}</h3>
          <MessageList messages={result.messages} />
        </>
      )}
    </section>
  );
}
