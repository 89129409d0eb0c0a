/**
 * The whole surface the desktop shell gives the renderer (window.clstats, set by preload.ts). Kept
 * this small on purpose: the renderer is a web page that never touches Node or the file system
 * itself; it asks the user (native dialogs) for every file it reads or writes.
 */
import type { Lang } from '../analysis/i18n/lang.js';

export type FileKind = 'data' | 'analysis' | 'results' | 'chart' | 'png' | 'workbook' | 'report' | 'rscript';

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  /** Set, with no bytes read, when the file is over the app's limit: its size in bytes (the page says so). */
  tooLarge?: number;
}

/** Commands the application menu sends to the renderer. */
export type MenuCommand = 'open' | 'open-sample' | 'save-analysis' | 'export';

export interface DesktopApi {
  /** Shows the native open dialog (several files at once for data: a survey file set); none when the user cancels. */
  openFiles(kind: FileKind): Promise<OpenedFile[]>;
  /** Shows the native save dialog and writes the content; returns the file name, or null when cancelled. */
  saveFile(kind: FileKind, suggestedName: string, content: string | Uint8Array): Promise<string | null>;
  appVersion(): Promise<string>;
  /** The language the page shows (the user's choice): the menu and the dialogs follow it. */
  setLanguage(lang: Lang): void;
  /** Menu commands, and files the system asks the app to open (file association); returns an unsubscribe. */
  onCommand(listener: (command: MenuCommand | 'opened-file', file?: OpenedFile) => void): () => void;
}

/** IPC channel names, shared by main and preload so they cannot drift apart. */
export const CHANNELS = {
  open: 'clstats:open',
  save: 'clstats:save',
  version: 'clstats:version',
  command: 'clstats:command',
  language: 'clstats:language',
} as const;

/** The extension of analysis files, registered with the system by electron-builder.yml. */
export const ANALYSIS_EXTENSION = 'clstats';
