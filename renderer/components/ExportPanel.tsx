import { useI18n } from './I18n.js';

export type ExportKind = 'xlsx' | 'html' | 'pdf' | 'r' | 'csv' | 'analysis';
const KINDS: ExportKind[] = ['xlsx', 'html', 'pdf', 'r', 'csv', 'analysis'];

/**
 * The exports of a run (Results and Charts steps), each made by the core's export library. While one is
 * being written the buttons say they are unavailable (aria-disabled) and ignore clicks, but stay
 * focusable: a disabled button drops the keyboard focus to the page's body.
 */
export function ExportPanel({ onExport, busy }: { onExport: (kind: ExportKind) => void; busy: boolean }) {
  const { t } = useI18n();
  return (
    <div className="export-panel" role="group" aria-labelledby="export-title">
      <h3 id="export-title">{t('export.title')}</h3>
      {KINDS.map((k) => (
        <button key={k} type="button" className="secondary small" data-testid={`export-${k}`} aria-disabled={busy} onClick={() => !busy && onExport(k)}>
          {t(`export.${k}`)}
        </button>
      ))}
      <p className="hint">{t('export.note')}</p>
    </div>
  );
}
