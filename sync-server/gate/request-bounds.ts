import type { Request } from 'express';
import { ApiError, badRequest, forbidden } from '../http/api-error';
import type { Principal } from '../access/auth';
import type { DatabaseName } from '../storage/database-layout';
import { isPlainObject } from '../http/read-json-body';
import type { ServerIndex } from '../index/server-index';

/**
 * Bounded work per request on /db: a device's request must cost about what its answer holds.
 * Mango queries (`_find`) run without an index on the embedded store, and `$regex` lets a caller
 * pick the regular expression and the text (a customer name it wrote), so one request could
 * hold the event loop for seconds. Registers keep their own indexes and need one query only: a
 * customer's loyalty ledger (renderer/lookup/customer-ledger.ts, ledgerFor), answered here
 * from the server index. Nobody, the administrator included, may send `$regex`.
 */

/** The register's ledger query gets at most this many entries (a customer has far fewer). */
export const MAX_FIND_LIMIT = 10_000;

const QUERY_ENDPOINTS = new Set(['_find', '_explain']);
/** `_changes` parameters that make the server evaluate caller-chosen filters per change. */
const CHANGES_FILTERS = ['filter', 'selector', 'view', 'doc_ids'];

export type ReadGuard = { kind: 'pass' } | { kind: 'answer'; status: number; body: unknown };

/** The endpoint after the database in a /db path (`_find`, `_changes`, a doc id), if any. */
export function endpointOf(path: string): string | undefined {
  const segment = path.split('/').filter(Boolean)[1];
  return segment === undefined ? undefined : safeDecode(segment);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** True when a key `$regex` appears anywhere in the value (bodies are depth-limited). */
export function mentionsRegex(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsRegex);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([key, inner]) => key === '$regex' || mentionsRegex(inner));
}

export function refuseRegex(body: unknown, query: unknown): void {
  if (mentionsRegex(body) || JSON.stringify(query ?? {}).includes('$regex')) {
    throw badRequest(
      '$regex is not accepted: its cost is unbounded. Match exact values (a loyalty card, a phone) through GET /api/v1/customers, or filter on the register.',
    );
  }
}

/**
 * What a read-only request of a device may do before it reaches the store: `_find` only as the
 * ledger query (answered from the index), `_changes` without caller-chosen filters.
 */
export async function guardDeviceRead(
  req: Request,
  principal: Principal,
  database: DatabaseName,
  body: unknown,
  index: ServerIndex,
): Promise<ReadGuard> {
  if (principal.kind === 'admin') return { kind: 'pass' };
  const endpoint = endpointOf(req.path);
  if (endpoint === '_changes') {
    const filter = CHANGES_FILTERS.find(
      (name) => req.query[name] !== undefined || (isPlainObject(body) && name in body),
    );
    if (filter) {
      throw forbidden(
        `_changes with "${filter}" is for the server administrator; registers read the whole feed of their databases`,
      );
    }
    return { kind: 'pass' };
  }
  if (endpoint === undefined || !QUERY_ENDPOINTS.has(endpoint)) return { kind: 'pass' };
  const customerId = ledgerQueryOf(database, endpoint, body);
  const limit = isPlainObject(body) && typeof body.limit === 'number' ? body.limit : 25;
  await index.catchUp();
  const postings = await index.postings('loy', customerId, database.name);
  const found = await index.fetch(postings.slice(0, Math.min(limit, MAX_FIND_LIMIT)));
  return { kind: 'answer', status: 200, body: { docs: found.map((entry) => entry.doc) } };
}

/** The customer of `{"selector": {"customerId": "…"}, "limit": n}` on loyalty, else a 403. */
function ledgerQueryOf(database: DatabaseName, endpoint: string, body: unknown): string {
  const refuse = (): never => {
    throw new ApiError(
      403,
      'forbidden',
      'Devices may query with _find only as {"selector": {"customerId": "<id>"}, "limit": n} on loyalty; read other data from your replica or the /api/v1 routes.',
    );
  };
  if (endpoint !== '_find' || database.collection !== 'loyalty' || !isPlainObject(body)) {
    return refuse();
  }
  const { selector, limit, ...rest } = body;
  if (Object.keys(rest).length > 0 || !isPlainObject(selector)) return refuse();
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) > 0)) return refuse();
  const keys = Object.keys(selector);
  const value = selector.customerId;
  const customerId = isPlainObject(value) && Object.keys(value).length === 1 ? value.$eq : value;
  if (keys.length !== 1 || typeof customerId !== 'string' || customerId === '') return refuse();
  return customerId;
}
