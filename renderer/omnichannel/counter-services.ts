/**
 * What the omnichannel screens do with the register's services: print, write documents, call
 * the server. Kept apart from the screens so the screens stay about what the cashier sees.
 */
import type {
  CustomerDoc,
  LoyaltyEntryDoc,
  PickupDoc,
  StaffDoc,
  StockMoveDoc,
  ReturnDoc,
  SaleDoc,
  WebOrderDoc,
} from '../../src/documents';
import type { Receipt } from '../../src/receipt';
import { storeTimeZone } from '../../src/store-clock';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { createLoyaltyRedemption } from './loyalty-redemption';
import type { LoyaltyRedemption } from './loyalty-redemption';
import { newId } from './new-id';
import { createServerApi } from './server-api';
import type { ApiResult } from './server-api';
import { createStoredValueService } from './stored-value-service';
import type { StoredValueService } from './stored-value-service';
import { loyaltySettingsOf } from '../../src/loyalty';

export async function printReceipt(receipt: Receipt): Promise<{ ok: boolean; message?: string }> {
  const result = await services().api.invoke('printer/print', {
    jobId: newId('print'),
    receipt,
  });
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}

export function markOrderReady(orderId: string): Promise<ApiResult<{ order: WebOrderDoc }>> {
  return createServerApi(services().config).call('orders/ready', { id: orderId });
}

export async function savePickup(pickup: PickupDoc): Promise<void> {
  await services().db.pickups.insert(pickup);
}

/** Writes a return's documents; the ReturnDoc goes last so a crash never leaves it half-done. */
export async function saveReturn(documents: {
  returnDoc: ReturnDoc;
  stockMoves: StockMoveDoc[];
  loyaltyEntries: LoyaltyEntryDoc[];
}): Promise<void> {
  const { db } = services();
  if (documents.stockMoves.length) await db.stock.bulkUpsert(documents.stockMoves);
  if (documents.loyaltyEntries.length) await db.loyalty.bulkUpsert(documents.loyaltyEntries);
  await db.returns.upsert(documents.returnDoc);
}

export async function customerById(id: string | undefined): Promise<CustomerDoc | null> {
  if (!id) return null;
  const doc = await services().db.customers.findOne(id).exec();
  return doc ? doc.toJSON() : null;
}

/** The documents of a CouchDB `_find` reply (`{"docs": [...]}`), those with an id only. */
function foundDocs(reply: unknown): ({ _id: string; _rev?: string } & Record<string, unknown>)[] {
  const docs =
    typeof reply === 'object' && reply !== null ? (reply as { docs?: unknown }).docs : [];
  return Array.isArray(docs)
    ? docs.filter(
        (doc): doc is { _id: string } & Record<string, unknown> =>
          typeof doc === 'object' &&
          doc !== null &&
          typeof (doc as { _id?: unknown })._id === 'string',
      )
    : [];
}

/**
 * A customer's ledger entries: the register's replica, and, when online, the server's copy too
 * (read through the replication endpoint), so entries written elsewhere a moment ago (points
 * earned on the web) count before they have replicated here. Each entry once, by id.
 */
export async function ledgerFor(customerId: string): Promise<LoyaltyEntryDoc[]> {
  const { db, config } = services();
  const local = (await db.loyalty.find({ selector: { customerId } }).exec()).map(
    (doc) => doc.toJSON() as LoyaltyEntryDoc,
  );
  const remote = await createServerApi({ ...config, apiUrl: config.syncUrl }).raw(
    'POST',
    '/loyalty/_find',
    { selector: { customerId }, limit: 100_000 },
  );
  const byId = new Map(local.map((entry) => [entry.id, entry]));
  for (const { _id, _rev: _ignored, ...fields } of remote.ok ? foundDocs(remote.value) : []) {
    if (!byId.has(_id)) byId.set(_id, { id: _id, ...fields } as LoyaltyEntryDoc);
  }
  return [...byId.values()];
}

export async function managers(): Promise<StaffDoc[]> {
  const docs = await services().db.staff.find().exec();
  const storeId = services().config.storeId;
  return docs
    .map((doc) => doc.toJSON() as StaffDoc)
    .filter(
      (member) =>
        member.active &&
        member.role === 'manager' &&
        (member.storeIds.includes(storeId) || member.storeIds.includes('*')),
    );
}

/** The redemption service wired to this register: the lead hands it to the points tender. */
export function registerLoyaltyRedemption(): LoyaltyRedemption {
  const { config, db } = services();
  return createLoyaltyRedemption({
    api: createServerApi(config),
    ledger: async () =>
      (await db.loyalty.find().exec()).map((doc) => doc.toJSON() as LoyaltyEntryDoc),
    writeEntry: async (entry) => {
      await db.loyalty.upsert(entry);
    },
    settings: () => loyaltySettingsOf(useAppStore.getState().settings),
    storeId: config.storeId,
    deviceId: config.deviceId,
    now: () => new Date(),
    newId: (prefix) => newId(prefix),
    timeZone: () => storeTimeZone(useAppStore.getState().settings),
  });
}

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
