import type { ColumnSource } from '../../../analysis/index.js';
import { useI18n } from '../../components/I18n.js';

export interface BlankSelectProps {
  id: string;
  /** The role's blank rule (ColumnSource.blank). */
  blank: ColumnSource['blank'];
  /** What a question not asked means: 0 hours, or "no" for a yes/no answer. */
  kind: 'zero' | 'no';
  onChange: (blank: ColumnSource['blank']) => void;
  /** Its name for screen readers, when the visible label repeats from role to role. */
  label?: string;
}

/**
 * What an empty cell means, for an hours or yes/no role or the hazard flags together: unknown, or a
 * question not asked (0 hours; "no"), as MICS and most LFS questionnaires skip it. A yes/no role reads
 * blank "zero" as "no" (mapping.ts): shown as such. `onChange` gets undefined for unknown (the default).
 */
export function BlankSelect({ id, blank, kind, onChange, label }: BlankSelectProps) {
  const { t } = useI18n();
  const value = kind === 'no' && blank === 'zero' ? 'no' : blank ?? 'missing';
  return (
    <select id={id} {...(label ? { 'aria-label': label } : {})} value={value} onChange={(e) => onChange(e.target.value === 'missing' ? undefined : (e.target.value as 'zero' | 'no'))}>
      <option value="missing">{t('role.blank.missing')}</option>
      <option value={kind}>{t(`role.blank.${kind}`)}</option>
    </select>
  );
}
