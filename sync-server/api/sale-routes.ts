import { Router } from 'express';
import type { ReturnDoc } from '../../src/documents';
import type { SaleDoc } from '../../src/documents';
import { notFound } from '../http/api-error';
import { fromCouchDoc } from '../storage/couch-doc';
import type { ServerContext } from '../server-context';
import { answer, contractRoute } from './contract-route';

/**
 * A till sale of any store, and every return made against a sale or a web order in any store:
 * a register only replicates its own store's documents, so a return of another store's sale, or
 * of a web order already partly returned elsewhere, asks the server (ARCHITECTURE.md rule 5).
 */
export function saleRoutes(context: ServerContext): Router {
  const router = Router();
  const readers = context.auth.require('admin', 'device');

  async function returnsAgainst(documentId: string): Promise<ReturnDoc[]> {
    await context.index.catchUp();
    return (await context.index.fetch(await context.index.postings('orig', documentId)))
      .map((entry) => fromCouchDoc<ReturnDoc>(entry.doc))
      .sort((a, b) => a.completedAt.localeCompare(b.completedAt));
  }

  contractRoute(router, 'sales/get', readers, async ({ id }) => {
    await context.index.catchUp();
    const [found] = await context.index.fetch(
      (await context.index.locate(id)).filter((entry) => entry.db.startsWith('sales-')).slice(0, 1),
    );
    if (!found) {
      throw notFound(
        `No sale ${id} on the server; check the receipt number, or wait until the store that sold it has synced.`,
      );
    }
    return answer({
      sale: fromCouchDoc<SaleDoc>(found.doc),
      returns: await returnsAgainst(id),
    });
  });

  contractRoute(router, 'returns/list', readers, async (request) =>
    answer({ returns: await returnsAgainst(request.original.trim()) }),
  );
  return router;
}
