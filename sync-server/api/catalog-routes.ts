import { Router } from 'express';
import { badRequest } from '../http/api-error';
import type { ServerContext } from '../server-context';
import { upsertDocs } from '../services/server-writes';
import { answer, contractRoute } from './contract-route';

/** One request carries at most this many products; the admin CLI sends chunks of 1,000. */
const MAX_PRODUCTS_PER_REQUEST = 5000;

/** Catalog import: the server is the only writer of products (docs/DATA.md). */
export function catalogRoutes(context: ServerContext): Router {
  const router = Router();
  contractRoute(router, 'admin/import-catalog', context.auth.require('admin'), async (body) => {
    if (body.length > MAX_PRODUCTS_PER_REQUEST) {
      throw badRequest(`At most ${MAX_PRODUCTS_PER_REQUEST} products per request; send chunks.`);
    }
    const invalid = body.findIndex(
      (item) =>
        typeof item !== 'object' ||
        item === null ||
        typeof (item as { id?: unknown }).id !== 'string',
    );
    if (invalid >= 0) throw badRequest(`Entry ${invalid} is not a product with a string "id".`);
    const result = await upsertDocs(context.store, context.validator, 'products', 'products', body);
    if (result.written.length > 0) {
      context.onAccepted('products', []);
    }
    return answer({
      written: result.written.length,
      unchanged: result.unchanged.length,
      rejected: result.rejected,
    });
  });
  return router;
}
