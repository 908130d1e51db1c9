import { Router } from 'express';
import type { CustomerDoc } from '../../src/documents';
import type { LoyaltyEntryDoc } from '../../src/documents';
import type { ReturnDoc } from '../../src/documents';
import type { SaleDoc } from '../../src/documents';
import type { WebOrderDoc } from '../../src/documents';
import type { PickupDoc } from '../../src/documents';
import { customerHistory, mergeHistory, normalizePhone } from '../../src/customers';
import { loyaltyBalance } from '../../src/loyalty';
import { badRequest, notFound } from '../http/api-error';
import { fromCouchDoc } from '../storage/couch-doc';
import type { ServerContext } from '../server-context';
import { byDbThenId } from '../index/server-index';
import { principalOf } from '../access/auth';
import { answer, contractRoute } from './contract-route';

/** One customer whatever the channel: look-up by phone, email or card; profile with history. */
export function customerRoutes(context: ServerContext): Router {
  const router = Router();
  const readers = context.auth.require('admin', 'device');

  contractRoute(router, 'customers/find', readers, async (request, res) => {
    const phone = request.phone !== undefined ? normalizePhone(request.phone) : undefined;
    const email = request.email?.trim().toLowerCase();
    const card = request.card?.trim();
    if (phone === null)
      throw badRequest('phone must be a phone number (E.164, e.g. +84901234567).');
    if (!phone && !email && !card) throw badRequest('Give one of ?phone=, ?email= or ?card=.');
    const { index } = context;
    await index.catchUp();
    const found = [
      ...(phone !== undefined ? await index.postings('phone', phone) : []),
      ...(email !== undefined ? await index.postings('email', email) : []),
      ...(card !== undefined ? await index.postings('card', card) : []),
    ].sort(byDbThenId);
    const unique = found.filter((entry, at) => found[at - 1]?.id !== entry.id);
    const customers = (await index.fetch(unique))
      .map((entry) => fromCouchDoc<CustomerDoc>(entry.doc))
      .filter(
        (customer) =>
          (phone !== undefined && customer.phone === phone) ||
          (email !== undefined && customer.email?.toLowerCase() === email) ||
          (card !== undefined && customer.loyaltyCardNumber === card),
      );
    // The store now needs whom its register found: they and their ledger reach its replica at
    // its next pull (docs/DATA.md "Customers a register receives").
    const principal = principalOf(res);
    if (principal.kind === 'device' && customers.length > 0) {
      await context.customerNeeds.record(
        principal.storeId,
        customers.map((customer) => customer.id),
      );
    }
    return answer({ customers });
  });

  contractRoute(router, 'customers/get', readers, async ({ id }) => {
    const doc = (await context.store.getCurrent('customers', [id])).get(id);
    if (!doc || doc._deleted)
      throw notFound(`No customer ${id}; search with GET /api/v1/customers?phone=.`);
    const { index } = context;
    await index.catchUp();
    const entries = (await index.postings<LoyaltyEntryDoc>('loy', id)).map(
      (posting) => posting.value,
    );
    const documents = await index.fetch(await index.postings('cust', id));
    const of = <T>(collection: string) =>
      documents
        .filter((entry) => entry.db.startsWith(`${collection}-`))
        .map((entry) => fromCouchDoc<T>(entry.doc));
    const orders = of<WebOrderDoc>('orders');
    const pickups: PickupDoc[] = [];
    for (const order of orders) {
      for (const entry of await index.fetch(await index.postings('pick', order.id))) {
        pickups.push(fromCouchDoc<PickupDoc>(entry.doc));
      }
    }
    const history = mergeHistory(
      customerHistory(id, {
        sales: of<SaleDoc>('sales'),
        orders,
        returns: of<ReturnDoc>('returns'),
        pickups,
      }),
    );
    return answer({
      customer: fromCouchDoc<CustomerDoc>(doc),
      loyalty: loyaltyBalance(entries, id),
      history,
    });
  });
  return router;
}
