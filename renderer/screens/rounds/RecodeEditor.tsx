import { useEffect } from 'react';
import type { Mapping } from '../../../analysis/index.js';
import { useI18n } from '../../components/I18n.js';
import type { ColumnProfile } from '../../engine/protocol.js';
import { regionCodes, suggestRecode } from '../../model/rounds.js';

export interface RecodeEditorProps {
  round: string;
  columns: ColumnProfile[];
  mapping: Partial<Mapping>;
  /** The regions every round shares: code -> name (the rounds file's categories.region). */
  categories: Record<string, string>;
  onChange: (mapping: Partial<Mapping>) => void;
}

/**
 * The harmonisation of a round's regions: each code of this round's region column goes to one of the
 * shared regions (region.recode of the round's mapping), suggested from the value labels where the
 * names match; a code left out keeps its own value (the validation report says so).
 */
export function RecodeEditor({ round, columns, mapping, categories, onChange }: RecodeEditorProps) {
  const { t } = useI18n();
  const region = mapping.region;
  const { codes, labels } = regionCodes(columns, mapping);
  const recode = region?.recode;
  // A round without a recode yet gets the suggested one (names that match), once per column.
  useEffect(() => {
    if (!region || recode || !codes.length) return;
    const suggested = suggestRecode(codes, labels, categories);
    if (Object.keys(suggested).length) onChange({ ...mapping, region: { ...region, recode: suggested } });
  }, [region?.column]);
  if (!region || !codes.length) return null;
  const set = (code: string, to: string) => {
    const next = { ...(recode ?? {}) };
    if (to === '') delete next[code];
    else next[code] = to;
    onChange({ ...mapping, region: { ...region, ...(Object.keys(next).length ? { recode: next } : { recode: undefined }) } });
  };
  return (
    <section className="recode-editor card" aria-labelledby="recode-title" data-testid="recode-editor">
      <h3 id="recode-title">{t('rounds.recode.title', { round })}</h3>
      <p className="hint">{t('rounds.recode.intro')}</p>
      <table className="recode">
        <thead>
          <tr>
            <th scope="col">{t('rounds.recode.code')}</th>
            <th scope="col">{t('rounds.recode.target')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => (
            <tr key={code}>
              <th scope="row">
                <label htmlFor={`recode-${code}`}>{labels[code] ? `${code} ${labels[code]}` : code}</label>
              </th>
              <td>
                <select id={`recode-${code}`} data-testid={`recode-${code}`} value={recode?.[code] ?? ''} onChange={(e) => set(code, e.target.value)}>
                  <option value="">{t('rounds.recode.keep')}</option>
                  {Object.entries(categories).map(([c, name]) => (
                    <option key={c} value={c}>
                      {name === c ? c : `${c} ${name}`}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
