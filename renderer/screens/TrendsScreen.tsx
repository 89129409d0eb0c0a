import { useMemo, type ReactNode } from 'react';
import { trendTable } from '../../analysis/present/trendTable.js';
import type { RoundsResult } from '../../analysis/rounds/types.js';
import { useI18n } from '../components/I18n.js';
import { MessageList } from '../components/MessageList.js';
import { TableView } from '../components/TableView.js';
import { Selection, type Selected } from './Selection.js';

/** The rounds' messages shown with the trends: what makes changes not comparable or compares other categories. */
const TREND_NOTES = ['ROUNDS_NOT_MEASURED', 'ROUND_AGES_DIFFER', 'ROUND_CODES_SPELLED', 'ROUND_LABELS_DIFFER', 'ROUND_LABELS_DIFFER_FIRST', 'ROUND_CODES_NOT_IN_CATEGORIES'];

/** Results or charts of one round, or the trends between the rounds (a radio group above the Results and Charts steps). */

export function ViewSwitch({ round, trends, onTrends }: { round: string; trends: boolean; onTrends: (on: boolean) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="view-switch" data-testid="view-switch">
      <legend>{t('results.view')}</legend>
      <label>
        <input type="radio" name="results-view" checked={!trends} onChange={() => onTrends(false)} /> {t('results.view.round', { round })}
      </label>
      <label>
        <input type="radio" name="results-view" data-testid="show-trends" checked={trends} onChange={() => onTrends(true)} /> {t('results.view.trends')}
      </label>
    </fieldset>
  );
}

/**
 * Step 5 with survey rounds: the trend table of the chosen framework and indicator (each round's
 * estimate, interval and n; the change between rounds with its interval, p-value and significance;
 * analysis/present/trendTable.ts, the table the rounds' workbook and report show), and each round's
 * warnings and notes on comparing (what a round cannot measure, its ages, its categories).
 */
export function TrendsScreen({ rr, selected, onSelect, children }: { rr: RoundsResult; selected: Selected; onSelect: (s: Selected) => void; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const first = rr.rounds[0]!.result;
  const fw = first.analysis.frameworks.find((f) => f.id === selected.framework) ?? first.analysis.frameworks[0]!;
  const table = useMemo(() => trendTable(rr, lang, fw.id, selected.indicator), [rr, lang, fw.id, selected.indicator]);
  // Said with the trends, not only in each round's own messages (a walk: ROUND_AGES_DIFFER was not
  // shown), with every round's warnings (a walk: 52 "don't know" hours read as 99 hours changed a
  // trend from -2.8 to -3.9 points with no sign on this screen), under each round's label.
  const notes = rr.rounds
    .map((r) => ({ label: r.label, messages: r.result.messages.filter((m) => TREND_NOTES.includes(m.code) || m.severity !== 'info') }))
    .filter((r) => r.messages.length > 0);
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" tabIndex={-1}>{t('results.title')}</h2>
      {children}
      <h3 data-testid="trends-title">{t('trends.title')}</h3>
      <Selection result={first} selected={selected} onSelect={onSelect} />
      <p className="hint">{t('trends.rounds', { rounds: rr.rounds.map((r) => r.label).join(', ') })}</p>
      {table && <TableView table={table} />}
      {notes.length > 0 && (
        <div data-testid="trend-notes">
          <h3>{t('results.notes')}</h3>
          {notes.map((r) => (
            <section key={r.label} aria-label={r.label}>
              <h4>{r.label}</h4>
              <MessageList messages={r.messages} />
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
