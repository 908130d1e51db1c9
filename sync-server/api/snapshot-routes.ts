import { Router } from 'express';
import { SNAPSHOT_DATABASES } from '../../src/api';
import type { SnapshotDatabase } from '../../src/api';
import { principalOf } from '../access/auth';
import { customerReadScope } from '../gate/customer-read-scope';
import { sinceForStore } from '../gate/foreign-checkpoint';
import type { ReadScope } from '../gate/scoped-read-filter';
import { badRequest, forbidden, notFound } from '../http/api-error';
import type { ServerContext } from '../server-context';
import type { ChangeSeq, StoredDoc } from '../storage/document-store';
import { answer, contractRoute } from './contract-route';

/** Documents per chunk: a register asks for this many unless it says otherwise. */
export const SNAPSHOT_CHUNK_DEFAULT = 2000;
/**
 * At most this many per chunk: one chunk is one read of the changes feed and one JSON answer of
 * a few megabytes, so no request holds the event loop for long however big the catalog.
 */
export const SNAPSHOT_CHUNK_MAX = 5000;

function isSnapshotDatabase(db: string): db is SnapshotDatabase {
  return (SNAPSHOT_DATABASES as readonly string[]).includes(db);
}

/** The same read filter as the register's replication of that database (scoped-read-filter.ts). */
function scopeOf(context: ServerContext, db: SnapshotDatabase, storeId: string): ReadScope | null {
  return db === 'customers' ? customerReadScope(context, storeId) : null;
}

function chunkSize(limit: string | undefined): number {
  if (limit === undefined) return SNAPSHOT_CHUNK_DEFAULT;
  const size = Number(limit);
  if (!Number.isSafeInteger(size) || size < 1 || size > SNAPSHOT_CHUNK_MAX) {
    throw badRequest(
      `limit must be a whole number from 1 to ${SNAPSHOT_CHUNK_MAX} (documents per chunk); leave it out for ${SNAPSHOT_CHUNK_DEFAULT}.`,
      { field: 'limit' },
    );
  }
  return size;
}

/** A `since` from this store's own feed, as the store takes it (another store's reads as 0). */
function sinceOf(context: ServerContext, since: string | undefined): ChangeSeq | undefined {
  if (since === undefined) return undefined;
  const kept = sinceForStore(since, context.store.kind);
  return context.store.kind === 'embedded' ? Number(kept) : kept;
}

/**
 * A fresh register's first sync in chunks (issue #19): each chunk is one page of the database's
 * changes feed read through the register's read filter, so a register that bulk-inserts every
 * chunk and then follows the feed live from the last chunk's `lastSeq` holds what replication
 * would have given it. A document written while the chunks stream has a later sequence than any
 * chunk already sent: it comes again in a later chunk or in the live pull, never missed.
 * Deletions and documents outside the register's scope are left out: a fresh register has
 * nothing to remove.
 */
export function snapshotRoutes(context: ServerContext): Router {
  const router = Router();
  contractRoute(router, 'sync/snapshot', context.auth.require('device'), async (request, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'device') throw forbidden('Only a register reads a snapshot.');
    const db = request.db;
    if (!isSnapshotDatabase(db)) {
      throw notFound(
        `There is no snapshot of "${db}": ask for ${SNAPSHOT_DATABASES.join(' or ')}, and replicate the other databases as usual.`,
      );
    }
    const limit = chunkSize(request.limit);
    const [page, total] = await Promise.all([
      context.store.changesSince(db, sinceOf(context, request.since), limit),
      context.store.documentCount(db),
    ]);
    const live = page.results
      .map((change) => change.doc)
      .filter((doc): doc is StoredDoc => doc !== undefined && doc._deleted !== true);
    const scope = scopeOf(context, db, principal.storeId);
    let docs: unknown[] = live;
    if (scope) {
      const allowed = await scope.allowedIds(live.map((doc) => doc._id));
      const shape = scope.shape ?? ((doc: unknown) => doc);
      docs = live.filter((doc) => allowed.has(doc._id)).map(shape);
    }
    return answer({
      docs: docs as Record<string, unknown>[],
      lastSeq: page.lastSeq,
      more: page.more,
      total,
    });
  });
  return router;
}
