import type { NextFunction, Request, Response } from 'express';

const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Idempotency-Key';
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS';

/**
 * The register runs in a browser tab on another loopback port or in Electron, so any Origin is
 * allowed (reflected). Credentials travel in the Authorization header, never in cookies, so
 * Allow-Credentials is not sent and reflecting the origin grants no ambient authority.
 */
export function cors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Content-Type, Location');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
    return;
  }
  next();
}

/**
 * No response may carry WWW-Authenticate: a browser would pop its own login box over the
 * register. Guarded at the lowest level so express-pouchdb cannot add one either.
 */
export function withoutWwwAuthenticate(_req: Request, res: Response, next: NextFunction): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) =>
    name.toLowerCase() === 'www-authenticate' ? res : setHeader(name, value);
  next();
}
