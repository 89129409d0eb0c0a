import { useId, useState } from 'react';
import type { Mapping } from '../../../analysis/index.js';
import { useI18n } from '../../components/I18n.js';
import type { ColumnProfile } from '../../engine/protocol.js';
import { defaultKeep, toggleCode, universeCodes } from '../../model/designRoles.js';
import { codeList as list } from './CodesInput.js';
import { Field } from './Field.js';
import { LabelledOptions } from './LabelledOptions.js';

type Universe = NonNullable<Mapping['universe']>;


export interface UniverseFieldProps {
  columns: ColumnProfile[];
  universe: Universe | undefined;
  /** Undefined: no universe (every row in scope); a universe always keeps at least one code. */
  onChange: (u: Universe | undefined) => void;
}

/**
 * Who is in scope (MICS6: FS17 = 1): a column and the codes to keep, ticked among the file's codes
 * with their value labels ("1 Completed"), or typed when the column has too many codes to list. A
 * column chosen with no code ticked yet is held here, not in the mapping, which stays valid.
 */
export function UniverseField({ columns, universe, onChange }: UniverseFieldProps) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const column = universe?.column ?? picked;
  const keep = universe?.keep ?? [];
  const profile = columns.find((c) => c.name === column);
  const selectId = useId();
  const hintId = useId();

  const pick = (col: string | undefined) => {
    setPicked(col);
    const first = defaultKeep(columns.find((c) => c.name === col));
    onChange(col && first.length ? { column: col, keep: first } : undefined);
  };
  const setKeep = (next: string[]) => {
    setPicked(column);
    onChange(column && next.length ? { column, keep: next } : undefined);
  };
  const codes = universeCodes(profile, keep);

  return (
    <div className="role-row">
      <div className="field wide">
        <label htmlFor={selectId}>{t('role.universe')}</label>
        <select id={selectId} aria-describedby={hintId} value={column ?? ''} onChange={(e) => pick(e.target.value || undefined)}>
          <option value="">{t('map.universeAll')}</option>
          <LabelledOptions columns={columns} />
        </select>
        <p className="hint" id={hintId}>
          {t('map.universeHint')}
        </p>
      </div>
      {column && profile?.codes.length ? (
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend className="field-label">{t('role.universeKeep', { column })}</legend>
          {codes.map(({ code, label }) => (
            <label key={code} className="check">
              <input type="checkbox" checked={keep.includes(code)} onChange={(e) => setKeep(toggleCode(keep, code, e.target.checked))} /> {label ? `${code} ${label}` : code}
            </label>
          ))}
        </fieldset>
      ) : column ? (
        <Field label={t('role.universeCodes', { column })}>{(id) => <CodesInput id={id} keep={keep} onChange={setKeep} />}</Field>
      ) : null}
      {column && !keep.length && <p className="hint">{t('map.universePick')}</p>}
    </div>
  );
}

/** Codes typed by hand, kept as typed until they parse (a trailing comma is not lost). */
function CodesInput({ id, keep, onChange }: { id: string; keep: string[]; onChange: (keep: string[]) => void }) {
  const [text, setText] = useState(keep.join(', '));
  const shown = list(text).join(',') === keep.join(',') ? text : keep.join(', ');
  return (
    <input
      id={id}
      size={12}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        onChange(list(e.target.value));
      }}
    />
  );
}
