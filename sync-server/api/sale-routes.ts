import { Router } from 'express';
import type { ReturnDoc } from '../../src/documents';
import type { SaleDoc } from '../../src/documents';
import type { SaleReply } from '../../src/api';
import { ApiError, badRequest, notFound } from '../http/api-error';
import { receiptNumberKey } from '../index/index-projections';
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

  async function saleReply(
    located: readonly { db: string; id: string }[],
    missing: string,
  ): Promise<SaleReply> {
    const [found] = await context.index.fetch(located.slice(0, 1));
    if (!found) throw notFound(missing);
    const sale = fromCouchDoc<SaleDoc>(found.doc);
    return { sale, returns: await returnsAgainst(sale.id) };
  }

  contractRoute(router, 'sales/get', readers, async ({ id }) => {
    await context.index.catchUp();
    return answer(
      await saleReply(
        (await context.index.locate(id)).filter((entry) => entry.db.startsWith('sales-')),
        `No sale ${id} on the server; check the receipt number, or wait until the store that sold it has synced.`,
      ),
    );
  });

  // The number people type at another store's counter: same readers and reply as by id.
  contractRoute(router, 'sales/find', readers, async ({ number }) => {
    const key = receiptNumberKey(number);
    if (!key) {
      throw badRequest(
        `"${number.trim()}" is not a receipt number: it is written store code, register code and at least six digits, e.g. Q1-01-000123.`,
        { field: 'number' },
      );
    }
    await context.index.catchUp();
    const postings = await context.index.postings('rcpt', key);
    const sales = postings.filter((posting) => posting.db.startsWith('sales-'));
    if (new Set(sales.map((posting) => posting.id)).size > 1) {
      // Store codes are derived from ids, so two stores may print alike (docs/DATA.md).
      throw new ApiError(
        409,
        'ambiguous_receipt_number',
        `More than one store prints receipt number ${key}; scan the receipt's barcode or QR code instead.`,
      );
    }
    return answer(
      await saleReply(
        sales,
        `No sale ${key} on the server; check the number on the receipt, or wait until the store that sold it has synced.`,
      ),
    );
  });

  contractRoute(router, 'returns/list', readers, async (request) =>
    answer({ returns: await returnsAgainst(request.original.trim()) }),
  );
  return router;
}
