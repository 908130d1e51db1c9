/**
 * The open sale survives a crash: every change to the cart is written to a local document of
 * the register's replica (IndexedDB with strict durability, like the sales themselves), with
 * the attached customer and the holds its tenders took. At start-up, sale-repair.ts reads it:
 * a sale already stored is completed, any other is put back in the cart.
 *
 * The journal is cleared only by the cart emptying, which finishSale does after the sale and
 * all it implies are written; so a journal naming a stored sale means "finish the repair".
 */
import type { CustomerDoc } from '../../src/documents';
import type { Reservation } from '../loyalty/loyalty-redemption';
import type { StoredValueReservation } from '../stored-value/stored-value-service';
import type { ReplicaDatabase } from '../data/database';
import { useCustomerStore } from './customer-store';
import { openCartOf, useCartStore } from './cart-store';
import type { OpenCart } from './cart-store';
import { heldPoints } from './payment/points-holds';
import { heldStoredValue } from './payment/stored-value-holds';

const JOURNAL = 'open-cart';

export interface CartJournal {
  storeId: string;
  registerId: string;
  /** `saleId` null: nothing is open. */
  cart: OpenCart;
  customer: CustomerDoc | null;
  pointsHolds: [string, Reservation][];
  storedValueHolds: [string, StoredValueReservation][];
  savedAt: string;
}

export interface Register {
  storeId: string;
  registerId: string;
}

export async function readCartJournal(
  db: ReplicaDatabase,
  register: Register,
): Promise<CartJournal | null> {
  const doc = await db.getLocal<{ journal: CartJournal }>(JOURNAL);
  const journal = doc?.get('journal') as CartJournal | undefined;
  if (!journal) return null;
  // Another register's replica copied here is not this register's open sale.
  if (journal.storeId !== register.storeId || journal.registerId !== register.registerId) {
    return null;
  }
  return structuredClone(journal);
}

function snapshot(register: Register): CartJournal {
  const cart = openCartOf(useCartStore.getState());
  const customer = useCustomerStore.getState().customer;
  const tenderIds = new Set(cart.tenders.map((tender) => tender.tenderId));
  return {
    // Only who the register is: the app config also holds the device's secret.
    storeId: register.storeId,
    registerId: register.registerId,
    cart,
    customer: customer && customer.id === cart.customerId ? customer : null,
    pointsHolds: heldPoints().filter(([tenderId]) => tenderIds.has(tenderId)),
    storedValueHolds: heldStoredValue().filter(([tenderId]) => tenderIds.has(tenderId)),
    savedAt: new Date().toISOString(),
  };
}

let queue: Promise<void> = Promise.resolve();
let stopJournal: (() => void) | null = null;

/**
 * Writes one after the other, in the order of the changes, so an older cart never lands after
 * a newer one. The promise rejects when this write failed; the queue goes on.
 */
function write(db: ReplicaDatabase, journal: CartJournal): Promise<void> {
  const written = queue.then(async () => {
    await db.upsertLocal<{ journal: CartJournal }>(JOURNAL, { journal });
  });
  queue = written.catch((error: unknown) => {
    console.error('The open sale could not be saved on the register:', error);
  });
  return written;
}

/** Follows the cart from now on; call once the cart holds what start-up restored. */
export function startCartJournal(db: ReplicaDatabase, register: Register): void {
  stopJournal?.();
  let last = JSON.stringify(openCartOf(useCartStore.getState()));
  stopJournal = useCartStore.subscribe((state) => {
    // Notices, the payment panel and the selected line are not the sale: no write for them.
    const open = JSON.stringify(openCartOf(state));
    if (open === last) return;
    last = open;
    // A failure is logged by the queue; finishSale's own save reports it to the cashier.
    write(db, snapshot(register)).catch(() => undefined);
  });
}

/** Stops following the cart (the register closes its replica); pending writes still land. */
export function stopCartJournal(): void {
  stopJournal?.();
  stopJournal = null;
}

/**
 * Writes the cart as it is now and waits until it is on disk: finishSale calls it before the
 * sale is written, so a sale on disk is always named by the journal until it is complete.
 * Throws when it could not be written: the sale must not be written unnamed.
 */
export async function saveCartJournalNow(db: ReplicaDatabase, register: Register): Promise<void> {
  await write(db, snapshot(register));
}

/** The open sale is done with (completed and repaired): nothing is open. */
export async function clearCartJournal(db: ReplicaDatabase, register: Register): Promise<void> {
  const empty = openCartOf({
    saleId: null,
    startedAt: null,
    lines: [],
    orderDiscount: null,
    customerId: null,
    tenders: [],
  });
  await write(db, {
    storeId: register.storeId,
    registerId: register.registerId,
    cart: empty,
    customer: null,
    pointsHolds: [],
    storedValueHolds: [],
    savedAt: new Date().toISOString(),
  });
}
