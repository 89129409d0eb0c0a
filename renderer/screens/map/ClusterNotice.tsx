import { useI18n } from '../../components/I18n.js';

/**
 * Shown while the design has neither a cluster column nor the explicit "no clusters" choice: the run
 * would stop with an error. Lists the columns that look like clusters, each one click away.
 */
export function ClusterNotice({ id, candidates, onPick }: { id: string; candidates: string[]; onPick: (column: string) => void }) {
  const { t } = useI18n();
  return (
    <div className="notice" id={id} data-testid="cluster-required">
      <p className="hint">{t('map.clusterRequired')}</p>
      {candidates.length ? (
        <div className="role-row" role="group" aria-label={t('map.clusterCandidates')}>
          <span>{t('map.clusterCandidates')}</span>
          {candidates.map((c) => (
            <button key={c} type="button" className="secondary" onClick={() => onPick(c)}>
              {t('map.useCluster', { column: c })}
            </button>
          ))}
        </div>
      ) : (
        <p className="hint">{t('map.clusterNone')}</p>
      )}
    </div>
  );
}
