/**
 * Stock for the manager screens. On hand here is the sum of this store's stock moves in the
 * local replica (works offline); other stores come from the server's GET /stock when online.
 * Every change is a new stock-move document in the `stock` collection, never an edited level.
 */
import { classifyScan } from '../../src/barcodes';
import type { ScanResult } from '../../src/barcodes';
import { storeScanContext } from '../../src/store-clock';
import type { ProductDoc, StockMoveDoc } from '../../src/documents';
import { stockLevel } from '../../src/stock';
import type { StockLevel } from '../../src/stock';
import { createServerApi } from '../platform/server-api';
import { watchDocs } from '../platform/watch-docs';
import type { Unwatch } from '../platform/watch-docs';
import { services } from '../services';
import { useAppStore } from '../state/app-store';

/** Every stock move of this store the register holds. */
export async function storeMoves(): Promise<StockMoveDoc[]> {
  const { db, config } = services();
  const docs = await db.stock.find({ selector: { storeId: config.storeId } }).exec();
  return docs.map((doc) => doc.toJSON() as StockMoveDoc);
}

export async function levelHere(sku: string): Promise<StockLevel> {
  const { db, config } = services();
  const docs = await db.stock.find({ selector: { sku } }).exec();
  return stockLevel(
    docs.map((doc) => doc.toJSON() as StockMoveDoc),
    config.storeId,
    sku,
  );
}

/**
 * This store's level of one SKU, delivered now and again each time a move of it reaches the
 * replica (a sale, a count, or the replication still pulling after start-up). A screen that
 * read the level once kept whatever the replica held at that moment: with a long stock history
 * to pull, a figure read in the first seconds missed the moves that came after it, for good.
 */
export function watchLevelHere(
  sku: string,
  onLevel: (level: StockLevel) => void,
  onError: (error: unknown) => void,
): Unwatch {
  const { db, config } = services();
  return watchDocs(
    db.stock.find({ selector: { sku, storeId: config.storeId } }),
    (docs) => onLevel(stockLevel(docs, config.storeId, sku)),
    onError,
  );
}

export async function writeMoves(moves: StockMoveDoc[]): Promise<void> {
  if (moves.length === 0) return;
  const result = await services().db.stock.bulkInsert(moves);
  const failure = result.error[0];
  if (failure) throw new Error(`${failure.documentId}: ${failure.status}`);
}

/**
 * The product a scan or a typed entry names: barcodes go through the scan classifier first
 * (src/barcodes), anything else is tried as a SKU.
 */
export function productFor(entry: string): ProductDoc | undefined {
  const text = entry.trim();
  if (!text) return undefined;
  const scan = classifyScan(text, storeScanContext(useAppStore.getState().settings, new Date()));
  return productOfScan(scan);
}

/** The product a classified scan names; a code that is no barcode is tried as a SKU. */
export function productOfScan(scan: ScanResult): ProductDoc | undefined {
  const text = scan.raw.trim();
  const { catalog } = services();
  if (scan.kind === 'product' || scan.kind === 'gs1-product') {
    const product = catalog.byBarcode(scan.gtin14);
    if (product) return product;
  }
  if (scan.kind === 'variable-measure') return catalog.byPlu(scan.plu);
  return catalog.bySku(text.toUpperCase()) ?? catalog.bySku(text);
}

export interface RemoteStock {
  stores: { storeId: string; sellable: number; damaged: number }[];
  /** When the server answered: the figure is true as of then. */
  fetchedAt: string;
}

/** On hand in every store from the server, or null when it cannot be reached (offline). */
export async function remoteStock(sku: string): Promise<RemoteStock | null> {
  const reply = await createServerApi(services().config).call('stock/levels', { sku });
  return reply.ok ? { stores: reply.value.stores, fetchedAt: new Date().toISOString() } : null;
}
