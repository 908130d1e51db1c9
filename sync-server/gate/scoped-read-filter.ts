import type { Request, Response } from 'express';
import { ApiError } from '../http/api-error';
import { isPlainObject } from '../http/read-json-body';
import { endpointOf } from './request-bounds';

/**
 * A device's reads of a shared database narrowed to the documents its store may hold (issue
 * #15): staff (staff-read-filter.ts), customers and loyalty entries (customer-read-scope.ts).
 * The database stays one shared database; the backend answers as usual and the answer is
 * filtered here on the way out, by the documents' current versions:
 * - `_changes`: a document out of scope comes as a removed change (`deleted`, a bare tombstone
 *   doc), so one that leaves the scope is dropped from the register at its next pull;
 * - `_all_docs`: left out (asked by `keys`: `not_found`); `_bulk_get`: `not_found`;
 * - one document (and its attachments, revisions): 404 before the backend is asked.
 * `_changes` is answered at once (`feed=normal`) with the documents, which the filter needs.
 * Every document in scope leaves through `shape` (staff: the PIN hash becomes a verifier).
 */
export interface ReadScope {
  /** The ids among these whose documents the device may read. */
  allowedIds(ids: readonly string[]): Promise<Set<string>>;
  /** What a readable document becomes on its way out; default: as stored. */
  shape?: (doc: unknown) => unknown;
  /** What the database holds, for the message when an answer cannot be filtered ("staff list"). */
  what: string;
}

type Json = Record<string, unknown>;

const notFound = (): ApiError => new ApiError(404, 'not_found', 'missing');

function setQuery(req: Request, name: string, value: string): void {
  const url = new URL(req.url, 'http://gate');
  url.searchParams.set(name, value);
  req.url = url.pathname + url.search;
  (req.query as Record<string, unknown>)[name] = value;
}

/**
 * Prepares a device's read of a scoped database: refuses a document out of scope, or has the
 * answer filtered. Call before handing the request to the backend.
 */
export async function filterScopedRead(
  req: Request,
  res: Response,
  body: unknown,
  scope: ReadScope,
): Promise<void> {
  const shape = scope.shape ?? ((doc: unknown) => doc);
  const endpoint = endpointOf(req.path);
  if (endpoint === undefined || endpoint === '_local' || endpoint === '_revs_diff') return;
  if (endpoint === '_missing_revs' || endpoint === '_design' || endpoint === '_index') return;
  if (endpoint === '_changes') {
    const askedDocs = req.query.include_docs === 'true';
    setQuery(req, 'feed', 'normal');
    setQuery(req, 'include_docs', 'true');
    return filterAnswer(req, res, scope.what, async (answer) => {
      if (!isPlainObject(answer) || !Array.isArray(answer.results)) return answer;
      const rows = answer.results.filter(isPlainObject);
      const allowed = await scope.allowedIds(rows.map(idOf));
      const results = rows.map((row) => changeRow(row, allowed.has(idOf(row)), askedDocs, shape));
      return { ...answer, results };
    });
  }
  if (endpoint === '_all_docs') {
    const byKeys =
      req.query.keys !== undefined ||
      req.query.key !== undefined ||
      (isPlainObject(body) && Array.isArray(body.keys));
    return filterAnswer(req, res, scope.what, async (answer) => {
      if (!isPlainObject(answer) || !Array.isArray(answer.rows)) return answer;
      const rows = answer.rows.filter(isPlainObject);
      const allowed = await scope.allowedIds(rows.map(idOf));
      const kept = rows.flatMap((row) => {
        if (typeof row.id !== 'string') return [row];
        if (allowed.has(row.id))
          return [row.doc === undefined ? row : { ...row, doc: shape(row.doc) }];
        return byKeys ? [{ key: row.key ?? row.id, error: 'not_found' }] : [];
      });
      return { ...answer, rows: kept };
    });
  }
  if (endpoint === '_bulk_get') {
    return filterAnswer(req, res, scope.what, async (answer) => {
      if (!isPlainObject(answer) || !Array.isArray(answer.results)) return answer;
      const rows = answer.results.filter(isPlainObject);
      const allowed = await scope.allowedIds(rows.map(idOf));
      const results = rows.map((row) =>
        allowed.has(idOf(row))
          ? {
              ...row,
              docs: Array.isArray(row.docs) ? row.docs.map(shapedRevision(shape)) : row.docs,
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
  const allowed = await scope.allowedIds([endpoint]);
  if (!allowed.has(endpoint)) throw notFound();
  // `open_revs` answers an array of `{ ok: doc }`. CouchDB sends it (and a document with
  // attachments) as multipart unless asked for JSON, which the filter must read; an attachment
  // itself is not JSON (fails closed).
  req.headers.accept = 'application/json';
  return filterAnswer(req, res, scope.what, (answer) =>
    Promise.resolve(Array.isArray(answer) ? answer.map(shapedRevision(shape)) : shape(answer)),
  );
}

/** A `{ ok: doc }` (or `{ missing }`, `{ error }`) item of `_bulk_get` or `open_revs`. */
const shapedRevision =
  (shape: (doc: unknown) => unknown) =>
  (item: unknown): unknown =>
    isPlainObject(item) && item.ok !== undefined ? { ...item, ok: shape(item.ok) } : item;

const idOf = (row: Json): string => (typeof row.id === 'string' ? row.id : '');

function changeRow(
  row: Json,
  allowed: boolean,
  askedDocs: boolean,
  shape: (doc: unknown) => unknown,
): Json {
  if (allowed || row.deleted === true) {
    if (askedDocs) return row.doc === undefined ? row : { ...row, doc: shape(row.doc) };
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
  what: string,
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
      const reason = `The ${what} could not be filtered for this register (${String(error)}); retry.`;
      res.setHeader('content-type', 'application/json');
      send(502, Buffer.from(JSON.stringify({ error: 'bad_gateway', reason })));
    }
  }
}
