import { useId, useRef, useState, type ReactNode } from 'react';
import type { AgeBand, AnalysisFile, Framework, FrameworkRef, Message, SmallCellRule } from '../../analysis/index.js';
import { AnalysisError, cvPercent, draftFramework, MAX_WEEK_HOURS, presetIds, resolveFramework } from '../core.js';
import { CodeListInput } from '../components/CodeListInput.js';
import { TextLine } from '../components/TextLine.js';
import { NumberInput } from '../components/NumberInput.js';
import { useI18n } from '../components/I18n.js';
import { MessageList } from '../components/MessageList.js';
import { econAfterSwitch, hoursRules } from '../model/bandRules.js';
import { basedOnSentence, frameworkTitle } from '../model/definitionNotes.js';
import type { MessageKey } from '../i18n/translate.js';

type Options = NonNullable<AnalysisFile['options']>;

const presetOf = (ref: FrameworkRef) => ('preset' in ref ? ref.preset : null);

function resolved(ref: FrameworkRef): { framework: Framework | null; error: Message | null } {
  try {
    return { framework: resolveFramework(ref), error: null };
  } catch (e) {
    if (e instanceof AnalysisError) return { framework: null, error: e.msg };
    throw e;
  }
}

function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/** The editor of one framework: every rule of ../shared/definitions.md section 3 is a field. */
function FrameworkEditor({ fw, onEdit, onReset }: { fw: Framework; onEdit: (f: Framework) => void; onReset: () => void }) {
  const { t } = useI18n();
  const band = (i: number, patch: Partial<AgeBand>) => onEdit({ ...fw, bands: fw.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  // Each band's last hours rule, restored when its rule is switched back to hours (bandRules.ts).
  const lastHours = useRef(hoursRules(fw.bands));
  const h = fw.hazardous;
  return (
    <div className="fw-editor">
      <table className="bands">
        <thead>
          <tr>
            <th scope="col">{t('define.ages')}</th>
            <th scope="col">{t('define.econ')}</th>
            <th scope="col">{t('define.chores')}</th>
          </tr>
        </thead>
        <tbody>
          {fw.bands.map((b, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`${t('define.ages')} ${t('define.from')}`} type="number" min={0} value={b.from} onChange={(e) => band(i, { from: Number(e.target.value) })} />
                {' – '}
                <input aria-label={`${t('define.ages')} ${t('define.to')}`} type="number" min={0} value={b.to} onChange={(e) => band(i, { to: Number(e.target.value) })} />
              </td>
              <td>
                <select
                  aria-label={`${t('define.econ')} ${b.from}-${b.to}`}
                  value={b.econ.rule}
                  onChange={(e) => {
                    const rule = e.target.value as AgeBand['econ']['rule'];
                    if (b.econ.rule === 'hours') lastHours.current[i] = b.econ;
                    band(i, { econ: econAfterSwitch(rule, lastHours.current[i]) });
                  }}
                >
                  <option value="employed">{t('define.econ.employed')}</option>
                  <option value="hours">{t('define.econ.hours')}</option>
                  <option value="none">{t('define.econ.none')}</option>
                </select>
                {b.econ.rule === 'hours' && (
                  <NumberInput
                    label={`${t('define.econ.hours')} (${t('define.hoursUnit')}) ${b.from}-${b.to}`}
                    value={b.econ.min}
                    maxHours={MAX_WEEK_HOURS}
                    onChange={(v) => v !== null && band(i, { econ: { ...b.econ, rule: 'hours', min: v } })}
                  />
                )}
              </td>
              <td>
                <NumberInput
                  label={`${t('define.chores')} (${t('define.hoursUnit')}) ${b.from}-${b.to}`}
                  placeholder={t('define.choresOff')}
                  value={b.chores?.min}
                  maxHours={MAX_WEEK_HOURS}
                  onChange={(v) => band(i, { chores: v === null ? null : { ...(b.chores ?? {}), min: v } })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="role-row">
        <Labelled label={t('define.comparison')}>
          {(id) => (
            <select id={id} value={fw.comparison} onChange={(e) => onEdit({ ...fw, comparison: e.target.value as Framework['comparison'] })}>
              <option value=">=">≥</option>
              <option value=">">&gt;</option>
            </select>
          )}
        </Labelled>
        <Labelled label={t('define.hazIn')}>
          {(id) => (
            <select id={id} value={fw.hazardsInChildLabour} onChange={(e) => onEdit({ ...fw, hazardsInChildLabour: e.target.value as Framework['hazardsInChildLabour'] })}>
              {(['hazardous_work', 'conditions', 'none'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`define.haz.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <Labelled label={`${t('define.longHours')} (${t('define.hoursUnit')})`}>
          {(id) => (
            <NumberInput
              id={id}
              value={h.longHours?.min}
              maxHours={MAX_WEEK_HOURS}
              onChange={(v) => onEdit({ ...fw, hazardous: { ...h, longHours: v === null ? null : { ...(h.longHours ?? { op: '>=' }), min: v } } })}
            />
          )}
        </Labelled>
      </div>
      <div className="role-row">
        <Labelled label={t('define.industries')}>
          {(id) => <CodeListInput id={id} codes={h.industries} onChange={(industries) => onEdit({ ...fw, hazardous: { ...h, industries } })} />}
        </Labelled>
        <Labelled label={t('define.occupations')}>
          {(id) => <CodeListInput id={id} codes={h.occupations} onChange={(occupations) => onEdit({ ...fw, hazardous: { ...h, occupations } })} />}
        </Labelled>
      </div>
      <button type="button" className="secondary" onClick={onReset}>
        {t('define.reset')}
      </button>
    </div>
  );
}

export interface DefineScreenProps {
  draft: AnalysisFile;
  onChange: (a: AnalysisFile) => void;
  onRun: () => void;
}

/** Step 4: frameworks (presets, each editable into a named national definition) and estimation options. */
export function DefineScreen({ draft, onChange, onRun }: DefineScreenProps) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const refs = draft.frameworks;
  const o: Options = draft.options ?? {};
  const setOptions = (patch: Partial<Options>) => onChange({ ...draft, options: { ...o, ...patch } });
  const setRefs = (frameworks: FrameworkRef[]) => onChange({ ...draft, frameworks });
  const refFor = (id: string) => refs.find((r) => presetOf(r) === id);
  const customs = refs.filter((r) => 'custom' in r);
  const toggle = (id: string, on: boolean) => {
    const others = refs.filter((r) => presetOf(r) !== id);
    // Keep the presets' own order, so results always list frameworks the same way.
    const order = presetIds();
    setRefs(on ? [...others, { preset: id }].sort((a, b) => order.indexOf(presetOf(a) ?? '') - order.indexOf(presetOf(b) ?? '')) : others);
  };
  const replace = (id: string, ref: FrameworkRef) => setRefs(refs.map((r) => (presetOf(r) === id ? ref : r)));
  const sc: SmallCellRule = o.smallCell ?? { rule: 'mics-dhs' };
  const errors = refs.map((r) => resolved(r).error).filter((e): e is Message => e !== null);

  return (
    <section aria-labelledby="define-title">
      <h2 id="define-title" tabIndex={-1}>{t('define.title')}</h2>
      <p className="lead">{t('define.intro')}</p>
      <Labelled label={t('define.analysisTitle')}>{(id) => <TextLine id={id} className="title-input" value={draft.title ?? ''} onText={(title) => onChange({ ...draft, title })} />}</Labelled>

      <h3>{t('define.frameworks')}</h3>
      <ul className="frameworks">
        {presetIds().map((id) => {
          const ref = refFor(id);
          const current = ref ? resolved(ref).framework : null;
          // An edited preset is a national variant: it shows the name it resolves to (the user's, or
          // "<preset> - modified"), never the published one, and what it is based on.
          const name = current?.basedOn ? frameworkTitle(lang, current) : t(`fw.${id}.name` as MessageKey);
          const edited = !!current?.changes?.length;
          const basedOn = current ? basedOnSentence(lang, current) : null;
          return (
            <li
              key={id}
              className={`fw-card${ref ? ' included' : ''}${editing === id ? ' editing' : ''}`}
              // Escape closes the editor, and the focus goes back to the button that opened it.
              onKeyDown={(e) => {
                if (e.key !== 'Escape' || editing !== id) return;
                setEditing(null);
                e.currentTarget.querySelector<HTMLButtonElement>('button.link')?.focus();
              }}
            >
              <label className="fw-head">
                <input type="checkbox" data-testid={`framework-${id}`} checked={!!ref} onChange={(e) => toggle(id, e.target.checked)} aria-describedby={`fw-desc-${id}`} />
                <span className="fw-name">{name}</span>
                {edited && <span className="badge">{t('define.edited')}</span>}
              </label>
              <p id={`fw-desc-${id}`} className="fw-desc">
                {/* Edited, the card's rules are no longer the published ones: say which text this is. */}
                {edited
                  ? t('define.publishedDescription', { description: t(`fw.${id}.description` as MessageKey) })
                  : t(`fw.${id}.description` as MessageKey)}
              </p>
              <p className="fw-source">
                <strong>{t('define.source')}{t('punct.colon').trimEnd()}</strong> {t(`fw.${id}.source` as MessageKey)}
              </p>
              {basedOn && <p className="fw-based-on">{basedOn}</p>}
              {ref && 'preset' in ref && (
                <>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={editing === id}
                    // Named with its definition: "Edit thresholds" twice said nothing of which (a walk).
                    aria-label={`${editing === id ? t('define.closeEdit') : t('define.edit')}${t('punct.colon')}${name}`}
                    onClick={() => setEditing(editing === id ? null : id)}
                  >
                    {editing === id ? t('define.closeEdit') : t('define.edit')}
                  </button>
                  {editing === id && (
                    <>
                      <Labelled label={t('define.customName')}>
                        {(fid) => (
                          <TextLine
                            id={fid}
                            className="title-input"
                            value={ref.name ?? ''}
                            placeholder={edited && current ? frameworkTitle(lang, current) : t(`fw.${id}.name` as MessageKey)}
                            onText={(name) => replace(id, { ...ref, name: name || undefined })}
                          />
                        )}
                      </Labelled>
                      {ref && (
                        <FrameworkEditor
                          // An edit that does not resolve (a band being retyped) stays on screen to be corrected; the error is said below.
                          fw={current ?? draftFramework(ref)}
                          // No id is forced: resolution gives an edited preset "<preset>_modified" (or keeps one the file had).
                          onEdit={(f) => replace(id, { preset: id, ...(ref.id ? { id: ref.id } : {}), ...(ref.name ? { name: ref.name } : {}), edit: { comparison: f.comparison, bands: f.bands, hazardous: f.hazardous, hazardsInChildLabour: f.hazardsInChildLabour } })}
                          onReset={() => replace(id, { preset: id })}
                        />
                      )}
                    </>
                  )}
                </>
              )}
            </li>
          );
        })}
        {customs.map((r, i) => (
          <li key={`custom-${i}`} className="fw-card included">
            <label className="fw-head">
              <input type="checkbox" checked onChange={() => setRefs(refs.filter((x) => x !== r))} />
              <span className="fw-name">{'custom' in r ? r.custom.name : ''}</span>
            </label>
            <p className="fw-desc">{'custom' in r ? r.custom.description : ''}</p>
          </li>
        ))}
      </ul>
      <MessageList messages={errors} />

      <h3>{t('define.options')}</h3>
      <div className="options-grid">
        <Labelled label={t('opt.missingHours')}>
          {(id) => (
            <select id={id} value={o.missingHours ?? 'unknown'} onChange={(e) => setOptions({ missingHours: e.target.value as Options['missingHours'] })}>
              <option value="mics">{t('opt.missingHours.mics')}</option>
              <option value="unknown">{t('opt.missingHours.unknown')}</option>
            </select>
          )}
        </Labelled>
        <Labelled label={t('opt.lonelyPsu')}>
          {(id) => (
            <select id={id} value={o.lonelyPsu ?? 'adjust'} onChange={(e) => setOptions({ lonelyPsu: e.target.value as Options['lonelyPsu'] })}>
              {(['adjust', 'average', 'remove', 'certainty', 'fail'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`opt.lonelyPsu.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <Labelled label={t('opt.ci')}>
          {(id) => (
            <select id={id} value={o.ci ?? 'logit'} onChange={(e) => setOptions({ ci: e.target.value as Options['ci'] })}>
              {(['logit', 'wald', 'korn-graubard'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`opt.ci.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <Labelled label={t('opt.level')}>
          {(id) => <input id={id} type="number" min={50} max={99.9} step={0.1} value={Math.round((o.level ?? 0.95) * 1000) / 10} onChange={(e) => setOptions({ level: Number(e.target.value) / 100 })} />}
        </Labelled>
        <Labelled label={t('opt.smallCell')}>
          {(id) => (
            <select id={id} value={sc.rule} onChange={(e) => setOptions({ smallCell: { rule: e.target.value as SmallCellRule['rule'] } as SmallCellRule })}>
              <option value="mics-dhs">{t('opt.smallCell.mics-dhs')}</option>
              <option value="cv">{t('opt.smallCell.cv')}</option>
            </select>
          )}
        </Labelled>
        {sc.rule === 'mics-dhs' ? (
          <>
            <Labelled label={t('opt.parenthesesBelow')}>
              {(id) => <input id={id} type="number" min={0} value={sc.parenthesesBelow ?? 50} onChange={(e) => setOptions({ smallCell: { ...sc, parenthesesBelow: Number(e.target.value) } })} />}
            </Labelled>
            <Labelled label={t('opt.suppressBelow')}>
              {(id) => <input id={id} type="number" min={0} value={sc.suppressBelow ?? 25} onChange={(e) => setOptions({ smallCell: { ...sc, suppressBelow: Number(e.target.value) } })} />}
            </Labelled>
          </>
        ) : (
          <>
            <Labelled label={t('opt.flagAt')}>
              {(id) => <input id={id} type="number" min={0} step="any" value={cvPercent(sc.flagAt ?? 0.2)} onChange={(e) => setOptions({ smallCell: { ...sc, flagAt: Number(e.target.value) / 100 } })} />}
            </Labelled>
            <Labelled label={t('opt.suppressAt')}>
              {(id) => <input id={id} type="number" min={0} step="any" value={cvPercent(sc.suppressAt ?? 0.3)} onChange={(e) => setOptions({ smallCell: { ...sc, suppressAt: Number(e.target.value) / 100 } })} />}
            </Labelled>
          </>
        )}
      </div>
      <div className="actions">
        {refs.length === 0 && <p className="notice">{t('define.noFramework')}</p>}
        <button type="button" className="primary" data-testid="run" disabled={refs.length === 0 || errors.length > 0} onClick={onRun}>
          {t('define.run')}
        </button>
      </div>
    </section>
  );
}
