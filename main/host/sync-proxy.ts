/**
 * The browser shell's way to the sync-server: the page sends its sync and API requests to
 * `/sync/…` on the host, signed with its per-run page secret; the host sends them on with the
 * device's credentials (server-access.ts). Anything not signed by the page is answered 401 here
 * and never reaches the server. When the server cannot be reached the page's request fails as a
 * network error, as it would without the proxy, so the register shows itself offline.
 */
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ServerAccess } from './server-access';

export const SYNC_PROXY_PREFIX = '/sync';

/** Per-connection headers, and what must not travel on (the page's cookies, its Host). */
const NOT_FORWARDED = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
  'cookie',
  'authorization',
]);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!NOT_FORWARDED.has(name)) kept[name] = value;
  }
  return kept;
}

export function proxyToServer(
  access: ServerAccess,
  pathAndQuery: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const authorization = access.authorize(request.headers.authorization);
  if (authorization === null) {
    response
      .writeHead(401, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      .end(
        JSON.stringify({
          error: 'unauthorized',
          reason: 'Only the Omnitill page this host served may use its sync-server connection.',
        }),
      );
    return;
  }
  const target = new URL(`${access.serverUrl}${pathAndQuery}`);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(
    target,
    {
      method: request.method ?? 'GET',
      headers: { ...forwardable(request.headers), authorization },
    },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
      answer.pipe(response);
    },
  );
  // Unreachable server: end the page's request as a network failure (offline), not an answer.
  upstream.once('error', () => response.destroy());
  // The page gave up (a long-poll it aborted, a closed tab): stop waiting on the server too.
  response.once('close', () => upstream.destroy());
  request.pipe(upstream);
}
