/**
 * A sale is one durable commit, or is completed before the register sells again. RxDB cannot
 * write three collections atomically, so finishSale writes the sale first and what it implies
 * after (stock moves, ledger entries: saleImpliedDocuments in src/sales, ids derived from the
 * sale id). A crash in between leaves a stored sale without some of them; at start-up, before
 * the sell screen takes input, this module inserts whatever a stored sale implies and is
 * missing (insert-if-absent: a repair run twice writes nothing twice), confirms the holds its
 * tenders took, and puts back the cart of a sale that was not stored (cart-journal.ts).
 */
import type { RxCollection } from 'rxdb';
import type { SaleDoc, StoreSettingsDoc } from '../../src/documents';
import type { LoyaltyProgramRules } from '../../src/loyalty';
import { saleImpliedDocuments } from '../../src/sales';
import { useCustomerStore } from './customer-store';
import type { ReplicaDatabase } from '../data/database';
import { clearCartJournal, readCartJournal } from './cart-journal';
import type { CartJournal, Register } from './cart-journal';
import { useCartStore } from './cart-store';
import { adoptPointsHold, confirmPoints } from './payment/points-holds';
import { adoptStoredValueHold, confirmStoredValue } from './payment/stored-value-holds';

/** Besides the journal's sale, this register's sales of the last hours are checked too. */
const RECENT_MS = 2 * 60 * 60 * 1000;

/** Inserts documents; one already there (a retry, a repair) counts as written. */
export async function insertIfAbsent<T>(collection: RxCollection<T>, docs: T[]): Promise<number> {
  if (docs.length === 0) return 0;
  const result = await collection.bulkInsert(docs);
  const failed = result.error.filter((error) => error.status !== 409);
  if (failed.length > 0) {
    throw new Error(`${collection.name}: ${failed.map((error) => error.status).join(', ')}`);
  }
  return result.success.length;
}

/** Writes what a stored sale implies and is missing; how many documents were missing. */
export async function writeSaleImplied(
  db: ReplicaDatabase,
  sale: SaleDoc,
  program: LoyaltyProgramRules | null | undefined,
): Promise<number> {
  const { stockMoves, loyaltyEntries } = saleImpliedDocuments(sale, program);
  const written = await Promise.all([
    insertIfAbsent(db.stock, stockMoves),
    insertIfAbsent(db.loyalty, loyaltyEntries),
  ]);
  return written[0] + written[1];
}

export interface StartRecovery {
  /** Sales found stored without all they imply, now complete. */
  repaired: string[];
  /** The open sale put back in the cart, when there was one. */
  restoredSaleId: string | null;
}

async function storeProgram(db: ReplicaDatabase, storeId: string) {
  const doc = await db.settings.findOne(`store_${storeId}`).exec();
  return (doc?.toJSON() as StoreSettingsDoc | undefined)?.loyalty?.program ?? null;
}

/** The journal's sale (when stored) and this register's recent sales. */
async function salesToCheck(
  db: ReplicaDatabase,
  register: Register,
  journalSaleId: string | null,
): Promise<Map<string, SaleDoc>> {
  const since = new Date(Date.now() - RECENT_MS).toISOString();
  const recent = await db.sales
    .find({ selector: { createdAt: { $gt: since }, registerId: register.registerId } })
    .exec();
  const sales = new Map(recent.map((doc) => [doc.id, doc.toJSON() as SaleDoc]));
  if (journalSaleId && !sales.has(journalSaleId)) {
    const stored = await db.sales.findOne(journalSaleId).exec();
    if (stored) sales.set(stored.id, stored.toJSON() as SaleDoc);
  }
  return sales;
}

/**
 * The stored sale's holds: online ones are confirmed again (the server answers a confirmed hold
 * as it is, so this is idempotent); an offline one needs nothing, the sale's own redeem entry
 * and tender are the redemption.
 */
function confirmHolds(journal: CartJournal, saleId: string): void {
  for (const [tenderId, reservation] of journal.pointsHolds) {
    if (reservation.mode === 'online' && reservation.saleId === saleId) {
      adoptPointsHold(tenderId, reservation);
    }
  }
  for (const [tenderId, reservation] of journal.storedValueHolds) {
    if (reservation.mode === 'online' && reservation.saleId === saleId) {
      adoptStoredValueHold(tenderId, reservation);
    }
  }
  // Not awaited: the register may start offline; a confirmation that fails leaves the hold to
  // lapse on the server while the synced sale counts (as at the counter, points-holds.ts).
  void confirmPoints(saleId);
  void confirmStoredValue(saleId);
}

async function restoreCart(db: ReplicaDatabase, journal: CartJournal): Promise<void> {
  useCartStore.getState().resume(journal.cart);
  const customerId = journal.cart.customerId;
  if (customerId) {
    const customer = journal.customer ?? (await db.customers.findOne(customerId).exec())?.toJSON();
    if (customer) useCustomerStore.getState().attach(customer);
  }
  for (const [tenderId, reservation] of journal.pointsHolds) adoptPointsHold(tenderId, reservation);
  for (const [tenderId, reservation] of journal.storedValueHolds) {
    adoptStoredValueHold(tenderId, reservation);
  }
}

/**
 * Start-up, before the sell screen takes input: completes every stored sale that lacks some of
 * what it implies, then either finishes the journal's sale (stored: confirm its holds, clear
 * the journal) or puts its cart back. A repair that cannot write throws: the register must not
 * sell on while a sale is half recorded.
 */
export async function recoverAtStart(
  db: ReplicaDatabase,
  register: Register,
): Promise<StartRecovery> {
  const journal = await readCartJournal(db, register);
  const journalSaleId = journal?.cart.saleId ?? null;
  const [sales, program] = await Promise.all([
    salesToCheck(db, register, journalSaleId),
    storeProgram(db, register.storeId),
  ]);
  const repaired: string[] = [];
  for (const sale of sales.values()) {
    try {
      if ((await writeSaleImplied(db, sale, program)) > 0) repaired.push(sale.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Sale ${sale.id} is stored without all its stock moves and points, and completing it failed (${reason}). Restart the register; if this persists, keep it closed and call support: selling on would lose them.`,
      );
    }
  }
  if (repaired.length > 0) console.info(`Completed after a restart: ${repaired.join(', ')}.`);

  if (!journal || journalSaleId === null) return { repaired, restoredSaleId: null };
  if (sales.has(journalSaleId)) {
    confirmHolds(journal, journalSaleId);
    await clearCartJournal(db, register);
    return { repaired, restoredSaleId: null };
  }
  await restoreCart(db, journal);
  return { repaired, restoredSaleId: journalSaleId };
}
