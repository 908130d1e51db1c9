/**
 * The browser shell: serves the built renderer on loopback and carries the device contract over a
 * WebSocket. Only this process's own page may connect: the socket needs a per-run token that is
 * written into the served index.html, and an Origin equal to the page's.
 *
 * Any local process can reach a loopback port, and a web page can point its own DNS name at
 * 127.0.0.1 (DNS rebinding), so the page with its token is served only to a request whose Host
 * names this host exactly and whose path starts with a per-run random key (`/s/<key>/`): the
 * address the launcher prints and opens. The bare address answers 403 with no token.
 *
 * Each screen role has its own token, and the socket's session keeps the role of the token it
 * came with, so the device host refuses what that screen may not do (src/ipc/device-roles.ts):
 * `/` is the cashier's page (the kiosk's on a `--kiosk` host, which never hands out a cashier
 * token), `/kiosk` and `/customer-display` are those screens' pages.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { AppConfig, DeviceResult, HostFrame } from '../../src/ipc/contract';
import { roleMayHear, SCREEN_ROLES } from '../../src/ipc/device-roles';
import type { ScreenRole } from '../../src/ipc/device-roles';
import type { DeviceHost } from './device-host';
import { pageServerUrls } from './server-access';
import { proxyToServer, SYNC_PROXY_PREFIX } from './sync-proxy';

export interface BrowserHostOptions {
  host: string;
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  deviceHost: DeviceHost;
  /** Origins the page may connect to besides itself (the sync-server). */
  connectOrigins: string[];
  /** A kiosk host (`--kiosk`): every page it serves is a kiosk or customer-display screen. */
  kiosk?: boolean;
}

export interface BrowserHost {
  /** The page's address with its per-run key (`http://127.0.0.1:5180/s/<key>`); open this. */
  url: string;
  /** `http://host:port`: what the page's Origin and the Host header must be. */
  origin: string;
  /** The token of the page at `/`. */
  token: string;
  /** The token served with each screen's page; a kiosk host has no cashier token. */
  tokens: Partial<Record<ScreenRole, string>>;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const MAX_FRAME_BYTES = 1024 * 1024;

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function contentSecurityPolicy(selfOrigin: string, connectOrigins: string[]): string {
  const ws = selfOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${ws} ${connectOrigins.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The screen whose page each path serves; `/` is the host's main screen. */
function pageRole(pathname: string, kioskHost: boolean): ScreenRole | undefined {
  if (pathname === '/' || pathname === '/index.html') return kioskHost ? 'kiosk' : 'cashier';
  if (pathname === '/kiosk') return 'kiosk';
  if (pathname === '/customer-display') return 'customer-display';
  return undefined;
}

/**
 * A page that fetches or frames another screen's page could read its token; browsers mark such
 * requests (Sec-Fetch-Dest, which a script cannot set), so only a top-level navigation gets one.
 */
function isNavigation(request: IncomingMessage): boolean {
  const dest = request.headers['sec-fetch-dest'];
  return dest === undefined || dest === 'document';
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const root = resolve(options.staticDir);
  const kioskHost = options.kiosk === true;
  const tokens: Partial<Record<ScreenRole, string>> = {};
  for (const role of SCREEN_ROLES) {
    if (kioskHost && role === 'cashier') continue;
    tokens[role] = randomBytes(24).toString('base64url');
  }
  const token = tokens[kioskHost ? 'kiosk' : 'cashier'] ?? '';
  // Only whoever started the host (and the window it opens) knows this; it changes every run.
  const pageKey = randomBytes(18).toString('base64url');
  const pagePrefix = `/s/${pageKey}`;
  function roleOfToken(given: string): ScreenRole | undefined {
    return SCREEN_ROLES.find((role) => {
      const candidate = tokens[role];
      return candidate !== undefined && sameToken(given, candidate);
    });
  }
  let indexHtml: string;
  try {
    indexHtml = await readFile(join(root, 'index.html'), 'utf8');
  } catch {
    throw new Error(
      `The app is not built: ${join(root, 'index.html')} is missing. Run "npm run build" first.`,
    );
  }
  let origin = '';
  let expectedHost = '';
  let csp = '';

  /** The request names this host exactly: a rebound DNS name or another port is not us. */
  function ownHost(request: IncomingMessage): boolean {
    return request.headers.host === expectedHost;
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const security = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (!ownHost(request)) {
      response
        .writeHead(403, { ...security, 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          `Omnitill answers only at ${origin} on this computer: ` +
            'open the address it printed when it started.',
        );
      return;
    }
    const target = new URL(request.url ?? '/', origin);
    if (target.pathname.startsWith(`${SYNC_PROXY_PREFIX}/`)) {
      // Signed by the page with its page secret; the device secret never leaves this process.
      const rest = target.pathname.slice(SYNC_PROXY_PREFIX.length) + target.search;
      proxyToServer(options.deviceHost.serverAccess, rest, request, response);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...security, Allow: 'GET, HEAD' }).end();
      return;
    }
    const requested = decodeURIComponent(target.pathname);
    if (requested === pagePrefix) {
      // The page's files are relative to it: the address needs its trailing slash.
      response.writeHead(308, { ...security, Location: `${pagePrefix}/` }).end();
      return;
    }
    if (!requested.startsWith(`${pagePrefix}/`)) {
      response
        .writeHead(403, { ...security, 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          'Mở địa chỉ Omnitill in ra khi khởi động (nó đổi mỗi lần chạy). / ' +
            'Open the address Omnitill printed when it started (it changes on every run).',
        );
      return;
    }
    const pathname = requested.slice(pagePrefix.length);
    const role = pageRole(pathname, kioskHost);
    if (role !== undefined) {
      if (!isNavigation(request)) {
        response.writeHead(403, security).end('Open this page in the browser, not from a script.');
        return;
      }
      const html = indexHtml.replace(
        '<head>',
        `<head>\n    <meta name="omnitill-host-token" content="${tokens[role] ?? ''}" />`,
      );
      response.writeHead(200, { ...security, 'Content-Type': MIME['.html'] }).end(html);
      return;
    }
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403, security).end('Forbidden');
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response
        .writeHead(200, {
          ...security,
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        })
        .end(body);
    } catch {
      response.writeHead(404, { ...security, 'Content-Type': 'text/plain' }).end('Not found');
    }
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      response.writeHead(500).end((error as Error).message);
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    const role = roleOfToken(url.searchParams.get('token') ?? '');
    if (
      url.pathname !== '/host' ||
      !ownHost(request) ||
      request.headers.origin !== origin ||
      role === undefined
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws, role));
  });

  /** The page reaches the sync-server through this host's proxy, never directly. */
  function throughProxy(command: unknown, result: DeviceResult<unknown>): DeviceResult<unknown> {
    if (command !== 'app/config' || !result.ok) return result;
    const config = result.value as AppConfig;
    return { ok: true, value: { ...config, ...pageServerUrls(`${origin}${SYNC_PROXY_PREFIX}`) } };
  }

  function attach(ws: WebSocket, role: ScreenRole): void {
    const send = (frame: HostFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const unsubscribe = options.deviceHost.subscribe((event, payload) => {
      if (roleMayHear(role, event)) send({ type: 'event', event, payload });
    });
    ws.on('close', unsubscribe);
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.from(new Uint8Array(data)).toString('utf8');
      let frame: unknown;
      try {
        frame = JSON.parse(text);
      } catch {
        return; // Not ours: a page we serve only sends JSON frames.
      }
      if (typeof frame !== 'object' || frame === null) return;
      const { type, id, command, request } = frame as Record<string, unknown>;
      if (type !== 'invoke' || typeof id !== 'number') return;
      void options.deviceHost
        .invoke(String(command), request, role)
        .then((result) => send({ type: 'result', id, result: throughProxy(command, result) }));
    });
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  expectedHost = `${options.host}:${address.port}`;
  origin = `http://${expectedHost}`;
  csp = contentSecurityPolicy(origin, options.connectOrigins);

  return {
    url: `${origin}${pagePrefix}`,
    origin,
    token,
    tokens,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
