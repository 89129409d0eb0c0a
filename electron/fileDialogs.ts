import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type FileFilter, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { writeFileAtomic } from '../analysis/cli/atomicWrite.js';
import { text, type Lang, type TextKey } from '../analysis/i18n/index.js';
import { APP_MAX_FILE_BYTES } from '../analysis/import/sizeGuard.js';
import { ANALYSIS_EXTENSION, CHANNELS, type FileKind, type OpenedFile } from './api.js';
import { APP_ORIGIN } from './bundleProtocol.js';

/** Each kind's filter in the dialogs: its name's text and its extensions. */
const FILTERS: Record<FileKind, [TextKey, string[]]> = {
  data: ['shell.filterData', ['csv', 'txt', 'tsv', 'parquet', 'sav', 'zsav', 'dta', 'xlsx']],
  analysis: ['shell.filterAnalysis', [ANALYSIS_EXTENSION, 'json']],
  results: ['shell.filterResults', ['csv']],
  chart: ['shell.filterChart', ['svg']],
  png: ['shell.filterPng', ['png']],
  workbook: ['shell.filterWorkbook', ['xlsx']],
  report: ['shell.filterReport', ['html']],
  rscript: ['shell.filterRscript', ['R']],
};
const KINDS = Object.keys(FILTERS) as FileKind[];
const filter = (kind: FileKind, lang: Lang): FileFilter => ({ name: text(lang, FILTERS[kind][0]), extensions: FILTERS[kind][1] });


/** The file's bytes; over the limit, none (not read at all) and its size, which the page reports. */
export async function readOpenedFile(path: string): Promise<OpenedFile> {
  const name = basename(path);
  const { size } = await stat(path);
  if (size > APP_MAX_FILE_BYTES) return { name, bytes: new Uint8Array(0), tooLarge: size };
  return { name, bytes: new Uint8Array(await readFile(path)) };
}

/** Whether IPC comes from our own page, not from anything else (a hijacked frame, say). */
export function fromOwnPage(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  return Boolean(BrowserWindow.fromWebContents(event.sender) && event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`));
}

function trusted(event: IpcMainInvokeEvent): BrowserWindow {
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win || !fromOwnPage(event)) throw new Error('untrusted sender');
  return win;
}

function kindOf(value: unknown): FileKind {
  if (!KINDS.includes(value as FileKind)) throw new Error('unknown file kind');
  return value as FileKind;
}

/** The main-process half of the preload API: native dialogs, and reading or writing the chosen file. */
export function handleFileDialogs(version: string, lang: () => Lang): void {
  ipcMain.handle(CHANNELS.open, async (event, kind: unknown) => {
    const win = trusted(event);
    const k = kindOf(kind);
    // Data: several files at once (a survey file set such as MICS6 fs, hh and hl, with its analysis file).
    const { canceled, filePaths } = await dialog.showOpenDialog(win, {
      properties: k === 'data' ? ['openFile', 'multiSelections'] : ['openFile'],
      filters: [...(k === 'data' ? [filter('data', lang()), filter('analysis', lang())] : [filter(k, lang())]), { name: text(lang(), 'shell.filterAll'), extensions: ['*'] }],
    });
    if (canceled) return [];
    const files = [];
    for (const path of filePaths) files.push(await readOpenedFile(path));
    return files;
  });
  ipcMain.handle(CHANNELS.save, async (event, kind: unknown, suggestedName: unknown, content: unknown) => {
    const win = trusted(event);
    if (typeof suggestedName !== 'string' || !(typeof content === 'string' || content instanceof Uint8Array)) throw new Error('bad arguments');
    const { canceled, filePath } = await dialog.showSaveDialog(win, { defaultPath: basename(suggestedName), filters: [filter(kindOf(kind), lang())] });
    if (canceled || !filePath) return null;
    // Temporary file beside it, then rename: a crash never leaves half an analysis file or export.
    await writeFileAtomic(filePath, content);
    return basename(filePath);
  });
  ipcMain.handle(CHANNELS.version, (event) => {
    trusted(event);
    return version;
  });
}
