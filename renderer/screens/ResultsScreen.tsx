import { useMemo, type ReactNode } from 'react';
import type { AnalysisResult, DataLabels, Message } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import { MessageList } from '../components/MessageList.js';
import { TableView } from '../components/TableView.js';
import { samplingErrors, standardTable } from '../core.js';
import { Selection, type Selected } from './Selection.js';

/**
 * Step 5: the standard table of the chosen framework and indicator (rows: background characteristics;
 * columns: boys, girls, total, the gap), then the sampling errors of the headline indicators. Both
 * are the presentation layer's tables (analysis/present), the ones the workbook and the report show.
 */
export function ResultsScreen({ result, labels, selected, onSelect, onApply, round, children }: {
  result: AnalysisResult;
  labels: DataLabels | null;
  selected: Selected;
  onSelect: (s: Selected) => void;
  /** The action of a finding the app can follow (a recode's button), as on the Data step: the result is then stale until run again. */
  onApply?: (m: Message) => (() => void) | null;
  /**
   * The survey round these are the tables of, in a rounds analysis: said in the tables' captions and the
   * design line, so that a copied or printed table of one round is not taken for another's (a walk).
   */
  round?: string;
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const a = result.analysis;
  const fw = a.frameworks.find((f) => f.id === selected.framework) ?? a.frameworks[0]!;
  const u = a.mapping.universe;
  const table = useMemo(
    () => ofRound(standardTable(result, lang, fw.id, selected.indicator, { labels, universeLabels: u ? labels?.values[u.column] : undefined }), round),
    [result, lang, fw.id, selected.indicator, labels, u, round],
  );
  const errors = useMemo(() => ofRound(samplingErrors(result, lang, { framework: fw.id, labels }), round), [result, lang, fw.id, labels, round]);

  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" tabIndex={-1}>{t('results.title')}</h2>
      <Selection result={result} selected={selected} onSelect={onSelect} />
      {children}
      <p className="hint">
        {round ? `${round}: ` : ''}
        {t('results.design', { rows: result.design.rows, children: result.childrenInScope, strata: result.design.strata, psus: result.design.psus, df: result.design.df })}
      </p>
      {table && <TableView table={table} />}
      {errors && (
        <section aria-labelledby="sampling-errors-title" className="sampling-errors">
          <h3 id="sampling-errors-title">{t('report.samplingErrors')}</h3>
          <TableView table={errors} />
        </section>
      )}
      {result.messages.length > 0 && (
        <>
          <h3>{t('results.notes')}</h3>
          <MessageList messages={result.messages} onApply={onApply} />
        </>
      )}
    </section>
  );
}

/** A table's subtitle headed by its round's label ("MICS 2017 — children aged 5-17 ..."), when there is one. */
function ofRound<T extends { subtitle: string }>(table: T | null, round: string | undefined): T | null {
  return table && round ? { ...table, subtitle: `${round} — ${table.subtitle}` } : table;
}
