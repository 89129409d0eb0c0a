import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BrowserWindow, dialog, ipcMain, type FileFilter, type IpcMainInvokeEvent } from 'electron';
import { writeFileAtomic } from '../analysis/cli/atomicWrite.js';
import { ANALYSIS_EXTENSION, CHANNELS, type FileKind, type OpenedFile } from './api.js';
import { APP_ORIGIN } from './bundleProtocol.js';

const FILTERS: Record<FileKind, FileFilter[]> = {
  data: [{ name: 'Survey data', extensions: ['csv', 'txt', 'tsv', 'parquet', 'sav', 'zsav', 'dta', 'xlsx'] }],
  analysis: [{ name: 'Analysis file', extensions: [ANALYSIS_EXTENSION, 'json'] }],
  results: [{ name: 'CSV', extensions: ['csv'] }],
  chart: [{ name: 'SVG image', extensions: ['svg'] }],
  png: [{ name: 'PNG image', extensions: ['png'] }],
  workbook: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  report: [{ name: 'HTML report', extensions: ['html'] }],
  rscript: [{ name: 'R script', extensions: ['R'] }],
};
const KINDS = Object.keys(FILTERS) as FileKind[];

/** Larger files would not fit in the renderer's memory next to DuckDB's copy. */
const MAX_BYTES = 1024 ** 3;

export async function readOpenedFile(path: string): Promise<OpenedFile> {
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}

/** IPC from anything but our own page (a hijacked frame, say) is refused. */
function trusted(event: IpcMainInvokeEvent): BrowserWindow {
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!win || !event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`)) throw new Error('untrusted sender');
  return win;
}

function kindOf(value: unknown): FileKind {
  if (!KINDS.includes(value as FileKind)) throw new Error('unknown file kind');
  return value as FileKind;
}

/** The main-process half of the preload API: native dialogs, and reading or writing the chosen file. */
export function handleFileDialogs(version: string): void {
  ipcMain.handle(CHANNELS.open, async (event, kind: unknown) => {
    const win = trusted(event);
    const k = kindOf(kind);
    // Data: several files at once (a survey file set such as MICS6 fs, hh and hl, with its analysis file).
    const { canceled, filePaths } = await dialog.showOpenDialog(win, {
      properties: k === 'data' ? ['openFile', 'multiSelections'] : ['openFile'],
      filters: [...(k === 'data' ? [...FILTERS.data, ...FILTERS.analysis] : FILTERS[k]), { name: 'All files', extensions: ['*'] }],
    });
    if (canceled) return [];
    const files = [];
    for (const path of filePaths) {
      const file = await readOpenedFile(path);
      if (file.bytes.byteLength > MAX_BYTES) throw new Error(`${file.name}: file larger than 1 GB`);
      files.push(file);
    }
    return files;
  });
  ipcMain.handle(CHANNELS.save, async (event, kind: unknown, suggestedName: unknown, content: unknown) => {
    const win = trusted(event);
    if (typeof suggestedName !== 'string' || !(typeof content === 'string' || content instanceof Uint8Array)) throw new Error('bad arguments');
    const { canceled, filePath } = await dialog.showSaveDialog(win, { defaultPath: basename(suggestedName), filters: FILTERS[kindOf(kind)] });
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
