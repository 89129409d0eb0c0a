import { hazardName } from '../../../analysis/export/i18n.js';
import type { Mapping } from '../../../analysis/index.js';
import { STANDARD_HAZARDS, standardHazard } from '../../../analysis/import/suggestRoles.js';
import { AddColumn } from '../../components/AddColumn.js';
import { ChipRemove } from '../../components/ChipRemove.js';
import { useI18n } from '../../components/I18n.js';
import type { ColumnProfile } from '../../engine/protocol.js';
import { BlankSelect } from './BlankSelect.js';
import { CodesInput } from './CodesInput.js';
import { Field } from './Field.js';

export interface HazardFieldsProps {
  columns: ColumnProfile[];
  mapping: Partial<Mapping>;
  /** Columns already in a role (offered no more as a flag). */
  used: Set<string>;
  onChange: (m: Partial<Mapping>) => void;
}

/**
 * The hazardous-condition flags of the Map step: each flag with the standard condition it asks (a
 * list in words, to change it: rounds compare hazards by these names), its yes, missing and not-asked
 * codes (shared by the questionnaire's hazard questions), and a list to add one, named after the condition
 * its name or label says (suggestRoles.ts standardHazard).
 */
export function HazardFields({ columns, mapping: m, used, onChange }: HazardFieldsProps) {
  const { t, lang } = useI18n();
  const hazards = Object.entries(m.hazards ?? {});
  const set = (patch: Partial<Mapping>) => onChange({ ...m, ...patch });
  const unset = () => {
    const { hazards: _drop, ...rest } = m;
    onChange(rest);
  };
  /** A list of codes every hazard column shares (missing codes, codes for a question not asked): set on each, left out when empty. */
  const sharedCodes = (label: 'role.hazardMissing' | 'role.hazardNotAsked', key: 'missingCodes' | 'notAsked') => (
    <Field label={t(label)}>
      {(id) => (
        <CodesInput
          id={id}
          codes={hazards[0]![1][key] ?? []}
          onChange={(codes) => set({ hazards: Object.fromEntries(hazards.map(([k, { [key]: _drop, ...h }]) => [k, codes.length ? { ...h, [key]: codes } : h])) })}
        />
      )}
    </Field>
  );
  return (
    <>
    <p className="field-label">{t('role.hazards')}</p>
    <ul className="chips">
      {hazards.map(([name, src]) => (
        <li key={name}>
          {/* Which condition the flag asks about: rounds compare hazards by these names. */}
          <select
            aria-label={t('map.hazardCondition', { column: src.columns.join(' + ') })}
            value={name}
            onChange={(e) => set({ hazards: Object.fromEntries(hazards.map(([k, h]) => [k === name ? e.target.value : k, h])) })}
          >
            {[...(STANDARD_HAZARDS.includes(name) ? [] : [name]), ...STANDARD_HAZARDS].map((h) => (
              <option key={h} value={h} disabled={h !== name && hazards.some(([k]) => k === h)}>
                {hazardName(lang, h)}
              </option>
            ))}
          </select>
          {/* The columns' own labels on hover (the question asked), not the condition's id (heavy_loads). */}
          <span title={src.columns.map((c) => columns.find((x) => x.name === c)?.label ?? c).join(' + ')}> = {src.columns.join(' + ')}</span>
          <ChipRemove
            name={hazardName(lang, name)}
            onRemove={() => {
              const next = Object.fromEntries(hazards.filter(([k]) => k !== name));
              if (Object.keys(next).length) set({ hazards: next });
              else unset();
            }}
          />
        </li>
      ))}
    </ul>
    {hazards.length > 0 && (
      // The hazard questions of a questionnaire share their codes (1 yes, 2 no, 8 don't know): one setting for all.
      <div className="role-row">
        <Field label={t('role.hazardYes')}>
          {(id) => <CodesInput id={id} size={6} codes={hazards[0]![1].yes ?? ['1']} onChange={(yes) => set({ hazards: Object.fromEntries(hazards.map(([k, h]) => [k, { ...h, yes }])) })} />}
        </Field>
        {sharedCodes('role.hazardMissing', 'missingCodes')}
        {/* What an empty answer means: unknown, or "no" (a question not asked of a child who does not
            work, as MICS and most LFS questionnaires skip it; both presets' choice). Shown, as a choice
            that moves the estimates must be (a walk: 34 empty answers, child labour 30.89 -> 30.74 %). */}
        <Field label={t('role.hazardBlank')}>
          {(id) => (
            <BlankSelect
              id={id}
              blank={hazards[0]![1].blank}
              kind="no"
              onChange={(blank) => set({ hazards: Object.fromEntries(hazards.map(([k, { blank: _drop, ...h }]) => [k, blank ? { ...h, blank } : h])) })}
            />
          )}
        </Field>
        {sharedCodes('role.hazardNotAsked', 'notAsked')}
      </div>
    )}
    <AddColumn
      label={t('map.addHazard')}
      options={columns.filter((c) => !used.has(c.name)).map((c) => ({ value: c.name, text: c.name }))}
      onAdd={(col) => {
        // Named as the standard condition its name or label says (heavy_loads for "Carried heavy loads"), else after the column.
        const standard = standardHazard(columns.find((c) => c.name === col) ?? { name: col });
        const key = standard && !m.hazards?.[standard] ? standard : col.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z])/, 'h$1');
        set({ hazards: { ...(m.hazards ?? {}), [key]: { columns: [col], yes: ['1'], blank: 'no' } } });
      }}
    />
    </>
  );
}
