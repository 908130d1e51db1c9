/**
 * Gives a completed sale its receipt number in the write that stores it (the rule:
 * src/sales/receipt-sequence.ts; the design: docs/DATA.md, "Receipt numbers"). No counter is
 * stored beside the sales: the highest number is read from this register's stored sales, and a
 * crash anywhere leaves either a stored sale with its number or no sale and no number used.
 * The read scans the store's sales once per app start (Dexie indexes only required fields, and
 * `receiptSeq` stays optional); after that the highest is kept in memory and moves only once a
 * sale is stored with the next number. A failed write forgets it, so the next sale reads the
 * disk again. One sale finishes at a time (finishSale's `finishing`), one process per replica.
 *
 * A replica numbers nothing until it knows it holds every numbered sale of its register: the
 * local document `receipt-numbers-known` is written once its first full pull of the store's sales
 * is done (learnReceiptNumbers, at start-up), so a reinstalled register continues from the
 * server's last number instead of starting again at 1. Never replicated, holds no secret.
 */
import type { RxCollection } from 'rxdb';
import type { ReplicaDatabase } from '../data/database';
import type { SaleDoc } from '../../src/documents';
import { highestReceiptSequence, nextReceiptSequence } from '../../src/sales/receipt-sequence';
import type {
  NextReceiptSequence,
  ReceiptSequenceKnowledge,
} from '../../src/sales/receipt-sequence';

const KNOWN = 'receipt-numbers-known';

export interface NumberingRegister {
  storeId: string;
  registerId: string;
}

interface KnownDoc {
  storeId: string;
  registerId: string;
  at: string;
}

/** What numbering needs of the replica: its sales and its local documents. */
export type NumberingReplica = Pick<ReplicaDatabase, 'sales' | 'getLocal' | 'upsertLocal'>;

export type NumberedSale =
  | { ok: true; sale: SaleDoc; stored: 'now' | 'before' }
  | { ok: false; reason: Extract<NextReceiptSequence, { ok: false }>['reason'] };

/** What was read from disk, or stored since: only for the replica and register it names. */
let highestKnown: { replica: string; registerId: string; highest: number } | null = null;
/** Moves on every change to highestKnown by a sale, so a read begun before it is not kept. */
let generation = 0;

function setHighestKnown(value: typeof highestKnown): void {
  highestKnown = value;
  generation += 1;
}

/** The highest sequence this register's stored sales carry on disk; 0 before the first. */
export async function readHighestSequence(
  sales: RxCollection<SaleDoc>,
  registerId: string,
): Promise<number> {
  const docs = await sales.find({ selector: { registerId } }).exec();
  return highestReceiptSequence(
    docs.map((doc) => doc.toJSON() as SaleDoc),
    registerId,
  );
}

async function highestUsedSequence(db: NumberingReplica, registerId: string): Promise<number> {
  const replica = db.sales.database.name;
  if (highestKnown?.replica === replica && highestKnown.registerId === registerId) {
    return highestKnown.highest;
  }
  const readFrom = generation;
  const highest = await readHighestSequence(db.sales, registerId);
  // A sale stored while the disk was read (the start-up read beside the first sale) wins.
  if (generation === readFrom) highestKnown = { replica, registerId, highest };
  return highest;
}

export async function receiptNumbersKnown(
  db: NumberingReplica,
  register: NumberingRegister,
): Promise<boolean> {
  const doc = await db.getLocal<KnownDoc>(KNOWN);
  // Another register's replica copied here says nothing about this register's numbers.
  return doc?.get('storeId') === register.storeId && doc.get('registerId') === register.registerId;
}

/** Written once the replica has pulled every sale of its store the server had. */
export async function markReceiptNumbersKnown(
  db: NumberingReplica,
  register: NumberingRegister,
): Promise<void> {
  if (await receiptNumbersKnown(db, register)) return;
  await db.upsertLocal<KnownDoc>(KNOWN, {
    storeId: register.storeId,
    registerId: register.registerId,
    at: new Date().toISOString(),
  });
}

export async function receiptKnowledge(
  db: NumberingReplica,
  register: NumberingRegister,
): Promise<ReceiptSequenceKnowledge> {
  if (!(await receiptNumbersKnown(db, register))) return { known: false };
  return { known: true, highestUsed: await highestUsedSequence(db, register.registerId) };
}

/**
 * Stores the sale `build` makes for the next sequence, or the one stored under `saleId` already
 * (a retry after a failure or a crash keeps the number it was stored with). The caller finishes
 * one sale at a time: two at once would read the same highest number.
 */
export async function storeNumberedSale(
  db: NumberingReplica,
  register: NumberingRegister,
  saleId: string,
  build: (sequence: number) => SaleDoc,
): Promise<NumberedSale> {
  const stored = await db.sales.findOne(saleId).exec();
  if (stored) return { ok: true, sale: stored.toJSON() as SaleDoc, stored: 'before' };
  const next = nextReceiptSequence(await receiptKnowledge(db, register));
  if (!next.ok) return { ok: false, reason: next.reason };
  const sale = build(next.sequence);
  // Whatever happens now, the next sale reads the disk unless this one is known to be stored.
  setHighestKnown(null);
  const result = await db.sales.bulkInsert([sale]);
  const failed = result.error.find((error) => error.status !== 409);
  if (failed) throw new Error(`sales: ${failed.status}`);
  if (result.error.length > 0) {
    // Stored meanwhile under this id (cannot happen while one sale finishes at a time): its own
    // number stands.
    const existing = await db.sales.findOne(saleId).exec();
    if (existing) return { ok: true, sale: existing.toJSON() as SaleDoc, stored: 'before' };
    throw new Error(`sales: ${saleId} was refused as a conflict but is not stored`);
  }
  setHighestKnown({
    replica: db.sales.database.name,
    registerId: register.registerId,
    highest: next.sequence,
  });
  return { ok: true, sale, stored: 'now' };
}

/** The replication as far as learning needs it (renderer/data/replication.ts). */
export interface SalesReplication {
  states: readonly { collection: { name: string }; isStopped(): boolean }[];
  initialPull(names: string[]): Promise<void>;
}

/**
 * Once the first pull of the store's sales has finished (at once when the replica knew already),
 * the replica holds every numbered sale of this register the server has, pushed by this install
 * or an earlier one: numbering may start. Runs in the background from start-up; offline it waits.
 */
export async function learnReceiptNumbers(
  db: NumberingReplica,
  replication: SalesReplication,
  register: NumberingRegister,
): Promise<void> {
  if (!(await receiptNumbersKnown(db, register))) {
    const sales = replication.states.find((state) => state.collection.name === 'sales');
    if (!sales) return;
    await replication.initialPull(['sales']);
    // A replication stopped before it caught up (the app closing) proves nothing.
    if (sales.isStopped()) return;
    await markReceiptNumbersKnown(db, register);
  }
  // The one read of the store's sales, done now rather than during the first sale.
  await receiptKnowledge(db, register);
}
