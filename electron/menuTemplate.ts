import type { MenuItemConstructorOptions } from 'electron';
import { text, type Lang } from '../analysis/i18n/index.js';
import type { MenuCommand } from './api.js';

export interface MenuHooks {
  /** Sends a menu command to the page, which holds the analysis and carries it out. */
  send: (command: MenuCommand) => () => void;
  about: () => void;
  mac: boolean;
  packaged: boolean;
}

/**
 * The application menu in `lang`. Every item has its own label: Electron labels its roles (undo,
 * zoom in, ...) in English whatever the system's language, and the app's language is the one the
 * user chose in the page, not the system's. Kept apart from Electron's Menu so a test can read it.
 */
export function menuTemplate(lang: Lang, hooks: MenuHooks): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof text>[1]) => text(lang, key, { app: text(lang, 'app.title') });
  const { send, mac } = hooks;
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('shell.file'),
      submenu: [
        { label: t('shell.open'), accelerator: 'CmdOrCtrl+O', click: send('open') },
        { label: t('shell.openSample'), click: send('open-sample') },
        { type: 'separator' },
        { label: t('shell.saveAnalysis'), accelerator: 'CmdOrCtrl+S', click: send('save-analysis') },
        { label: t('shell.export'), accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        mac ? { role: 'close', label: t('shell.close') } : { role: 'quit', label: t('shell.quit'), accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: t('shell.edit'),
      submenu: [
        { role: 'undo', label: t('shell.undo') },
        { role: 'redo', label: t('shell.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('shell.cut') },
        { role: 'copy', label: t('shell.copy') },
        { role: 'paste', label: t('shell.paste') },
        { role: 'selectAll', label: t('shell.selectAll') },
      ],
    },
    {
      label: t('shell.view'),
      submenu: [
        { role: 'resetZoom', label: t('shell.resetZoom') },
        { role: 'zoomIn', label: t('shell.zoomIn') },
        { role: 'zoomOut', label: t('shell.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('shell.fullScreen') },
        ...(hooks.packaged ? [] : [{ role: 'toggleDevTools' as const, label: t('shell.devTools') }]),
      ],
    },
    { label: t('shell.help'), role: 'help', submenu: [{ label: t('shell.about'), click: hooks.about }] },
  ];
}
