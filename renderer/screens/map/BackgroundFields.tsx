import { useId } from 'react';
import { BACKGROUND } from '../../../analysis/background.js';
import type { Mapping } from '../../../analysis/index.js';
import { useI18n } from '../../components/I18n.js';
import type { ColumnProfile } from '../../engine/protocol.js';
import { setBackground } from '../../model/backgroundRoles.js';
import { Field } from './Field.js';
import { LabelledOptions } from './LabelledOptions.js';

export interface BackgroundFieldsProps {
  columns: ColumnProfile[];
  mapping: Partial<Mapping>;
  onChange: (m: Partial<Mapping>) => void;
}

/**
 * The MICS background characteristics (school attendance, the child's functional difficulties, the
 * mother's education, wealth index quintile, ethnicity of the household head), in the MICS table
 * order: one column each, or none. Each option shows the column's variable label, as the file has
 * it, since MICS names (CB7, melevel) say little on their own.
 */
export function BackgroundFields({ columns, mapping, onChange }: BackgroundFieldsProps) {
  const { t } = useI18n();
  const hintId = useId();
  return (
    <fieldset className="role-group" aria-describedby={hintId}>
      <legend>{t('map.groupBackground')}</legend>
      <p className="hint" id={hintId}>
        {t('map.backgroundHint')}
      </p>
      <div className="role-row">
        {BACKGROUND.map((b) => (
          <Field key={b} label={t(`bg.${b}`)} wide>
            {(id) => (
              <select id={id} data-background={b} value={mapping.background?.[b] ?? ''} onChange={(e) => onChange(setBackground(mapping, b, e.target.value || undefined))}>
                <option value="">{t('map.backgroundNone')}</option>
                <LabelledOptions columns={columns} />
              </select>
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
