import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Request, RequestHandler, Response } from 'express';
import { sendJson } from '../http/api-error';
import type { CouchDocumentStore } from './couchdb-document-store';

/** Hop-by-hop and credential headers never cross the proxy. */
const DROP_REQUEST = new Set(['host', 'authorization', 'cookie', 'content-length', 'connection']);
const DROP_RESPONSE = new Set([
  'www-authenticate',
  'set-cookie',
  'connection',
  'transfer-encoding',
]);

/**
 * The pass-through half of /db in --couchdb mode: reads the gate allowed go to the external
 * CouchDB with the server's own credentials, and the answer comes back as is. Writes never come
 * here: the gate validates and writes them through the CouchDocumentStore.
 */
export function couchdbProxy(store: CouchDocumentStore): RequestHandler {
  const base = new URL(store.baseUrl + '/');
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;
  return (req: Request, res: Response) => {
    // Our database names carry the store's prefix on the CouchDB; server-wide paths (_all_dbs,
    // _session) do not.
    const path = req.url.replace(/^\//, '');
    const target = new URL(
      store.prefix && !path.startsWith('_') && path !== '' ? store.prefix + path : path,
      base,
    );
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !DROP_REQUEST.has(name)) headers[name] = value;
    }
    if (store.authorization) headers.authorization = store.authorization;
    const parsed = (req as Request & { _body?: boolean })._body === true;
    const body = parsed ? JSON.stringify(req.body) : undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const upstream = send(target, { method: req.method, headers }, (answer) => {
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !DROP_RESPONSE.has(name)) res.setHeader(name, value);
      }
      res.status(answer.statusCode ?? 502);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      sendJson(res, 502, {
        error: 'bad_gateway',
        reason: `The CouchDB at ${store.baseUrl} did not answer (${error.message}); check that it runs and the --couchdb URL.`,
      });
    });
    // A register that goes away mid long-poll must not leave the upstream request hanging.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (body !== undefined) upstream.end(body);
    else req.pipe(upstream);
  };
}
