/**
 * The page the receipt-number kill test loads in Chromium: the register's own data layer
 * (renderer/data's replica, RxDB on Dexie/IndexedDB with strict durability, on the profile's
 * disk) completing sales one after another with renderer/sell/receipt-numbering.ts, the way
 * finishSale does: the open sale's id is recorded first (the cart journal's part), then the
 * sale is stored with its number, then the record is cleared. The test kills the browser at
 * random moments and starts it again on the same profile; a sale cut short is completed under
 * its id, as a restored cart is.
 */
import { openReplica } from '../../../renderer/data/database';
import {
  markReceiptNumbersKnown,
  storeNumberedSale,
} from '../../../renderer/sell/receipt-numbering';
import { timeOrderedId } from '../../../src/ids';
import { minor } from '../../../src/money';
import { completeSale } from '../../../src/sales';
import { cart, storeSettings } from '../../unit/renderer/sale-fixtures';

export const CRASH_REPLICA = 'omnitill-hcm-q1-reg-01';
const REGISTER = { storeId: 'hcm-q1', registerId: 'reg-01' };
const OPEN_SALE = 'crash-open-sale';

export interface CrashPageState {
  /** The replica is open and sales are being completed. */
  started: boolean;
  /** Sales stored so far (this start and earlier ones). */
  stored: number;
  /** Sales found stored at start under the open sale's id (completed before the last kill). */
  resumed: number;
  done: boolean;
  error: string | null;
}

declare global {
  interface Window {
    crashPage: CrashPageState;
  }
}

window.crashPage = { started: false, stored: 0, resumed: 0, done: false, error: null };

interface OpenSale {
  saleId: string | null;
  startedAt: string | null;
}

const settings = storeSettings(false);

function build(saleId: string, startedAt: string, receiptSequence: number) {
  const result = completeSale({
    saleId,
    createdAt: startedAt,
    completedAt: new Date().toISOString(),
    storeId: REGISTER.storeId,
    registerId: REGISTER.registerId,
    deviceId: 'dev_crash',
    staffId: 'staff_lan',
    settings,
    cart: cart(),
    tenders: [{ tenderId: 't1', kind: 'cash', amount: minor(500_000) }],
    receiptSequence,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.completed.sale;
}

async function run(target: number): Promise<void> {
  const db = await openReplica(CRASH_REPLICA);
  // Stands for the first pull of the store's sales a fresh register online finishes at start.
  await markReceiptNumbersKnown(db, REGISTER);
  let stored = await db.sales.count().exec();
  const state = window.crashPage;
  state.stored = stored;
  state.started = true;
  while (stored < target) {
    const open = (await db.getLocal<OpenSale>(OPEN_SALE))?.toJSON().data;
    let saleId = open?.saleId ?? null;
    let startedAt = open?.startedAt ?? null;
    if (!saleId || !startedAt) {
      startedAt = new Date().toISOString();
      saleId = timeOrderedId('sale', Date.now(), (n) => crypto.getRandomValues(new Uint8Array(n)));
      await db.upsertLocal<OpenSale>(OPEN_SALE, { saleId, startedAt });
    }
    const opened = startedAt;
    const numbered = await storeNumberedSale(db, REGISTER, saleId, (sequence) =>
      build(saleId, opened, sequence),
    );
    if (!numbered.ok) throw new Error(`The sale was not numbered: ${numbered.reason}`);
    if (numbered.stored === 'before') state.resumed += 1;
    else stored += 1;
    state.stored = stored;
    await db.upsertLocal<OpenSale>(OPEN_SALE, { saleId: null, startedAt: null });
  }
  state.done = true;
}

const target = Number(new URLSearchParams(location.search).get('target') ?? '1000');
run(target).catch((error: unknown) => {
  window.crashPage.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
});
