import type { CustomerNeeds } from '../index/customer-needs';
import { isPlainObject } from '../http/read-json-body';
import type { DocumentStore } from '../storage/document-store';
import type { ReadScope } from './scoped-read-filter';

/**
 * The customers and loyalty entries a device of a store reads (issue #15; docs/DATA.md
 * "Customers a register receives"): a customer born at the store, or one the store needs by a
 * sale, return or web order there or a look-up from there (customer-needs.ts), or every
 * customer when the store is set to "all customers" (OMNITILL_ALL_CUSTOMERS). A loyalty entry
 * goes with its customer. Read paths as for staff (scoped-read-filter.ts).
 */
export interface CustomerScopeDeps {
  store: DocumentStore;
  customerNeeds: CustomerNeeds;
  /** True when the store receives every customer. */
  allCustomers: (storeId: string) => boolean;
}

/** The customers among these the store may hold. */
async function customersInScope(
  deps: CustomerScopeDeps,
  storeId: string,
  customerIds: readonly string[],
): Promise<Set<string>> {
  const unique = [...new Set(customerIds)];
  if (deps.allCustomers(storeId)) return new Set(unique);
  const [current, needed] = await Promise.all([
    deps.store.getCurrent('customers', unique),
    deps.customerNeeds.neededBy(storeId, unique),
  ]);
  return new Set(
    unique.filter((id) => {
      const doc = current.get(id);
      if (doc === undefined || doc._deleted) return false;
      return needed.has(id) || (isPlainObject(doc.origin) && doc.origin.storeId === storeId);
    }),
  );
}

export function customerReadScope(deps: CustomerScopeDeps, storeId: string): ReadScope {
  return {
    what: 'customer list',
    allowedIds: (ids) => customersInScope(deps, storeId, ids),
  };
}

export function loyaltyReadScope(deps: CustomerScopeDeps, storeId: string): ReadScope {
  return {
    what: 'loyalty ledger',
    async allowedIds(ids) {
      const current = await deps.store.getCurrent('loyalty', [...new Set(ids)]);
      const customerOf = new Map<string, string>();
      for (const [id, doc] of current) {
        if (!doc._deleted && typeof doc.customerId === 'string') customerOf.set(id, doc.customerId);
      }
      const customers = await customersInScope(deps, storeId, [...customerOf.values()]);
      return new Set(
        [...customerOf].filter(([, customerId]) => customers.has(customerId)).map(([id]) => id),
      );
    },
  };
}

/**
 * The stores set to "all customers": `*` (every store) or store ids separated by commas, as
 * OMNITILL_ALL_CUSTOMERS gives them. A server option, not a store setting: it decides what
 * leaves the server, and a register must not be able to widen it.
 */
export function allCustomersOf(stores: string | undefined): (storeId: string) => boolean {
  const listed = new Set(
    (stores ?? '')
      .split(',')
      .map((store) => store.trim())
      .filter(Boolean),
  );
  return (storeId) => listed.has('*') || listed.has(storeId);
}
