import {
  auditEntrySchema,
  cashMoveSchema,
  customerSchema,
  parkedSaleSchema,
} from '../src/documents';
import type { DocumentSchema } from '../src/documents';
import { loyaltyEntrySchema } from '../src/documents';
import { pickupSchema } from '../src/documents';
import { productSchema } from '../src/documents';
import { returnSchema } from '../src/documents';
import { saleSchema } from '../src/documents';
import { shiftSchema } from '../src/documents';
import { staffSchema } from '../src/documents';
import { stockMoveSchema } from '../src/documents';
import { storeSettingsSchema } from '../src/documents';
import { webOrderSchema } from '../src/documents';
import type { Collection } from './database-layout';

/**
 * Database collection → the schema its documents must match. The same schema objects the
 * registers give RxDB, so the door and the register can never disagree.
 */
export const COLLECTION_SCHEMAS: Readonly<Record<Collection, DocumentSchema | null>> = {
  products: productSchema,
  staff: staffSchema,
  settings: storeSettingsSchema,
  customers: customerSchema,
  loyalty: loyaltyEntrySchema,
  orders: webOrderSchema,
  pickups: pickupSchema,
  sales: saleSchema,
  returns: returnSchema,
  stock: stockMoveSchema,
  shifts: shiftSchema,
  cashmoves: cashMoveSchema,
  parked: parkedSaleSchema,
  audit: auditEntrySchema,
};
