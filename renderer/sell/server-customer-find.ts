/**
 * A card or phone the register does not hold is asked of the server. A register holds only the
 * customers its store needs (docs/DATA.md), so a customer born at another store or on the web
 * is found here the first time they come in; the server then sends them, with their points, to
 * this store's registers. Offline, the answer is "not found" as before: nothing else to ask.
 */
import type { CustomerDoc } from '../../src/documents';
import { createServerApi } from '../platform/server-api';
import { services } from '../services';
import type { CustomerQuery } from './customer-lookup';

export async function findCustomerOnServer(query: CustomerQuery): Promise<CustomerDoc[]> {
  if (query.kind === 'name') return [];
  const reply = await createServerApi(services().config).call(
    'customers/find',
    query.kind === 'card' ? { card: query.cardNumber } : { phone: query.phone },
  );
  return reply.ok ? reply.value.customers : [];
}
