import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { CHANNELS, type MenuCommand } from './api.js';

/** Licences of what ships inside the app, for Help > About. */
const LICENCES = [
  'Child Labour Survey Statistics: MIT',
  'Electron, React, DuckDB, DuckDB-WASM: MIT',
  'Vega, Vega-Lite, vega-embed: BSD-3-Clause',
  'Apache Arrow: Apache-2.0',
];

function showAbout(win: BrowserWindow | undefined): void {
  const detail = [
    `Version ${app.getVersion()}`,
    `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
    '',
    'Everything runs on this computer; no data leaves it.',
    '',
    'Licences:',
    ...LICENCES,
  ].join('\n');
  const options = { type: 'info' as const, title: 'About', message: app.getName(), detail, buttons: ['OK'] };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/** The application menu; its commands are carried out by the renderer (which holds the analysis). */
export function applicationMenu(getWindow: () => BrowserWindow | undefined): Menu {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(CHANNELS.command, command);
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
        { label: 'Open sample survey', click: send('open-sample') },
        { type: 'separator' },
        { label: 'Save analysis…', accelerator: 'CmdOrCtrl+S', click: send('save-analysis') },
        { label: 'Export results…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: 'About Child Labour Survey Statistics', click: () => showAbout(getWindow()) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
