import { useId, useRef, type ReactNode } from 'react';
import type { ColumnSource, Mapping, Message } from '../../analysis/index.js';
import { roleMatch } from '../../analysis/import/suggestRoles.js';
import { AddColumn } from '../components/AddColumn.js';
import { ChipRemove } from '../components/ChipRemove.js';
import { useI18n } from '../components/I18n.js';
import { MessageList } from '../components/MessageList.js';
import type { CheckResult, ColumnProfile } from '../engine/protocol.js';
import type { MessageKey } from '../i18n/translate.js';
import { blockingRoles, clusterChoices, clusterRequired, setNoClusters, setPsu, setUniverse } from '../model/designRoles.js';
import { pairForColumn, yesForColumn, type MappingPreset } from '../model/suggestMapping.js';
import { BackgroundFields } from './map/BackgroundFields.js';
import { HazardFields } from './map/HazardFields.js';
import { BlankSelect } from './map/BlankSelect.js';
import { ClusterNotice } from './map/ClusterNotice.js';
import { CodesInput } from './map/CodesInput.js';
import { Field } from './map/Field.js';
import { JoinsPanel, type JoinsPanelProps } from './map/JoinsPanel.js';
import { SharedColumnsNotice } from './map/SharedColumnsNotice.js';
import { UniverseField } from './map/UniverseField.js';
import { WeightDivisorField } from './map/WeightDivisorField.js';

type M = Partial<Mapping>;
type SourceRole = 'econActivity' | 'absentFromJob' | 'econHours' | 'choresHours';

export interface MapScreenProps {
  columns: ColumnProfile[];
  mapping: M;
  preset: MappingPreset;
  check: CheckResult | null;
  checking: boolean;
  onChange: (m: M) => void;
  onPreset: (p: MappingPreset) => void;
  onNext: () => void;
  /** Cluster candidates from the data (analysis/designCandidates.ts); else guessed from the column profiles. */
  psuCandidates?: string[];
  /** Rows of the file, for the profile-based cluster candidates. */
  rows?: number;
  /** A survey file set: its joins in words, each removable (JoinsPanel). */
  joins?: JoinsPanelProps;
  /** The action of a finding the app can follow (a recode's button: model/applyRecode.ts), as on the Data step. */
  onApply?: (m: Message) => (() => void) | null;
}

/** Several columns for one role (any of them, or their sum): chips to remove, a list to add. */
function ColumnsPicker({ id, name, columns, value, onChange }: { id: string; name: string; columns: ColumnProfile[]; value: string[]; onChange: (cols: string[]) => void }) {
  const { t } = useI18n();
  return (
    <div className="picker">
      <ul className="chips">
        {value.map((c) => (
          <li key={c}>
            <span>{c}</span>
            <ChipRemove name={c} onRemove={() => onChange(value.filter((x) => x !== c))} />
          </li>
        ))}
      </ul>
      <AddColumn id={id} label={t('map.addColumn')} name={name} options={columns.filter((c) => !value.includes(c.name)).map((c) => ({ value: c.name, text: c.name }))} onAdd={(col) => onChange([...value, col])} />
    </div>
  );
}

/** Step 3: which column holds each role, with codes, presets and the design summary beside it. */
export function MapScreen({ columns, mapping: m, preset, check, checking, onChange, onPreset, onNext, psuCandidates, rows, joins, onApply }: MapScreenProps) {
  const { t, locale } = useI18n();
  const set = (patch: M) => onChange({ ...m, ...patch });
  const unset = (key: keyof Mapping) => {
    const next = { ...m };
    delete next[key];
    onChange(next);
  };
  const profileOf = (col: string | undefined) => columns.find((c) => c.name === col);
  const codesOf = (col: string | undefined) => profileOf(col)?.codes ?? [];
  const missing = blockingRoles(m);
  const clusterNoteId = useId();
  /** The settings of roles whose last column was removed, for the column added next (source below). */
  const removed = useRef(new Map<SourceRole, ColumnSource>());

  const columnSelect = (id: string, value: string | undefined, onPick: (col: string | undefined) => void, describedBy?: string) => (
    <select id={id} value={value ?? ''} aria-describedby={describedBy} onChange={(e) => onPick(e.target.value || undefined)}>
      <option value="">{t('map.notMapped')}</option>
      {columns.map((c) => (
        <option key={c.name} value={c.name}>
          {c.name}
          {/* The variable label, as the background fields show it: a DHS file's 1,500 names say little alone. */}
          {c.label ? ` — ${c.label}` : ''}
          {c.codes.length && c.codes.length <= 8 ? ` (${c.codes.join(', ')})` : ''}
        </option>
      ))}
    </select>
  );

  const codeInput = (id: string, value: string, col: string | undefined, onSet: (v: string) => void) => (
    <>
      <input id={id} value={value} size={6} list={`${id}-codes`} onChange={(e) => onSet(e.target.value)} />
      {/* Each code with its value label (1 Hombre, 2 Mujer), so the code of boys is seen, not guessed. */}
      <datalist id={`${id}-codes`}>
        {codesOf(col).map((c) => {
          const label = columns.find((x) => x.name === col)?.valueLabels?.[c];
          return <option key={c} value={c} {...(label ? { label } : {})} />;
        })}
      </datalist>
    </>
  );

  const simple = (key: 'weight' | 'stratum' | 'age') => (
    <Field label={t(`role.${key}`)}>{(id) => columnSelect(id, m[key], (col) => (col ? set({ [key]: col }) : unset(key)))}</Field>
  );

  // A setting's name for screen readers with its role's ("missing codes: hours of economic activity"):
  // the visible labels repeat from role to role (a walk: "empty cells mean" three times).
  const ofRole = (what: MessageKey, key: string) => `${t(what)}${t('punct.colon')}${t(`role.${key}` as MessageKey)}`;
  /** A yes/no or hours role: one or more columns, keeping the role's other settings (codes, blanks). */
  // A role's list of codes, left out when empty: its missing codes (don't know, 98, 99, DK, for hours
  // and answers; not stated, 9999, NS, for the industry and the occupation) or its codes for a question
  // not asked (-999999999, -8: read as empty cells); the advice of several messages.
  const codesField = <K extends SourceRole | 'industry' | 'occupation'>(key: K, role: { missingCodes?: string[]; notAsked?: string[] }, size = 6, list: 'missingCodes' | 'notAsked' = 'missingCodes') => (
    <Field label={t(`role.${list}`)}>
      {(id) => (
        <CodesInput
          id={id}
          size={size}
          label={ofRole(`role.${list}`, key)}
          codes={role[list] ?? []}
          onChange={(codes) => {
            const { [list]: _drop, ...rest } = role;
            set({ [key]: codes.length ? { ...rest, [list]: codes } : rest } as M);
          }}
        />
      )}
    </Field>
  );
  const source = (key: SourceRole, multiple: boolean, extra: 'yes' | 'missingFrom') => {
    const src = m[key];
    const update = (cols: string[]) => {
      if (!cols.length) {
        if (src) removed.current.set(key, src);
        return unset(key);
      }
      // A role's settings (empty cells, codes) outlive the removal of its last column: a column renamed in a
      // new round is removed, then its new name added (a walk: "empty cells mean 0 hours" reset in silence,
      // 307 of 432 estimates changed).
      const base: ColumnSource = src ?? removed.current.get(key) ?? (extra === 'yes' ? { columns: [], yes: ['1'] } : { columns: [] });
      const codes = columns.find((c) => c.name === cols[0])?.codes ?? [];
      const yes = extra === 'yes' ? { yes: yesForColumn(base.yes, codes) } : {};
      set({ [key]: { ...base, columns: cols, ...yes, ...(cols.length > 1 ? { combine: key === 'choresHours' || key === 'econHours' ? 'sum' : 'any' } : {}) } });
    };
    return (
      <div className="role-row">
        <Field label={t(`role.${key}`)} wide>
          {(id) =>
            multiple ? (
              <ColumnsPicker id={id} name={`${t('map.addColumn').replace(/…$/, '')}${t('punct.colon')}${t(`role.${key}`)}`} columns={columns} value={src?.columns ?? []} onChange={update} />
            ) : (
              columnSelect(id, src?.columns[0], (col) => update(col ? [col] : []))
            )
          }
        </Field>
        {src && extra === 'yes' && (
          <Field label={t('role.yes')}>{(id) => <CodesInput id={id} size={6} label={ofRole('role.yes', key)} codes={src.yes ?? ['1']} onChange={(yes) => set({ [key]: { ...src, yes } })} />}</Field>
        )}
        {src && extra === 'missingFrom' && (
          <Field label={t('role.missingFrom')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                aria-label={ofRole('role.missingFrom', key)}
                value={src.missingFrom ?? ''}
                onChange={(e) => {
                  const { missingFrom: _drop, ...rest } = src;
                  set({ [key]: e.target.value === '' ? rest : { ...rest, missingFrom: Number(e.target.value) } });
                }}
              />
            )}
          </Field>
        )}
        {/* What an empty cell means: unknown, or a question not asked (0 hours; "no"), as MICS skips
            them; the advice of HOURS_MISSING_SHARE and YESNO_MISSING_SHARE. */}
        {src && (
          <Field label={t('role.blank')}>
            {(id) => (
              <BlankSelect
                id={id}
                label={ofRole('role.blank', key)}
                blank={src.blank}
                kind={extra === 'yes' ? 'no' : 'zero'}
                onChange={(blank) => {
                  const { blank: _drop, ...rest } = src;
                  set({ [key]: blank ? { ...rest, blank } : rest });
                }}
              />
            )}
          </Field>
        )}
        {/* Codes that mean "don't know" or "missing" in this role (98, 99, DK): the advice of several messages. */}
        {src && codesField(key, src, 8)}
        {/* Codes that mean the question was skipped (Survey Solutions' -999999999, an LFS's -8): read as
            empty cells, under the rule above; the advice of HOURS_MISSING_SHARE and YESNO_MISSING_SHARE. */}
        {src && codesField(key, src, 8, 'notAsked')}
      </div>
    );
  };

  const hazards = Object.entries(m.hazards ?? {});
  const extras = m.extras ?? [];
  const used = new Set([...hazards.flatMap(([, s]) => s.columns), ...extras, ...Object.values(m.background ?? {})]);
  const group = (title: MessageKey, body: ReactNode) => (
    <fieldset className="role-group">
      <legend>{t(title)}</legend>
      {body}
    </fieldset>
  );
  const d = check?.design;

  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title" tabIndex={-1}>{t('map.title')}</h2>
      <p className="lead">{t('map.intro')}</p>
      <div className="preset-bar">
        <Field label={t('map.preset')}>
          {(id) => (
            <select id={id} value={preset} onChange={(e) => onPreset(e.target.value as MappingPreset)}>
              <option value="mics6">{t('map.preset.mics6')}</option>
              <option value="lfs">{t('map.preset.lfs')}</option>
            </select>
          )}
        </Field>
      </div>
      {joins && <JoinsPanel {...joins} />}
      <div className="map-layout">
        <div className="map-form">
          <SharedColumnsNotice mapping={m} />
          {group(
            'map.groupDesign',
            <>
              <div className="role-row">
                {simple('weight')}
                {m.weight && <WeightDivisorField divisor={m.weightDivisor} onChange={(d) => (d ? set({ weightDivisor: d }) : unset('weightDivisor'))} />}
                {simple('stratum')}
                <Field label={t('role.psu')}>{(id) => columnSelect(id, m.psu, (col) => onChange(setPsu(m, col)), clusterRequired(m) ? clusterNoteId : undefined)}</Field>
                <label className="check">
                  <input type="checkbox" checked={m.noClusters ?? false} onChange={(e) => onChange(setNoClusters(m, e.target.checked))} /> {t('role.noClusters')}
                </label>
                {!m.noClusters && (
                  <label className="check">
                    <input type="checkbox" checked={m.psuNestedInStrata ?? true} onChange={(e) => set({ psuNestedInStrata: e.target.checked })} /> {t('role.psuNested')}
                  </label>
                )}
              </div>
              {m.noClusters && <p className="hint">{t('map.noClustersNote')}</p>}
              {/* A cluster column no name or label calls one was chosen from the data (withPsuCandidate): said, to be checked (a walk). */}
              {m.psu && !m.noClusters && roleMatch('psu', columns.find((c) => c.name === m.psu) ?? { name: m.psu }) === 0 && (
                <p className="hint" data-testid="psu-guessed">{t('map.psuFromData', { column: m.psu })}</p>
              )}
              {clusterRequired(m) && (
                <ClusterNotice id={clusterNoteId} candidates={clusterChoices(columns, m, { candidates: psuCandidates, rows })} onPick={(col) => onChange(setPsu(m, col))} />
              )}
              <UniverseField columns={columns} universe={m.universe} onChange={(u) => onChange(setUniverse(m, u))} />
            </>,
          )}
          {group(
            'map.groupPerson',
            <>
              <div className="role-row">
                {simple('age')}
                <Field label={t('role.sex')}>
                  {(id) => columnSelect(id, m.sex?.column, (col) => {
                    if (!col) return unset('sex');
                    const [male, female] = pairForColumn(profileOf(col), 'sex', m.sex && { column: m.sex.column, codes: [m.sex.male, m.sex.female] });
                    set({ sex: { column: col, male, female } });
                  })}
                </Field>
                {m.sex && <Field label={t('role.male')}>{(id) => codeInput(id, m.sex!.male, m.sex!.column, (v) => set({ sex: { ...m.sex!, male: v } }))}</Field>}
                {m.sex && <Field label={t('role.female')}>{(id) => codeInput(id, m.sex!.female, m.sex!.column, (v) => set({ sex: { ...m.sex!, female: v } }))}</Field>}
              </div>
              <div className="role-row">
                <Field label={t('role.region')}>{(id) => columnSelect(id, m.region?.column, (col) => (col ? set({ region: { column: col } }) : unset('region')))}</Field>
                <Field label={t('role.area')}>
                  {(id) => columnSelect(id, m.area?.column, (col) => {
                    if (!col) return unset('area');
                    const [urban, rural] = pairForColumn(profileOf(col), 'area', m.area && { column: m.area.column, codes: [m.area.urban, m.area.rural] });
                    set({ area: { column: col, urban, rural } });
                  })}
                </Field>
                {m.area && <Field label={t('role.urban')}>{(id) => codeInput(id, m.area!.urban, m.area!.column, (v) => set({ area: { ...m.area!, urban: v } }))}</Field>}
                {m.area && <Field label={t('role.rural')}>{(id) => codeInput(id, m.area!.rural, m.area!.column, (v) => set({ area: { ...m.area!, rural: v } }))}</Field>}
              </div>
            </>,
          )}
          {group(
            'map.groupWork',
            <>
              {source('econActivity', true, 'yes')}
              {source('absentFromJob', false, 'yes')}
              {source('econHours', true, 'missingFrom')}
              {source('choresHours', true, 'missingFrom')}
            </>,
          )}
          {group(
            'map.groupHazard',
            <>
              <div className="role-row">
                <Field label={t('role.industry')}>
                  {(id) => columnSelect(id, m.industry?.column, (col) => (col ? set({ industry: { column: col, level: m.industry?.level ?? 'division' } }) : unset('industry')))}
                </Field>
                {m.industry && (
                  <Field label={t('role.isicLevel')}>
                    {(id) => (
                      <select id={id} value={m.industry!.level ?? 'division'} onChange={(e) => set({ industry: { ...m.industry!, level: e.target.value as 'division' | 'class' } })}>
                        <option value="division">{t('role.isic.division')}</option>
                        <option value="class">{t('role.isic.class')}</option>
                      </select>
                    )}
                  </Field>
                )}
                {m.industry && codesField('industry', m.industry)}
                <Field label={t('role.occupation')}>{(id) => columnSelect(id, m.occupation?.column, (col) => (col ? set({ occupation: { column: col } }) : unset('occupation')))}</Field>
                {m.occupation && codesField('occupation', m.occupation)}
              </div>
              <HazardFields columns={columns} mapping={m} used={used} onChange={onChange} />
            </>,
          )}
          <BackgroundFields columns={columns} mapping={m} onChange={onChange} />
          {group(
            'map.groupExtra',
            <>
              <ul className="chips">
                {extras.map((x) => (
                  <li key={x}>
                    <span>{x}</span>
                    <ChipRemove
                      name={x}
                      onRemove={() => {
                        const next = extras.filter((e) => e !== x);
                        if (next.length) set({ extras: next });
                        else unset('extras');
                      }}
                    />
                  </li>
                ))}
              </ul>
              <AddColumn
                label={t('map.addExtra')}
                options={columns.filter((c) => !used.has(c.name) && c.codes.length > 0).map((c) => ({ value: c.name, text: `${c.name} (${c.codes.slice(0, 6).join(', ')}${c.codes.length > 6 ? ', …' : ''})` }))}
                onAdd={(col) => set({ extras: [...extras, col] })}
              />
            </>,
          )}
        </div>
        <aside className="design-panel" aria-labelledby="design-title" aria-live="polite">
          <h3 id="design-title">{t('map.design')}</h3>
          {d ? (
            <dl className="design">
              <dt>{t('design.rows')}</dt>
              <dd>{d.rows.toLocaleString(locale)}</dd>
              <dt>{t('design.children')}</dt>
              <dd>{check?.childrenInScope?.toLocaleString(locale)}</dd>
              <dt>{t('design.strata')}</dt>
              <dd>{d.strata.toLocaleString(locale)}</dd>
              <dt>{t('design.psus')}</dt>
              <dd>{d.psus.toLocaleString(locale)}</dd>
              <dt>{t('design.df')}</dt>
              <dd>{d.df.toLocaleString(locale)}</dd>
              <dt>{t('design.lonely')}</dt>
              {/* How many, then which (their codes): "99" alone read as 99 such strata (a walk). */}
              <dd data-testid="design-lonely">
                {d.lonelyStrata.length
                  ? `${d.lonelyStrata.length.toLocaleString(locale)} (${d.lonelyStrata.slice(0, 8).join(', ')}${d.lonelyStrata.length > 8 ? ', …' : ''})`
                  : t('design.none')}
              </dd>
            </dl>
          ) : (
            <p className="hint">{checking ? t('data.checking') : t('design.unavailable')}</p>
          )}
          {check && <MessageList messages={check.messages} onApply={onApply} />}
        </aside>
      </div>
      {/* Kept in view at the bottom of the window (styles.css .actions-sticky): the design panel's messages can run a page long. */}
      <div className="actions actions-sticky">
        {missing.length > 0 && <p className="notice">{t('map.required', { roles: missing.map((r) => t(`role.${r}` as MessageKey)).join(', ') })}</p>}
        <button type="button" className="primary" data-testid="accept-mapping" disabled={missing.length > 0} onClick={onNext}>
          {t('map.accept')}
        </button>
      </div>
    </section>
  );
}
