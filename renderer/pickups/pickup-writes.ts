/** What the pickup screens write and ask: the pickup document, "order ready", the order's customer. */
import type { CustomerDoc, PickupDoc, WebOrderDoc } from '../../src/documents';
import { createServerApi } from '../platform/server-api';
import type { ApiResult } from '../platform/server-api';
import { services } from '../services';
import { insertFact } from '../data/facts';

export function markOrderReady(orderId: string): Promise<ApiResult<{ order: WebOrderDoc }>> {
  return createServerApi(services().config).call('orders/ready', { id: orderId });
}

export async function savePickup(pickup: PickupDoc): Promise<void> {
  await insertFact(services().db, 'pickups', pickup);
}

export async function customerById(id: string | undefined): Promise<CustomerDoc | null> {
  if (!id) return null;
  const doc = await services().db.customers.findOne(id).exec();
  return doc ? doc.toJSON() : null;
}
