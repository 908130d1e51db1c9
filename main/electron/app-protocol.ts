/**
 * The `app://omnitill/` protocol that serves the built renderer (dist/renderer) to the Electron
 * windows.
 *
 * Why a custom scheme and not file://: a privileged standard scheme gives the renderer a real,
 * stable origin. CSP 'self' then means exactly "our bundle", IndexedDB (the RxDB replica) is keyed
 * to an origin that never changes with the install folder, and a page can never read arbitrary
 * files from disk the way a file:// page can. The handler below serves only files inside the
 * renderer folder and attaches the Content Security Policy to every response.
 */
import type { CustomScheme } from 'electron';
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'omnitill';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Registered before `app.ready`: standard + secure so the page is a secure context with an origin. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    // Vite emits `<script type="module" crossorigin>`: module scripts are fetched in CORS mode.
    corsEnabled: true,
    codeCache: true,
    // Deliberately not bypassCSP, not allowServiceWorkers, not stream.
  },
};

/** The URL a window loads for a renderer route (hash routing, so one index.html serves all). */
export function rendererUrl(route: string): string {
  return `${APP_ORIGIN}/index.html#${route}`;
}

/** True for any URL inside our app origin (the only place a window may be). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // URL.origin is "null" for non-special schemes, so compare scheme and host instead.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Maps a request URL to a file inside `rendererRoot`, or null when the URL is not ours or would
 * escape the folder (`..`, encoded separators, NUL bytes).
 */
export function resolveAppAsset(requestUrl: string, rendererRoot: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  // Decoding can reveal separators and dot segments the URL parser did not see: refuse them.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').includes('..')) return null;
  const relative = path.posix.normalize(pathname === '/' ? '/index.html' : pathname);
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  // Module scripts are refused unless served with a JavaScript MIME type.
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppRequest {
  url: string;
  method: string;
}

export interface ServeOptions {
  rendererRoot: string;
  contentSecurityPolicy: string;
  readFile: (file: string) => Promise<Uint8Array>;
}

/** Security headers sent with every app:// response, not only the document. */
export function responseHeaders(contentType: string, csp: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': 'no-cache',
  };
}

/** The protocol handler body, without Electron: request in, Response out. */
export async function serveAppRequest(
  request: AppRequest,
  options: ServeOptions,
): Promise<Response> {
  const csp = options.contentSecurityPolicy;
  const refuse = (status: number, extra: Record<string, string> = {}): Response =>
    new Response(null, { status, headers: { ...responseHeaders('text/plain', csp), ...extra } });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return refuse(405, { allow: 'GET, HEAD' });
  }
  const file = resolveAppAsset(request.url, options.rendererRoot);
  if (file === null) return refuse(404);
  let body: Uint8Array;
  try {
    body = await options.readFile(file);
  } catch {
    // Missing file or a folder: the renderer asked for something the build did not emit.
    return refuse(404);
  }
  const headers = responseHeaders(contentTypeOf(file), csp);
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
