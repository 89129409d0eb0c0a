import { useI18n } from '../components/I18n.js';
import { LANG_NAMES, LANGS, type Lang } from '../i18n/translate.js';

export interface TopBarProps {
  canSave: boolean;
  canExport: boolean;
  onSave: () => void;
  onExport: () => void;
  onLang: (lang: Lang) => void;
}

/** The app's banner: its name, the offline promise, save and export, and the language menu. */
export function TopBar({ canSave, canExport, onSave, onExport, onLang }: TopBarProps) {
  const { t, lang } = useI18n();
  return (
    <header className="topbar">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <div className="top-actions">
        <span className="offline" title={t('app.offline')}>
          <span aria-hidden="true">●</span> {t('app.offline')}
        </span>
        <button type="button" className="secondary" onClick={onSave} disabled={!canSave}>
          {t('action.saveAnalysis')}
        </button>
        <button type="button" className="secondary" onClick={onExport} disabled={!canExport}>
          {t('action.export')}
        </button>
        <label className="lang">
          <span>{t('app.language')}</span>
          <select value={lang} data-testid="language" onChange={(e) => onLang(e.target.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </header>
  );
}
