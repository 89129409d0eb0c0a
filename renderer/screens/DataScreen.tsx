import { useEffect, useState } from 'react';
import type { Message, ValidationReport } from '../../analysis/index.js';
import { useI18n } from '../components/I18n.js';
import { MessageList } from '../components/MessageList.js';
import type { TableProfile } from '../engine/protocol.js';
import type { MessageKey } from '../i18n/translate.js';
import { cellText } from '../model/labels.js';
import { isJoinWarning } from './map/JoinsPanel.js';

/** The counts of the validation report: rows, children, design. */
function ReportCounts({ report }: { report: ValidationReport }) {
  const { t, locale } = useI18n();
  // Nothing counted past the rows while a mapped column is missing: a dash, not 0 children and 0 strata (a walk).
  const n = (x: number) => x.toLocaleString(locale);
  const c = (x: number) => (report.counted ? n(x) : '—');
  const items: [string, string][] = [
    [t('data.report.rows'), n(report.rowsRead)],
    [t('data.report.children', { from: report.ageRange[0], to: report.ageRange[1] }), c(report.children)],
    [t('data.report.strata'), c(report.design.strata)],
    [t('data.report.psus'), c(report.design.psus)],
    [t('data.report.lonely'), c(report.design.lonelyStrata.length)],
    [t('data.report.df'), c(report.design.df)],
    // The tables' df for the total, when a PSU or stratum holds no weighted child in scope.
    ...(report.counted && report.design.dfInScope !== report.design.df ? [[t('data.report.dfInScope'), n(report.design.dfInScope)] as [string, string]] : []),
  ];
  return (
    <dl className="report-counts" data-testid="validation-report">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Delimited text only: whether numbers use a decimal comma ("12,5"). A change reads the same file again
 * that way (the analysis file's data.decimalComma); disabled while a long step runs. The box shows the
 * choice at once, then how the file was read once the step ends (unchanged if the reading failed).
 */
function DecimalCommaBox({ on, disabled, onChange }: { on: boolean; disabled: boolean; onChange: (on: boolean) => void }) {
  const { t } = useI18n();
  const [shown, ask] = useAsked(on, disabled, onChange);
  return (
    <label className="check">
      <input type="checkbox" data-testid="decimal-comma" checked={shown} disabled={disabled} onChange={(e) => ask(e.target.checked)} /> {t('data.decimalComma')}
    </label>
  );
}

/**
 * The workbook's sheets, the one read chosen. The sheet asked for shows while it is read; then the one
 * read again (a sheet that could not be read leaves the last one, and the list says so).
 */
function SheetSelect({ sheets, hidden, sheet, disabled, onChange }: { sheets: string[]; hidden: string[]; sheet: string | undefined; disabled: boolean; onChange: (sheet: string) => void }) {
  const { t } = useI18n();
  const [shown, ask] = useAsked(sheet, disabled, (next) => next !== undefined && onChange(next));
  return (
    <label className="field-inline">
      {t('data.sheet')}{' '}
      <select data-testid="data-sheet" value={shown} disabled={disabled} onChange={(e) => ask(e.target.value)}>
        {sheets.map((name) => <option key={name} value={name}>{hidden.includes(name) ? t('data.sheetHidden', { name }) : name}</option>)}
      </select>
    </label>
  );
}

/**
 * A reading choice that reads the file again: what was asked shows at once, then, when the step ends,
 * how the file was read (the value before, if the reading failed: a controlled input would otherwise
 * keep showing the choice that failed, the state being unchanged).
 */
function useAsked<T>(value: T, busy: boolean, onAsk: (next: T) => void): [T, (next: T) => void] {
  const [asked, setAsked] = useState<{ v: T } | null>(null);
  useEffect(() => {
    if (!busy) setAsked(null);
  }, [value, busy]);
  return [asked ? asked.v : value, (next: T) => {
    setAsked({ v: next });
    onAsk(next);
  }];
}

/**
 * The findings of the quick check; or, while roles the check needs are not mapped (no check runs),
 * which to map, as the Map step says it; or that the check is running.
 */
function Findings({ findings, checking, missing, onApply }: { findings: Message[] | null; checking: boolean; missing: string[]; onApply?: (m: Message) => (() => void) | null }) {
  const { t } = useI18n();
  if (missing.length) return <p className="notice" data-testid="data-missing-roles">{t('map.required', { roles: missing.map((r) => t(`role.${r}` as MessageKey)).join(', ') })}</p>;
  if (checking || findings === null) return <p className="hint">{t('data.checking')}</p>;
  return findings.length ? <MessageList messages={findings} onApply={onApply} /> : <p className="ok">{t('data.noFindings')}</p>;
}

/**
 * Step 2: the file as read (types, labels, codes, first rows, the import's own notes: a title row
 * skipped, an encoding guessed) and the core's validation report for the mapping.
 */
export function DataScreen({ profile, findings, report, checking, missing, busy, onDecimalComma, onSheet, onNext, onApply }: {
  onApply?: (m: Message) => (() => void) | null;
  profile: TableProfile; findings: Message[] | null; report: ValidationReport | null; checking: boolean;
  /** Roles the quick check waits for (suggestMapping.ts missingRoles): none mapped, no check runs. */
  missing: string[];
  /** A long step runs (the file is being read again). */
  busy: boolean;
  onDecimalComma: (on: boolean) => void;
  /** Reads another sheet of the workbook. */
  onSheet: (sheet: string) => void;
  onNext: () => void;
}) {
  const { t, locale } = useI18n();
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title" tabIndex={-1}>{t('data.title')}</h2>
      <p className="lead">{t('data.summary', { file: profile.file, rows: n(profile.rows), columns: profile.columns.length })}</p>
      <p className="hint">{t('data.format', { format: profile.format.toUpperCase() + (profile.sheet ? ` (${profile.sheet})` : '') })}</p>
      {profile.sheets && profile.sheets.length > 1 && !profile.files && <SheetSelect sheets={profile.sheets} hidden={profile.hiddenSheets ?? []} sheet={profile.sheet} disabled={busy} onChange={onSheet} />}
      {profile.decimalComma !== undefined && <DecimalCommaBox on={profile.decimalComma} disabled={busy} onChange={onDecimalComma} />}
      <MessageList messages={[...(profile.importMessages ?? []), ...(profile.setMessages ?? []).filter(isJoinWarning)]} />

      <h3>{t('data.findings')}</h3>
      {report && !checking && !missing.length && <ReportCounts report={report} />}
      {report && !report.ok && !checking && !missing.length && <p className="notice" role="status">{t('data.report.blocked')}</p>}
      <Findings findings={findings} checking={checking} missing={missing} onApply={onApply} />

      <h3>{t('data.preview', { n: profile.preview.length })}</h3>
      <div className="table-scroll preview" tabIndex={0} role="region" aria-label={t('data.preview', { n: profile.preview.length })}>
        <table className="data-table">
          <thead>
            <tr>
              {profile.columns.map((c) => (
                <th key={c.name} scope="col" title={c.label}>
                  {c.name}
                  {c.label && <span className="coltype varlabel">{c.label}</span>}
                  <span className="coltype">{t(`data.type.${c.type}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {profile.preview.map((row, i) => (
              <tr key={i}>
                {profile.columns.map((c) => (
                  <td key={c.name}>{cellText(row[c.name], c.valueLabels)}</td>
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
                <th scope="row">
                  {c.name}
                  {c.label && <span className="coltype varlabel">{c.label}</span>}
                </th>
                <td>{t(`data.type.${c.type}`)}</td>
                <td>{c.codes.length ? c.codes.map((code) => cellText(code, c.valueLabels)).join(', ') : t('data.distinct', { n: n(c.distinct) })}</td>
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
