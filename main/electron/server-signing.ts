/**
 * The Electron shell's half of keeping the device secret out of the page (main/host/
 * server-access.ts): the page signs its requests to the sync-server with its per-run page secret,
 * and the main process swaps that header for the device's credentials before the request leaves.
 * A request to the server not signed by the page goes out with no credentials at all.
 */
import type { Session } from 'electron';
import type { ServerAccess } from '../host/server-access';

type HeaderSession = { webRequest: Pick<Session['webRequest'], 'onBeforeSendHeaders'> };

/** The request headers to send to the server for these page headers. */
export function signedHeaders(
  access: ServerAccess,
  requestHeaders: Record<string, string>,
): Record<string, string> {
  const headers = { ...requestHeaders };
  let pageAuthorization: string | undefined;
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() !== 'authorization') continue;
    pageAuthorization = headers[name];
    delete headers[name];
  }
  const device = access.authorize(pageAuthorization);
  if (device !== null) headers.Authorization = device;
  return headers;
}

export function signServerRequests(session: HeaderSession, access: ServerAccess): void {
  if (!access.serverUrl) return;
  const serverOrigin = new URL(access.serverUrl).origin;
  // Every URL, then an exact origin check: match patterns are loose about ports.
  session.webRequest.onBeforeSendHeaders({ urls: ['<all_urls>'] }, (details, callback) => {
    if (new URL(details.url).origin !== serverOrigin) {
      callback({ requestHeaders: details.requestHeaders });
      return;
    }
    callback({ requestHeaders: signedHeaders(access, details.requestHeaders) });
  });
}
