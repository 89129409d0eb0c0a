import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatMessageIn } from '../../analysis/messages.js';
import { overAppLimit } from '../../analysis/import/sizeGuard.js';

/**
 * The desktop shell in the user's language, and a file over the app's limit, tested without Electron's
 * binary: the `electron` module is a stand-in that records the IPC handlers and answers the dialogs.
 */
const invoked: Record<string, (event: unknown, ...args: unknown[]) => unknown> = {};
const dialogCalls: { filters: { name: string }[] }[] = [];
let chosen: string[] = [];

vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: () => ({}) },
  dialog: {
    showOpenDialog: (_win: unknown, options: { filters: { name: string }[] }) => {
      dialogCalls.push(options);
      return Promise.resolve({ canceled: false, filePaths: chosen });
    },
  },
  ipcMain: {
    handle: (channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => {
      invoked[channel] = h;
    },
  },
}));

const { menuTemplate } = await import('../../electron/menuTemplate.js');
const { handleFileDialogs } = await import('../../electron/fileDialogs.js');
const { CHANNELS } = await import('../../electron/api.js');

const dir = mkdtempSync(join(tmpdir(), 'clstats-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ownPage = { sender: {}, senderFrame: { url: 'app://bundle/index.html' } };

const labels = (items: { label?: string; submenu?: unknown }[]): string[] =>
  items.flatMap((i) => [...(i.label ? [i.label] : []), ...(Array.isArray(i.submenu) ? labels(i.submenu as { label?: string }[]) : [])]);

describe('the desktop shell speaks the page\'s language', () => {
  const hooks = { send: () => () => undefined, about: () => undefined, mac: false, packaged: true };

  it('labels every menu item, Electron\'s roles included, in French and in Spanish', () => {
    const fr = labels(menuTemplate('fr', hooks) as never);
    expect(fr).toEqual([
      '&Fichier', 'Ouvrir…', "Ouvrir l'enquête exemple", "Enregistrer l'analyse…", 'Exporter les résultats…', 'Quitter',
      '&Édition', 'Annuler', 'Rétablir', 'Couper', 'Copier', 'Coller', 'Tout sélectionner',
      '&Affichage', 'Taille réelle', 'Zoom avant', 'Zoom arrière', 'Plein écran',
      'Ai&de', 'À propos de Statistiques du travail des enfants',
    ]);
    const es = labels(menuTemplate('es', hooks) as never);
    expect(es[0]).toBe('&Archivo');
    expect(es).toContain('Acerca de Estadísticas de encuestas de trabajo infantil');
    // Every item that is not a separator or the macOS app menu has a label of ours.
    const items = menuTemplate('es', { ...hooks, packaged: false }).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    expect(items.filter((i) => i.type !== 'separator' && !i.label)).toEqual([]);
  });

  it('names the open dialog\'s filters in the chosen language', async () => {
    let lang: 'en' | 'fr' | 'es' = 'es';
    handleFileDialogs('0.0.0', () => lang);
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'a\n1\n');
    chosen = [small];
    await invoked[CHANNELS.open]!(ownPage, 'data');
    expect(dialogCalls.at(-1)!.filters.map((f) => f.name)).toEqual(['Datos de encuesta', 'Archivo de análisis', 'Todos los archivos']);
    lang = 'fr';
    await invoked[CHANNELS.open]!(ownPage, 'data');
    expect(dialogCalls.at(-1)!.filters.map((f) => f.name)).toEqual(["Données d'enquête", "Fichier d'analyse", 'Tous les fichiers']);
  });

  it('does not read a file over 1 GB and lets the page say so, in its language', async () => {
    const big = join(dir, 'census_2021.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 1024 ** 3 + 200 * 1024 ** 2); // sparse: no disk used
    closeSync(fd);
    chosen = [big];
    const [file] = (await invoked[CHANNELS.open]!(ownPage, 'data')) as { name: string; bytes: Uint8Array; tooLarge?: number }[];
    expect(file!.bytes.length).toBe(0);
    expect(file!.tooLarge).toBe(1024 ** 3 + 200 * 1024 ** 2);
    const msg = overAppLimit(file!.name, file!.tooLarge!);
    expect(msg.code).toBe('DATA_FILE_OVER_APP_LIMIT');
    expect(formatMessageIn(msg, 'fr')).toContain('Le fichier de données census_2021.csv fait 1,2 Go');
    expect(formatMessageIn(msg, 'en')).toContain('The data file census_2021.csv is 1.2 GB; the app reads files of at most 1 GB');
  });
});
