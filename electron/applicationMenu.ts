import { app, dialog, Menu, type BrowserWindow } from 'electron';
import { text, type Lang } from '../analysis/i18n/index.js';
import { CHANNELS, type MenuCommand } from './api.js';
import { menuTemplate } from './menuTemplate.js';

/** Licences of what ships inside the app, for Help > About (names of software: not translated). */
const LICENCES = [
  'Child Labour Survey Statistics: MIT',
  'Electron, React, DuckDB, DuckDB-WASM: MIT',
  'Vega, Vega-Lite, vega-embed: BSD-3-Clause',
  'Apache Arrow: Apache-2.0',
];

function showAbout(win: BrowserWindow | undefined, lang: Lang): void {
  const detail = [
    text(lang, 'app.version', { version: app.getVersion() }),
    `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    '',
    text(lang, 'shell.aboutLocal'),
    '',
    text(lang, 'shell.licences'),
    ...LICENCES,
  ].join('\n');
  const options = { type: 'info' as const, title: text(lang, 'shell.aboutTitle'), message: text(lang, 'app.title'), detail, buttons: [text(lang, 'shell.ok')] };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/** The application menu in `lang`; its commands are carried out by the renderer (which holds the analysis). */
export function applicationMenu(getWindow: () => BrowserWindow | undefined, lang: Lang): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(CHANNELS.command, command);
  return Menu.buildFromTemplate(
    menuTemplate(lang, { send, about: () => showAbout(getWindow(), lang), mac: process.platform === 'darwin', packaged: app.isPackaged }),
  );
}
