import type { Request, Response } from 'express';
import { ApiError } from '../http/api-error';
import { isPlainObject } from '../http/read-json-body';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import { worksInStore } from '../../src/staff/staff-rules';
import type { PinHash } from '../../src/documents';
import { pinVerifier } from '../access/staff-pin';
import { endpointOf } from './request-bounds';

/**
 * A register receives only the staff who may work in its store (issue #15: every register held
 * every PIN hash of the chain). The staff database stays one shared database; a device's reads
 * of it are answered by the backend as usual and filtered here on the way out, by the members'
 * current documents:
 * - `_changes`: another store's member comes as a removed change (`deleted`, a bare tombstone
 *   doc), so a member moved away is dropped from the register at its next pull;
 * - `_all_docs`: left out (asked by `keys`: `not_found`); `_bulk_get`: `not_found`;
 * - one document (and its attachments, revisions): 404 before the backend is asked.
 * `_changes` is answered at once (`feed=normal`) with the documents, which the filter needs.
 * Every member's document leaves with its PIN hash replaced by this device's verifier
 * (`pinVerifier`, docs/SECURITY.md "Staff PINs"): a copied replica holds nothing a PIN can be
 * guessed against without the register's device key.
 */

type Json = Record<string, unknown>;

const notFound = (): ApiError => new ApiError(404, 'not_found', 'missing');

/** Ids among these whose member may work in the store. */
async function allowedIds(
  store: DocumentStore,
  storeId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const current = await store.getCurrent('staff', [...new Set(ids)]);
  const allowed = new Set<string>();
  for (const [id, doc] of current) {
    if (!doc._deleted && Array.isArray(doc.storeIds) && worksIn(doc, storeId)) allowed.add(id);
  }
  return allowed;
}

function worksIn(doc: StoredDoc, storeId: string): boolean {
  const storeIds = (doc.storeIds as unknown[]).filter((id): id is string => typeof id === 'string');
  return worksInStore({ storeIds }, storeId);
}

function setQuery(req: Request, name: string, value: string): void {
  const url = new URL(req.url, 'http://gate');
  url.searchParams.set(name, value);
  req.url = url.pathname + url.search;
  (req.query as Record<string, unknown>)[name] = value;
}

/**
 * Prepares a device's read of the staff database: refuses another store's document, or has
 * the answer filtered. Call before handing the request to the backend.
 */
export async function filterStaffRead(
  req: Request,
  res: Response,
  storeId: string,
  body: unknown,
  store: DocumentStore,
  pinKey: Uint8Array,
): Promise<void> {
  const keyed = (doc: unknown): unknown => withVerifier(doc, pinKey);
  const endpoint = endpointOf(req.path);
  if (endpoint === undefined || endpoint === '_local' || endpoint === '_revs_diff') return;
  if (endpoint === '_missing_revs' || endpoint === '_design' || endpoint === '_index') return;
  if (endpoint === '_changes') {
    const askedDocs = req.query.include_docs === 'true';
    setQuery(req, 'feed', 'normal');
    setQuery(req, 'include_docs', 'true');
    return filterAnswer(req, res, async (answer) => {
      if (!isPlainObject(answer) || !Array.isArray(answer.results)) return answer;
      const rows = answer.results.filter(isPlainObject);
      const allowed = await allowedIds(store, storeId, rows.map(idOf));
      const results = rows.map((row) => changeRow(row, allowed.has(idOf(row)), askedDocs, keyed));
      return { ...answer, results };
    });
  }
  if (endpoint === '_all_docs') {
    const byKeys =
      req.query.keys !== undefined ||
      req.query.key !== undefined ||
      (isPlainObject(body) && Array.isArray(body.keys));
    return filterAnswer(req, res, async (answer) => {
      if (!isPlainObject(answer) || !Array.isArray(answer.rows)) return answer;
      const rows = answer.rows.filter(isPlainObject);
      const allowed = await allowedIds(store, storeId, rows.map(idOf));
      const kept = rows.flatMap((row) => {
        if (typeof row.id !== 'string') return [row];
        if (allowed.has(row.id))
          return [row.doc === undefined ? row : { ...row, doc: keyed(row.doc) }];
        return byKeys ? [{ key: row.key ?? row.id, error: 'not_found' }] : [];
      });
      return { ...answer, rows: kept };
    });
  }
  if (endpoint === '_bulk_get') {
    return filterAnswer(req, res, async (answer) => {
      if (!isPlainObject(answer) || !Array.isArray(answer.results)) return answer;
      const rows = answer.results.filter(isPlainObject);
      const allowed = await allowedIds(store, storeId, rows.map(idOf));
      const results = rows.map((row) =>
        allowed.has(idOf(row))
          ? {
              ...row,
              docs: Array.isArray(row.docs) ? row.docs.map(keyedRevision(keyed)) : row.docs,
            }
          : {
              id: row.id,
              docs: [{ error: { id: row.id, error: 'not_found', reason: 'missing' } }],
            },
      );
      return { ...answer, results };
    });
  }
  if (endpoint.startsWith('_')) throw notFound();
  // One document, its revisions or an attachment.
  const allowed = await allowedIds(store, storeId, [endpoint]);
  if (!allowed.has(endpoint)) throw notFound();
  // `open_revs` answers an array of `{ ok: doc }`. CouchDB sends it (and a document with
  // attachments) as multipart unless asked for JSON, which the filter must read; an attachment
  // itself is not JSON (fails closed).
  req.headers.accept = 'application/json';
  return filterAnswer(req, res, (answer) =>
    Promise.resolve(Array.isArray(answer) ? answer.map(keyedRevision(keyed)) : keyed(answer)),
  );
}

/** A member's document with its PIN hash replaced by the device's verifier. */
function withVerifier(doc: unknown, pinKey: Uint8Array): unknown {
  if (!isPlainObject(doc) || !isPlainObject(doc.pin)) return doc;
  const pin = doc.pin;
  if (pin.algorithm !== 'pbkdf2-sha256' || typeof pin.hash !== 'string') return doc;
  return { ...doc, pin: pinVerifier(pinKey, pin as unknown as PinHash) };
}

/** A `{ ok: doc }` (or `{ missing }`, `{ error }`) item of `_bulk_get` or `open_revs`. */
const keyedRevision =
  (keyed: (doc: unknown) => unknown) =>
  (item: unknown): unknown =>
    isPlainObject(item) && item.ok !== undefined ? { ...item, ok: keyed(item.ok) } : item;

const idOf = (row: Json): string => (typeof row.id === 'string' ? row.id : '');

function changeRow(
  row: Json,
  allowed: boolean,
  askedDocs: boolean,
  keyed: (doc: unknown) => unknown,
): Json {
  if (allowed || row.deleted === true) {
    if (askedDocs) return row.doc === undefined ? row : { ...row, doc: keyed(row.doc) };
    const { doc: _doc, ...rest } = row;
    return rest;
  }
  const changes = Array.isArray(row.changes) ? row.changes.filter(isPlainObject) : [];
  const rev = typeof changes[0]?.rev === 'string' ? changes[0].rev : undefined;
  return {
    seq: row.seq,
    id: row.id,
    changes: changes.slice(0, 1),
    deleted: true,
    ...(askedDocs ? { doc: { _id: row.id, _rev: rev, _deleted: true } } : {}),
  };
}

/**
 * Holds the backend's answer, passes a successful JSON answer through `transform` and sends
 * that instead. Anything it cannot read is not sent (fail closed: a 502 saying so).
 */
function filterAnswer(
  req: Request,
  res: Response,
  transform: (answer: unknown) => Promise<unknown>,
) {
  // A compressed answer could not be read here.
  delete req.headers['accept-encoding'];
  const chunks: Buffer[] = [];
  const originalEnd = res.end.bind(res) as (chunk: Buffer) => Response;
  const collect = (chunk: unknown, encoding: unknown): void => {
    if (typeof chunk === 'string') {
      chunks.push(
        Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
      );
    } else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  // express-pouchdb's compression middleware sends the head (with the unfiltered length)
  // before the body: keep its status and headers, and send the head with the filtered body.
  const originalWriteHead = res.writeHead.bind(res);
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find(isPlainObject);
    for (const [name, value] of Object.entries(headers ?? {})) {
      if (name.toLowerCase() !== 'content-length') res.setHeader(name, value as string);
    }
    return res;
  }) as Response['writeHead'];
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    collect(chunk, encoding);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    if (typeof chunk !== 'function') collect(chunk, encoding);
    void finish();
    return res;
  }) as Response['end'];

  const send = (status: number, body: Buffer): void => {
    res.writeHead = originalWriteHead;
    if (!res.headersSent) {
      res.status(status);
      res.removeHeader('content-encoding');
      res.removeHeader('etag');
      res.setHeader('content-length', String(body.length));
    }
    originalEnd(body);
  };

  async function finish(): Promise<void> {
    const raw = Buffer.concat(chunks);
    if (res.statusCode < 200 || res.statusCode >= 300) return send(res.statusCode, raw);
    try {
      const answer: unknown = JSON.parse(raw.toString('utf8'));
      if (!isPlainObject(answer) && !Array.isArray(answer)) throw new Error('not JSON documents');
      send(res.statusCode, Buffer.from(JSON.stringify(await transform(answer))));
    } catch (error) {
      const reason = `The staff list could not be filtered for this register (${String(error)}); retry.`;
      res.setHeader('content-type', 'application/json');
      send(502, Buffer.from(JSON.stringify({ error: 'bad_gateway', reason })));
    }
  }
}
