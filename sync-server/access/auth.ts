import type { NextFunction, Request, Response } from 'express';
import { ApiError, sendError } from '../http/api-error';
import type { ClientRecord, DeviceRegistry } from './device-registry';
import { AuthThrottle } from './auth-throttle';
import { sameSecret } from './secret-hash';

/** Who is calling, once their credentials have checked out. */
export type Principal =
  | { kind: 'admin' }
  | { kind: 'device'; id: string; storeId: string; name: string }
  | { kind: 'shop'; id: string; name: string };

export type PrincipalKind = Principal['kind'];

const unauthorized = (reason: string): ApiError => new ApiError(401, 'unauthorized', reason);

/** One answer for an unknown device, a wrong secret and a revoked device with a wrong secret. */
const WRONG_CREDENTIALS =
  'Unknown device or wrong secret; check the credentials printed at enrolment (npm run admin -- enroll-device).';

function tooManyFailures(waitMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new ApiError(
    429,
    'too_many_requests',
    `Too many failed sign-ins from this address or for this name; wait ${seconds} s, then check the credentials.`,
    { retryAfter: seconds },
  );
}

function parseBasic(header: string | undefined): { name: string; secret: string } | null {
  if (!header) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { name: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * HTTP Basic, as CouchDB does it: `admin:<admin token>`, `<deviceId>:<secret>` or
 * `<shopId>:<token>`. We never send WWW-Authenticate: a browser would pop up its own login box
 * over the register.
 */
export class Authenticator {
  constructor(
    private readonly adminToken: string,
    private readonly registry: DeviceRegistry,
    private readonly throttle = new AuthThrottle(),
  ) {}

  /**
   * Cheap checks first: the admin token and a device secret that verified before cost a SHA-256
   * and are never throttled. Only what needs scrypt is, per source address and per name: a
   * locked one is answered 429 with Retry-After before any hashing.
   */
  async authenticate(req: Request): Promise<Principal> {
    const header = req.headers.authorization;
    const credentials = parseBasic(header);
    if (!credentials) {
      throw unauthorized(
        header
          ? 'The Authorization header is not valid HTTP Basic; send "Basic base64(name:secret)".'
          : 'Authentication required: send HTTP Basic credentials (admin:<admin token>, or the deviceId and secret of an enrolled device).',
      );
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    const { name, secret } = credentials;
    if (name === 'admin' && sameSecret(secret, this.adminToken)) return { kind: 'admin' };
    const quick = name === 'admin' ? null : this.registry.quickCheck(name, secret);
    let record: ClientRecord | 'revoked' | null;
    if (quick !== null && quick !== 'unverified') {
      record = quick;
    } else if (quick === 'unverified' && this.registry.isChecking(name, secret)) {
      // A register's parallel first requests after a start wait for one scrypt, unthrottled.
      record = await this.registry.authenticate(name, secret);
    } else {
      const waitMs = await this.throttle.admit(address, name);
      // Its Retry-After header is set where every refusal is sent (sendError).
      if (waitMs > 0) throw tooManyFailures(waitMs);
      try {
        record = quick === null ? null : await this.registry.authenticate(name, secret);
      } catch (error) {
        this.throttle.failed(address, name);
        throw error;
      }
      if (record === null) this.throttle.failed(address, name);
      else this.throttle.succeeded(address, name);
    }
    if (record === null) {
      throw unauthorized(
        name === 'admin'
          ? 'Wrong admin token; use the token printed on first start or OMNITILL_ADMIN_TOKEN.'
          : WRONG_CREDENTIALS,
      );
    }
    if (record === 'revoked') {
      throw unauthorized(
        `Device ${credentials.name} was revoked; ask an administrator to enrol this register again.`,
      );
    }
    if (record.kind === 'shop') return { kind: 'shop', id: record._id, name: record.name };
    return { kind: 'device', id: record._id, storeId: record.storeId ?? '', name: record.name };
  }

  /** Express middleware: authenticates and keeps the principal in res.locals for the route. */
  require(...allowed: PrincipalKind[]) {
    return (req: Request, res: Response, next: NextFunction): void => {
      this.authenticate(req).then(
        (principal) => {
          if (!allowed.includes(principal.kind)) {
            sendError(
              res,
              new ApiError(
                403,
                'forbidden',
                `This endpoint is for ${allowed.join(' or ')} credentials; a ${principal.kind} may not call it.`,
              ),
            );
            return;
          }
          res.locals.principal = principal;
          next();
        },
        (error: unknown) => sendError(res, error),
      );
    };
  }
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('Route reached without authentication middleware.');
  return principal;
}
