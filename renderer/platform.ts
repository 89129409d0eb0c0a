import { version } from '../package.json';
import type { Lang } from '../analysis/i18n/lang.js';
import { APP_MAX_FILE_BYTES } from '../analysis/import/sizeGuard.js';
import type { DesktopApi, FileKind, MenuCommand, OpenedFile } from '../electron/api.js';

/**
 * What the page needs from its host: files and menu commands. In the Electron shell these go through
 * the preload API (native dialogs); in a browser (the `npm start` fallback) through a file input, a
 * download link and keyboard shortcuts. Either way files stay on this computer.
 */
const desktop = (window as unknown as { clstats?: DesktopApi }).clstats;

const ACCEPT: Record<FileKind, string> = {
  data: '.csv,.txt,.tsv,.parquet,.sav,.zsav,.dta,.xlsx,.clstats,.json',
  analysis: '.clstats,.json',
  results: '.csv',
  chart: '.svg',
  png: '.png',
  workbook: '.xlsx',
  report: '.html',
  rscript: '.R',
};
const MIME: Record<FileKind, string> = {
  data: 'text/csv',
  analysis: 'application/json',
  results: 'text/csv',
  chart: 'image/svg+xml',
  png: 'image/png',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  report: 'text/html',
  rscript: 'text/plain',
};

/** The file's bytes; over the app's limit none (not read), as the desktop shell does (electron/fileDialogs.ts). */
export async function readBrowserFile(file: File): Promise<OpenedFile> {
  if (file.size > APP_MAX_FILE_BYTES) return { name: file.name, bytes: new Uint8Array(0), tooLarge: file.size };
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Asks for files: several at once for data (a survey file set, with or without its analysis file); none when cancelled. */
export function openFiles(kind: FileKind): Promise<OpenedFile[]> {
  if (desktop) return desktop.openFiles(kind);
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.multiple = kind === 'data';
    input.addEventListener('change', () => {
      resolve(Promise.all([...(input.files ?? [])].map(readBrowserFile)));
    });
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

export async function saveFile(kind: FileKind, name: string, content: string | Uint8Array): Promise<string | null> {
  if (desktop) return desktop.saveFile(kind, name, content);
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type: MIME[kind] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export async function appVersion(): Promise<string> {
  return desktop ? desktop.appVersion() : version;
}

/** The desktop shell's menu and dialogs follow the page's language; a browser has nothing to tell. */
export function setHostLanguage(lang: Lang): void {
  desktop?.setLanguage(lang);
}

const SHORTCUTS: Record<string, MenuCommand> = { o: 'open', s: 'save-analysis', e: 'export' };

/** Menu commands (desktop) or the same shortcuts from the keyboard (browser); returns an unsubscribe. */
export function onCommand(listener: (command: MenuCommand | 'opened-file', file?: OpenedFile) => void): () => void {
  if (desktop) return desktop.onCommand(listener);
  const onKey = (e: KeyboardEvent) => {
    const command = (e.ctrlKey || e.metaKey) && !e.altKey ? SHORTCUTS[e.key.toLowerCase()] : undefined;
    if (command) {
      e.preventDefault();
      listener(command);
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
