/**
 * Runs in the sandboxed renderer before the page, with only contextBridge and ipcRenderer: it exposes
 * the narrow DesktopApi and nothing of Electron or Node itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, type DesktopApi, type FileKind, type MenuCommand, type OpenedFile } from './api.js';

const api: DesktopApi = {
  openFiles: (kind: FileKind) => ipcRenderer.invoke(CHANNELS.open, kind),
  saveFile: (kind: FileKind, suggestedName: string, content: string | Uint8Array) => ipcRenderer.invoke(CHANNELS.save, kind, suggestedName, content),
  appVersion: () => ipcRenderer.invoke(CHANNELS.version),
  setLanguage: (lang) => ipcRenderer.send(CHANNELS.language, lang),
  onCommand(listener) {
    const handler = (_e: IpcRendererEvent, command: MenuCommand | 'opened-file', file?: OpenedFile) => listener(command, file);
    ipcRenderer.on(CHANNELS.command, handler);
    return () => {
      ipcRenderer.removeListener(CHANNELS.command, handler);
    };
  },
};

contextBridge.exposeInMainWorld('clstats', api);
