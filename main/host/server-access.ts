/**
 * The register's device secret stays in the host process. The page gets a per-run page secret in
 * its place (`app/config`), signs its sync and API requests with it, and the host swaps it for
 * the device's own credentials on the way out: the browser shell through its proxy
 * (browser-host.ts, `/sync/…`), the Electron shell by rewriting the header of requests to the
 * sync-server (shell.ts). A page secret copied out of the page is worthless once the host stops
 * and is never accepted by the sync-server itself.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface ServerAccess {
  /** The sync-server's base URL (no trailing slash). */
  readonly serverUrl: string;
  readonly deviceId: string;
  /** What the page gets as `deviceSecret`; new on every start. */
  readonly pageSecret: string;
  /** The device's Authorization header for a request the page signed; null for anything else. */
  authorize(pageAuthorization: string | undefined): string | null;
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function createServerAccess(credentials: {
  serverUrl: string;
  deviceId: string;
  deviceSecret: string;
}): ServerAccess {
  const pageSecret = randomBytes(24).toString('base64url');
  const expected = Buffer.from(basic(credentials.deviceId, pageSecret));
  const device = basic(credentials.deviceId, credentials.deviceSecret);
  return {
    serverUrl: credentials.serverUrl.replace(/\/+$/, ''),
    deviceId: credentials.deviceId,
    pageSecret,
    authorize(pageAuthorization) {
      if (pageAuthorization === undefined || credentials.deviceSecret === '') return null;
      const given = Buffer.from(pageAuthorization);
      return given.length === expected.length && timingSafeEqual(given, expected) ? device : null;
    },
  };
}

/** The page's sync and API addresses for a server base URL (the server's, or the host proxy's). */
export function pageServerUrls(base: string): { syncUrl: string; apiUrl: string } {
  const trimmed = base.replace(/\/+$/, '');
  return { syncUrl: `${trimmed}/db`, apiUrl: `${trimmed}/api/v1` };
}
