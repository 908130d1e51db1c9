/** The stored-value client wired to this register's services. */
import type { ReturnDoc, SaleDoc } from '../../src/documents';
import { newId } from '../platform/new-id';
import { createServerApi } from '../platform/server-api';
import { services } from '../services';
import { createStoredValueService } from './stored-value-service';
import type { StoredValueService } from './stored-value-service';

/** The stored-value service wired to this register: the store-credit and gift-card tenders. */
export function registerStoredValue(): StoredValueService {
  const { config, db } = services();
  return createStoredValueService({
    api: createServerApi(config),
    returns: async () => (await db.returns.find().exec()).map((doc) => doc.toJSON() as ReturnDoc),
    sales: async () => (await db.sales.find().exec()).map((doc) => doc.toJSON() as SaleDoc),
    storeId: config.storeId,
    now: () => new Date(),
    newId: (prefix) => newId(prefix),
  });
}
