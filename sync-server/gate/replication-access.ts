import type { Principal } from '../access/auth';
import type { DatabaseName } from '../storage/database-layout';
import { parseDatabaseName } from '../storage/database-layout';

/**
 * What a request to /db is, in CouchDB's terms, so the gate can decide who may make it. Writes
 * of documents are not passed through: the gate validates and writes them itself.
 */
export type ReplicationRoute =
  | { kind: 'root' }
  | { kind: 'session' }
  /** Server-wide endpoints (_all_dbs, _uuids, _replicate...): admin only. */
  | { kind: 'server-admin'; name: string }
  | { kind: 'unknown-database'; name: string }
  | { kind: 'read'; database: DatabaseName }
  /** Checkpoints of replicators (`_local/...`): any reader of the database may keep them. */
  | { kind: 'local-write'; database: DatabaseName }
  | { kind: 'bulk-docs'; database: DatabaseName }
  | { kind: 'doc-write'; database: DatabaseName; docId: string | null }
  | { kind: 'doc-delete'; database: DatabaseName; docId: string }
  | { kind: 'attachment-write'; database: DatabaseName }
  /** Creating or deleting a database, compaction, security, design documents: admin only. */
  | { kind: 'database-admin'; database: DatabaseName; what: string }
  | { kind: 'method-not-allowed'; method: string };

/** Database endpoints that only read, whatever the HTTP method (POST carries a query body). */
const READ_ENDPOINTS = new Set([
  '_all_docs',
  '_changes',
  '_bulk_get',
  '_revs_diff',
  '_missing_revs',
  '_find',
  '_explain',
  '_ensure_full_commit',
]);

const isRead = (method: string): boolean => method === 'GET' || method === 'HEAD';

export function classifyReplicationRequest(method: string, path: string): ReplicationRoute {
  const segments = path
    .split('/')
    .filter((segment, index) => index > 0 || segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  const [first, second, third] = segments;
  if (first === undefined) return { kind: 'root' };
  if (first === '_session') return { kind: 'session' };
  if (first.startsWith('_')) return { kind: 'server-admin', name: first };

  const database = parseDatabaseName(first);
  if (!database) return { kind: 'unknown-database', name: first };

  if (second === undefined) {
    if (isRead(method)) return { kind: 'read', database };
    if (method === 'POST') return { kind: 'doc-write', database, docId: null };
    if (method === 'PUT' || method === 'DELETE') {
      return { kind: 'database-admin', database, what: `${method} a database` };
    }
    return { kind: 'method-not-allowed', method };
  }
  if (second === '_bulk_docs') {
    return method === 'POST'
      ? { kind: 'bulk-docs', database }
      : { kind: 'method-not-allowed', method };
  }
  if (READ_ENDPOINTS.has(second)) return { kind: 'read', database };
  if (second === '_local') {
    return isRead(method) ? { kind: 'read', database } : { kind: 'local-write', database };
  }
  if (second === '_design' || second === '_index') {
    return isRead(method)
      ? { kind: 'read', database }
      : { kind: 'database-admin', database, what: `write ${second} documents` };
  }
  if (second.startsWith('_')) return { kind: 'database-admin', database, what: second };

  // A document, or one of its attachments.
  if (segments.length > 2 || third !== undefined) {
    return isRead(method) ? { kind: 'read', database } : { kind: 'attachment-write', database };
  }
  if (isRead(method)) return { kind: 'read', database };
  if (method === 'PUT') return { kind: 'doc-write', database, docId: second };
  if (method === 'DELETE') return { kind: 'doc-delete', database, docId: second };
  return { kind: 'database-admin', database, what: `${method} a document` };
}

/**
 * Who reads what (docs/DATA.md): every device reads the shared databases and all of its own
 * store's; nothing of another store. Shops have no business with replication at all.
 */
export function readProblem(principal: Principal, database: DatabaseName): string | null {
  switch (principal.kind) {
    case 'admin':
      return null;
    case 'shop':
      return 'shop credentials only place web orders (POST /api/v1/orders); they do not replicate';
    case 'device':
      if (database.kind === 'shared' || database.storeId === principal.storeId) return null;
      return `this device belongs to store ${principal.storeId}; it may replicate the shared databases and ${database.collection}-${principal.storeId}, not ${database.name}`;
  }
}
