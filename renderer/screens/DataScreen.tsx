import type { Message } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import { MessageList } from '../components/MessageList.js';
import type { TableProfile } from '../engine/protocol.js';

/** Step 2: the file as read (types, codes, first rows) and the core's validation of the mapping. */
export function DataScreen({ profile, findings, checking, onNext }: { profile: TableProfile; findings: Message[] | null; checking: boolean; onNext: () => void }) {
  const { t, locale } = useI18n();
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('data.title')}</h2>
      <p className="lead">{t('data.summary', { file: profile.file, rows: n(profile.rows), columns: profile.columns.length })}</p>

      <h3>{t('data.findings')}</h3>
      {checking || findings === null ? <p className="hint">{t('data.checking')}</p> : findings.length ? <MessageList messages={findings} /> : <p className="ok">{t('data.noFindings')}</p>}

      <h3>{t('data.preview', { n: profile.preview.length })}</h3>
      <div className="table-scroll preview" tabIndex={0} role="region" aria-label={t('data.preview', { n: profile.preview.length })}>
        <table className="data-table">
          <thead>
            <tr>
              {profile.columns.map((c) => (
                <th key={c.name} scope="col">
                  {c.name}
                  <span className="coltype">{t(`data.type.${c.type}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {profile.preview.map((row, i) => (
              <tr key={i}>
                {profile.columns.map((c) => (
                  <td key={c.name}>{row[c.name] === null ? '' : String(row[c.name])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('data.columns')}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('data.columns')}>
        <table className="data-table columns-table">
          <thead>
            <tr>
              <th scope="col">{t('data.column')}</th>
              <th scope="col">{t('data.type')}</th>
              <th scope="col">{t('data.values')}</th>
              <th scope="col">{t('data.empty')}</th>
            </tr>
          </thead>
          <tbody>
            {profile.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td>{t(`data.type.${c.type}`)}</td>
                <td>{c.codes.length ? c.codes.join(', ') : t('data.distinct', { n: n(c.distinct) })}</td>
                <td className="num">{n(c.blank)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onNext}>
          {t('action.continue')}
        </button>
      </div>
    </section>
  );
}
