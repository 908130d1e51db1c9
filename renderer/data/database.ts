/**
 * Opens the register's RxDB replica. In the app it lives in IndexedDB through Dexie with strict
 * transaction durability: a completed sale is on disk before the cashier sees "done"
 * (ARCHITECTURE.md rule 6). Tests pass another storage in.
 */
import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxJsonSchema, RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type {
  CashMoveDoc,
  CustomerDoc,
  LoyaltyEntryDoc,
  ParkedSaleDoc,
  PickupDoc,
  ProductDoc,
  ReturnDoc,
  SaleDoc,
  ShiftDoc,
  StaffDoc,
  StockMoveDoc,
  StoreSettingsDoc,
  WebOrderDoc,
} from '../../src/documents';
import { COLLECTIONS } from './collections';

export interface ReplicaCollections {
  products: RxCollection<ProductDoc>;
  staff: RxCollection<StaffDoc>;
  settings: RxCollection<StoreSettingsDoc>;
  customers: RxCollection<CustomerDoc>;
  loyalty: RxCollection<LoyaltyEntryDoc>;
  orders: RxCollection<WebOrderDoc>;
  sales: RxCollection<SaleDoc>;
  returns: RxCollection<ReturnDoc>;
  stock: RxCollection<StockMoveDoc>;
  shifts: RxCollection<ShiftDoc>;
  pickups: RxCollection<PickupDoc>;
  cashmoves: RxCollection<CashMoveDoc>;
  parked: RxCollection<ParkedSaleDoc>;
}

addRxPlugin(RxDBLocalDocumentsPlugin);

export type ReplicaDatabase = RxDatabase<ReplicaCollections>;

export function defaultStorage(): RxStorage<unknown, unknown> {
  return getRxStorageDexie({ chromeTransactionDurability: 'strict' });
}

export async function openReplica(
  name: string,
  storage: RxStorage<unknown, unknown> = defaultStorage(),
): Promise<ReplicaDatabase> {
  const database = await createRxDatabase<ReplicaCollections>({
    name,
    storage,
    multiInstance: false,
    // The audit outbox lives in local documents: they persist like the rest but do not count
    // against the free tier's collection limit (STACK.md).
    localDocuments: true,
  });
  const collections: Record<string, { schema: RxJsonSchema<unknown> }> = {};
  for (const spec of COLLECTIONS) {
    // The same schema object the sync-server validates with; RxDB reads the subset it knows.
    collections[spec.name] = {
      schema: structuredClone(spec.schema) as unknown as RxJsonSchema<unknown>,
    };
  }
  await database.addCollections(collections);
  return database;
}
