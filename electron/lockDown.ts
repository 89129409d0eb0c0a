import { app, session, type Session } from 'electron';
import { APP_ORIGIN } from './bundleProtocol.js';

/** Only the app's own files (and the developer tools of an unpackaged build) may be requested. */
export function isAllowedUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || (!app.isPackaged && url.startsWith('devtools://'));
}

/**
 * The renderer holds survey data about children, so nothing may leave the machine: every request
 * that is not the app's own bundle is cancelled, no permission (camera, notifications, ...) is ever
 * granted, and no window may navigate away, open another window or embed a webview.
 */
export function lockDown(s: Session = session.defaultSession): void {
  s.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedUrl(details.url);
    if (!allowed) console.warn(`blocked request: ${details.url}`);
    callback({ cancel: !allowed });
  });
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
