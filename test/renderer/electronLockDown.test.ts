import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * The Electron shell's security rules, tested without Electron's binary: the `electron` module is
 * replaced by a stand-in that records the handlers the shell installs, which are then called as
 * Electron would call them.
 */
const handlers: { protocol?: (req: Request) => Promise<Response>; request?: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void; permission?: (wc: unknown, p: string, cb: (ok: boolean) => void) => void } = {};

vi.mock('electron', () => ({
  app: { isPackaged: true, on: vi.fn() },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: (_scheme: string, h: (req: Request) => Promise<Response>) => {
      handlers.protocol = h;
    },
  },
  session: { defaultSession: {} },
}));

const { isAllowedUrl, lockDown } = await import('../../electron/lockDown.js');
const { serveBundle, CSP } = await import('../../electron/bundleProtocol.js');

const dir = mkdtempSync(join(tmpdir(), 'clstats-bundle-'));
mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
writeFileSync(join(dir, 'renderer', 'assets', 'duckdb.wasm'), new Uint8Array([0, 97, 115, 109]));
writeFileSync(join(dir, 'secret.txt'), 'not for the page');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Electron shell lock-down', () => {
  it('lets the page request its own bundle only', () => {
    expect(isAllowedUrl('app://bundle/index.html')).toBe(true);
    expect(isAllowedUrl('app://bundle/assets/duckdb-eh.wasm')).toBe(true);
    for (const url of ['https://cdn.jsdelivr.net/npm/x', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'devtools://devtools/x', 'ws://localhost/']) {
      expect(isAllowedUrl(url), url).toBe(false);
    }
  });

  it('cancels every other request and refuses every permission', () => {
    const session = {
      webRequest: { onBeforeRequest: (h: typeof handlers.request) => (handlers.request = h) },
      setPermissionRequestHandler: (h: typeof handlers.permission) => (handlers.permission = h),
      setPermissionCheckHandler: vi.fn(),
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    lockDown(session as never);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      handlers.request!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('app://bundle/index.html')).toBe(false);
    expect(decide('https://example.org/track')).toBe(true);
    let granted: boolean | undefined;
    handlers.permission!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    warn.mockRestore();
  });

  it('serves the built renderer with its security policy, and nothing outside it', async () => {
    serveBundle(join(dir, 'renderer'));
    const get = (url: string) => handlers.protocol!(new Request(url));
    const page = await get('app://bundle/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect((await get('app://bundle/assets/duckdb.wasm')).headers.get('content-type')).toBe('application/wasm');
    expect((await get('app://bundle/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://bundle/..%2fsecret.txt')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).not.toContain("'unsafe-eval'");
  });
});
