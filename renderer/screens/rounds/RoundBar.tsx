import { useId } from 'react';
import type { RoundsAnalysisFile } from '../../../analysis/rounds/types.js';
import { useI18n } from '../../components/I18n.js';
import { roundFileNames } from '../../model/rounds.js';

/**
 * Which round of a rounds analysis the Data, Map and Define steps show: each round has its own files
 * and mapping, so choosing another one reads its files and shows its columns.
 */
export function RoundBar({ rounds, round, onShow }: { rounds: RoundsAnalysisFile; round: number; onShow: (round: number) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="round-bar field inline" data-testid="round-bar">
      <label htmlFor={id}>{t('rounds.shown')}</label>
      <select id={id} data-testid="round-shown" value={round} onChange={(e) => onShow(Number(e.target.value))}>
        {rounds.rounds.map((r, i) => (
          <option key={`${i}-${r.label}`} value={i}>
            {r.year !== undefined ? `${r.label} (${r.year})` : r.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The Open step's notice for a rounds analysis file opened without all of its data files. */
export function RoundsPending({ pending }: { pending: { rounds: RoundsAnalysisFile; have: string[] } }) {
  const { t } = useI18n();
  const files = roundFileNames(pending.rounds).flat();
  const missing = files.filter((f) => !pending.have.includes(f));
  return (
    <p className="notice" role="status" data-testid="need-round-files">
      {t('rounds.needFiles', { title: pending.rounds.title ?? '', files: files.join(', '), missing: missing.join(', ') })}
    </p>
  );
}
