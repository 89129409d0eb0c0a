import { useId } from 'react';
import type { Message } from '../../../analysis/index.js';
import type { JoinReport } from '../../../analysis/import/joinFiles.js';
import type { JoinSpec } from '../../../analysis/types.js';
import { useI18n } from '../../components/I18n.js';
import { MessageList } from '../../components/MessageList.js';
import { joinSentences } from '../../model/joins.js';

export interface JoinsPanelProps {
  /** The main file (one row per child) and its rows. */
  main: string;
  rows: number;
  /** The joins as the analysis file writes them, and what each did. */
  specs: JoinSpec[];
  reports: JoinReport[];
  /** The file set's notes: FILESET_NOT_JOINED names the files left out. */
  messages: Message[];
  /** Reads the files again without this join; absent: the joins cannot be changed here. */
  onRemove?: (name: string) => void;
}

/**
 * A survey file set on the Map step: each join in plain words ("Each child gets the household's
 * columns (windex5, HH6, HH7) from hh.sav by HH1, HH2. 2,199 of 2,199 children matched."), with a
 * button to remove it, and the files that were not joined.
 */
export function JoinsPanel({ main, rows, specs, reports, messages, onRemove }: JoinsPanelProps) {
  const { t } = useI18n();
  const id = useId();
  // The files not joined, and what the joins found (children without their household, blank keys, a
  // column the main file has with other values): a walk found these only in the results' notes.
  const notJoined = messages.filter((m) => m.code === 'FILESET_NOT_JOINED' || isJoinWarning(m));
  return (
    <section className="joins-panel" aria-labelledby={id} data-testid="joins">
      <h3 id={id}>{t('joins.title')}</h3>
      <p className="hint">{t('joins.intro', { main, rows })}</p>
      {reports.length === 0 ? (
        <p>{t('joins.none', { main })}</p>
      ) : (
        <ul className="joins">
          {reports.map((r) => {
            const { what, matched } = joinSentences(t, specs.find((s) => s.name === r.name), r);
            return (
              <li key={r.name} data-testid={`join-${r.name}`}>
                <p className="join-what">
                  {what} <span className="join-matched">{matched}</span>
                </p>
                {onRemove && (
                  <button type="button" className="secondary" onClick={() => onRemove(r.name)}>
                    {t('joins.remove', { name: r.name, file: r.file })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {reports.length > 0 && onRemove && <p className="hint">{t('joins.removeNote')}</p>}
      <MessageList messages={notJoined} />
    </section>
  );
}

/** A join's finding worth saying before the run (JOIN_UNMATCHED, JOIN_KEY_BLANK, JOIN_SAME_NAME_DIFFERS); JOIN_APPLIED is the list above. */
export const isJoinWarning = (m: Message) => m.code.startsWith('JOIN_') && m.severity !== 'info';
