/**
 * The register's numbering on its replica (renderer/sell/receipt-numbering.ts), in memory: no
 * number before the replica knows its register's numbers, then 1, 2, 3 in the writes that store
 * the sales; a retried sale keeps the number it was stored with; sales of other registers and
 * sales pulled from the server count as they should. And a typed or scanned receipt number is
 * read as one (renderer/lookup/lookup-input.ts).
 */
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReplica } from '../../../renderer/data/database';
import type { ReplicaDatabase } from '../../../renderer/data/database';
import { readLookupInput } from '../../../renderer/lookup/lookup-input';
import {
  learnReceiptNumbers,
  markReceiptNumbersKnown,
  storeNumberedSale,
} from '../../../renderer/sell/receipt-numbering';
import type { SalesReplication } from '../../../renderer/sell/receipt-numbering';
import type { SaleDoc } from '../../../src/documents';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { cart, NOW, storeSettings } from './sale-fixtures';

const REGISTER = { storeId: 'hcm-q1', registerId: 'reg-01' };
let db: ReplicaDatabase;
let replicas = 0;

beforeEach(async () => {
  replicas += 1;
  db = await openReplica(`receipt-numbering-${replicas}`, getRxStorageMemory());
});

afterEach(async () => {
  await db.close();
});

function sale(id: string, receiptSequence?: number, registerId = 'reg-01'): SaleDoc {
  const result = completeSale({
    saleId: id,
    createdAt: NOW,
    completedAt: NOW,
    storeId: 'hcm-q1',
    registerId,
    deviceId: 'dev_1',
    staffId: 'staff_lan',
    settings: storeSettings(false),
    cart: cart(),
    tenders: [{ tenderId: 't1', kind: 'cash', amount: minor(500_000) }],
    ...(receiptSequence === undefined ? {} : { receiptSequence }),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

const id = (n: number) => `sale_01KAQ00000000000000000${String(n).padStart(4, '0')}`;
const store = (n: number) =>
  storeNumberedSale(db, REGISTER, id(n), (sequence) => sale(id(n), sequence));

describe("the register's receipt numbers on its replica", () => {
  it('numbers nothing while the replica does not know its register has pulled its sales', async () => {
    expect(await store(1)).toEqual({ ok: false, reason: 'not-known' });
    expect(await db.sales.count().exec()).toBe(0);
  });

  it('numbers 1, 2, 3 in the writes that store the sales; a retry keeps its number', async () => {
    await markReceiptNumbersKnown(db, REGISTER);
    const numbers: (string | undefined)[] = [];
    for (const n of [1, 2, 3]) {
      const numbered = await store(n);
      if (!numbered.ok) throw new Error(numbered.reason);
      numbers.push(numbered.sale.receiptNumber);
    }
    expect(numbers).toEqual(['Q1-01-000001', 'Q1-01-000002', 'Q1-01-000003']);
    const again = await store(2);
    expect(again).toMatchObject({ ok: true, stored: 'before', sale: { receiptSeq: 2 } });
    expect((await store(4)).ok && (await db.sales.findOne(id(4)).exec())?.receiptSeq).toBe(4);
  });

  it("continues from the highest on disk, not counting other registers' or unnumbered sales", async () => {
    await db.sales.bulkInsert([
      sale(id(10), 41),
      sale(id(11)),
      sale(id(12), 900, 'reg-02'),
      sale(id(13), 7),
    ]);
    await markReceiptNumbersKnown(db, REGISTER);
    const numbered = await store(14);
    expect(numbered.ok && numbered.sale.receiptNumber).toBe('Q1-01-000042');
  });

  it("does not take another register's replica for its own", async () => {
    await markReceiptNumbersKnown(db, { storeId: 'hcm-q1', registerId: 'reg-02' });
    expect(await store(1)).toEqual({ ok: false, reason: 'not-known' });
  });

  it("learns once the store's sales are pulled, and only if the replication got there", async () => {
    let pulled: () => void = () => undefined;
    let stopped = false;
    const replication: SalesReplication = {
      states: [{ collection: { name: 'sales' }, isStopped: () => stopped }],
      initialPull: () => new Promise<void>((resolve) => (pulled = resolve)),
    };
    const learning = learnReceiptNumbers(db, replication, REGISTER);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store(1)).toEqual({ ok: false, reason: 'not-known' });
    // A sale of this register from before the reinstall arrives with the pull.
    await db.sales.bulkInsert([sale(id(50), 120)]);
    pulled();
    await learning;
    expect(await store(51)).toMatchObject({ ok: true, sale: { receiptNumber: 'Q1-01-000121' } });

    await db.close();
    db = await openReplica(`receipt-numbering-${++replicas}`, getRxStorageMemory());
    stopped = true;
    const cancelled = learnReceiptNumbers(db, replication, REGISTER);
    await new Promise((resolve) => setTimeout(resolve, 20));
    pulled();
    await cancelled;
    expect(await store(1)).toEqual({ ok: false, reason: 'not-known' });
  });
});

describe('a receipt number typed or scanned to find a sale', () => {
  const context = { today: '2026-11-23', currency: 'VND' as const };

  it('is read as a receipt number before it could pass for a web order number', () => {
    expect(readLookupInput(' q1-01-000123 ', context)).toEqual({
      kind: 'sale-number',
      number: 'Q1-01-000123',
    });
    expect(readLookupInput('W-10001', context)).toEqual({ kind: 'order', key: 'W-10001' });
  });
});
