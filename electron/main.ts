/**
 * The desktop shell: one window showing the renderer (built into dist/renderer), locked down so that
 * the page has no Node, no network and no way to navigate elsewhere (see lockDown.ts), with native
 * file dialogs through the narrow preload API and the application menu.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import { langOfLocale, parseLang, text, type Lang } from '../analysis/i18n/index.js';
import { ANALYSIS_EXTENSION, CHANNELS } from './api.js';
import { applicationMenu } from './applicationMenu.js';
import { APP_ORIGIN, registerBundleScheme, serveBundle } from './bundleProtocol.js';
import { fromOwnPage, handleFileDialogs, readOpenedFile } from './fileDialogs.js';
import { lockDown } from './lockDown.js';

// Built layout: dist/electron/main.cjs, dist/electron/preload.cjs, dist/renderer/index.html.
const RENDERER_DIR = join(__dirname, '..', 'renderer');
const PRELOAD = join(__dirname, 'preload.cjs');

let win: BrowserWindow | undefined;
/** The page's language (the user's choice, sent by the page); the system's until the page says. */
let lang: Lang = 'en';
/** Analysis files the system asked us to open before the page was ready to receive them. */
const pending: string[] = [];

const analysisPathIn = (argv: string[]) => argv.slice(1).find((a) => a.toLowerCase().endsWith(`.${ANALYSIS_EXTENSION}`));

async function openInRenderer(path: string): Promise<void> {
  if (!win || win.webContents.isLoading()) {
    pending.push(path);
    return;
  }
  win.webContents.send(CHANNELS.command, 'opened-file', await readOpenedFile(path));
  win.focus();
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: app.getName(),
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win?.show());
  // The page asks before an open analysis is left (renderer/App.tsx, beforeunload); Electron shows no
  // question of its own and would keep the window open without a word.
  win.webContents.on('will-prevent-unload', (event) => {
    const leave = dialog.showMessageBoxSync(win!, {
      type: 'question',
      buttons: [text(lang, 'shell.leave'), text(lang, 'shell.stay')],
      defaultId: 1,
      cancelId: 1,
      message: text(lang, 'shell.leaveQuestion'),
      detail: text(lang, 'shell.leaveDetail'),
    });
    if (leave === 0) event.preventDefault();
  });
  win.webContents.on('did-finish-load', () => {
    for (const path of pending.splice(0)) void openInRenderer(path);
  });
  win.on('closed', () => {
    win = undefined;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.enableSandbox();
registerBundleScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const first = analysisPathIn(process.argv);
  if (first) pending.push(first);
  app.on('second-instance', (_e, argv) => {
    const path = analysisPathIn(argv);
    if (path) void openInRenderer(path);
    else win?.focus();
  });
  // macOS sends file-association opens as an event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openInRenderer(path);
  });
  app.whenReady().then(() => {
    lockDown();
    serveBundle(RENDERER_DIR);
    lang = langOfLocale(app.getLocale()) ?? 'en';
    handleFileDialogs(app.getVersion(), () => lang);
    Menu.setApplicationMenu(applicationMenu(() => win, lang));
    ipcMain.on(CHANNELS.language, (event, value: unknown) => {
      const chosen = fromOwnPage(event) ? parseLang(typeof value === 'string' ? value : null) : null;
      if (!chosen || chosen === lang) return;
      lang = chosen;
      Menu.setApplicationMenu(applicationMenu(() => win, lang));
    });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
