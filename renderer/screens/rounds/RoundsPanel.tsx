import { useId, useState } from 'react';
import type { RoundsAnalysisFile } from '../../../analysis/rounds/types.js';
import { useI18n } from '../../components/I18n.js';
import { TextLine } from '../../components/TextLine.js';

export interface RoundEntry {
  label: string;
  year?: number;
}

export interface RoundsPanelProps {
  /** The rounds analysis, or null while the analysis is a single round. */
  rounds: RoundsAnalysisFile | null;
  /** The title of the analysis (the suggested label of its first round). */
  title: string;
  /** The analysis shown becomes round `now` (when it is not a round yet), and `next` is added from files the user chooses. */
  onAdd: (now: RoundEntry, next: RoundEntry) => void;
  onEdit: (round: number, edit: { label?: string; year?: number | null }) => void;
}

const yearOf = (s: string): number | undefined => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s));

/** A round's label and year, as two fields. */
function RoundFields({ legend, label, year, onLabel, onYear, testId }: { legend: string; label: string; year: string; onLabel: (s: string) => void; onYear: (s: string) => void; testId: string }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="round-fields" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('rounds.label')}</label>
        <TextLine id={`${id}-label`} className="round-label" value={label} onText={onLabel} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('rounds.year')}</label>
        <input id={`${id}-year`} inputMode="decimal" value={year} onChange={(e) => onYear(e.target.value)} />
      </div>
    </fieldset>
  );
}

/**
 * The Define step's survey rounds: the rounds of the analysis (label and year of each), and "Add a
 * round": its label and year, then its data files, whose columns the Map step maps. The definitions
 * above are shared by every round.
 */
export function RoundsPanel({ rounds, title, onAdd, onEdit }: RoundsPanelProps) {
  const { t } = useI18n();
  const [now, setNow] = useState({ label: title, year: '' });
  const [next, setNext] = useState({ label: '', year: '' });
  const labels = [...(rounds ? rounds.rounds.map((r) => r.label) : [now.label.trim()]), next.label.trim()];
  const valid = labels.every((l) => l !== '') && new Set(labels).size === labels.length;
  const add = () => {
    const entry = (x: { label: string; year: string }): RoundEntry => ({ label: x.label.trim(), ...(yearOf(x.year) !== undefined ? { year: yearOf(x.year)! } : {}) });
    onAdd(entry(now), entry(next));
    setNext({ label: '', year: '' });
  };
  return (
    <section className="rounds-panel card" aria-labelledby="rounds-title" data-testid="rounds-panel">
      <h3 id="rounds-title">{t('rounds.title')}</h3>
      <p className="hint">{t('rounds.intro')}</p>
      {rounds ? (
        <div className="round-list" role="group" aria-label={t('rounds.list')}>
          {rounds.rounds.map((r, i) => (
            <RoundFields
              key={i}
              testId={`round-${i}`}
              legend={`${i + 1}.`}
              label={r.label}
              year={r.year === undefined ? '' : String(r.year)}
              onLabel={(label) => onEdit(i, { label })}
              onYear={(year) => onEdit(i, { year: yearOf(year) ?? null })}
            />
          ))}
        </div>
      ) : (
        <RoundFields testId="round-this" legend={t('rounds.this')} label={now.label} year={now.year} onLabel={(label) => setNow({ ...now, label })} onYear={(year) => setNow({ ...now, year })} />
      )}
      <RoundFields testId="round-new" legend={t('rounds.new')} label={next.label} year={next.year} onLabel={(label) => setNext({ ...next, label })} onYear={(year) => setNext({ ...next, year })} />
      {!valid && next.label.trim() !== '' && <p className="notice">{t('rounds.needLabel')}</p>}
      <button type="button" className="secondary" data-testid="add-round" disabled={!valid} onClick={add}>
        {t('rounds.add')}
      </button>
    </section>
  );
}
