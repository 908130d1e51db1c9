/**
 * What a window may navigate to, open, attach or ask for. The renderer is our own bundle on the
 * app:// origin and nothing else: a till that can be steered to a web page (a link in a product
 * description, a compromised catalog field) is a till that can be phished. Everything here takes
 * Electron objects as parameters so tests drive it with fakes.
 */
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

/** Navigation is allowed only within the app origin (route changes, reloads). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

interface PreventableNavigation {
  url: string;
  preventDefault(): void;
}

function blockForeignNavigation(event: PreventableNavigation): void {
  if (!isAllowedNavigation(event.url)) event.preventDefault();
}

/**
 * Locks down one webContents: foreign navigations and redirects are cancelled, window.open is
 * always denied (the shell opens its own windows), and <webview> can never be attached.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-frame-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Permissions the app origin keeps. Chromium's Local Network Access asks for a permission before
 * a page reaches loopback or LAN addresses, which is where the store's sync-server lives; the CSP
 * already pins which of those origins the page may reach. Everything else (camera, geolocation,
 * notifications, serial, HID, USB, clipboard reads...) is denied: hardware goes through the device
 * host, not the browser.
 */
const APP_ORIGIN_PERMISSIONS: ReadonlySet<string> = new Set([
  'local-network-access',
  'local-network',
  'loopback-network',
]);

export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return (
    requestingUrl !== undefined && isAppUrl(requestingUrl) && APP_ORIGIN_PERMISSIONS.has(permission)
  );
}

/** Applies the permission policy to a session: requests, checks and device pickers. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
