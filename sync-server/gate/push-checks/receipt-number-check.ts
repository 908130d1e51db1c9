/**
 * A pushed sale's receipt number (docs/DATA.md, "Receipt numbers"), one step of the sale check:
 *
 * - written as src/ writes it, with the store's code, the sale's register and its `receiptSeq`
 *   (src/sales/receipt-sequence.ts `receiptNumberProblem`; `receipt_number_mismatch`);
 * - of a register this device holds: the first device to push numbers for a register holds it,
 *   another one is refused until that device is revoked (a reinstall enrolled anew takes over);
 *   `receipt_number_mismatch`;
 * - never reused: each number is a create-only claim naming its sale, so of two sales with one
 *   number (two processes, a tampered or copied replica) the second is refused
 *   (`reused_receipt_number`); the same sale pushed again is accepted;
 * - a number whose predecessor the server has not received is accepted and flagged
 *   (`receipt-number-gap`): registers push out of order, and a manager sees a gap that stays.
 *
 * Claims live in the internal database `omnitill-receipt-numbers`, never reachable through /db,
 * as create-only documents, so several server processes agree without a lock in memory.
 */
import type { SaleDoc } from '../../../src/documents';
import { receiptNumberProblem } from '../../../src/sales/receipt-sequence';
import { INTERNAL_DATABASES } from '../../storage/database-layout';
import type { DocumentStore } from '../../storage/document-store';
import { createOnlyClaim } from '../../storage/create-only-claim';
import type { PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';

export const RECEIPT_NUMBERS_DB = 'omnitill-receipt-numbers';

const ensured = new WeakSet<DocumentStore>();

async function ensureDatabase(store: DocumentStore): Promise<void> {
  if (ensured.has(store)) return;
  await store.ensureDatabase(RECEIPT_NUMBERS_DB);
  ensured.add(store);
}

/** A register's holder: `register:<storeId>:<registerId>`. */
function registerClaimId(sale: SaleDoc): string {
  return `register:${sale.storeId}:${sale.registerId}`;
}

/** A number's claim, sequence padded so the ids of one register sort by number. */
export function numberClaimId(storeId: string, registerId: string, sequence: number): string {
  return `number:${storeId}:${registerId}:${String(sequence).padStart(9, '0')}`;
}

/** Claims `id` in the receipt numbers' database (storage/create-only-claim.ts). */
const claim = async (store: DocumentStore, id: string, fields: Record<string, unknown>) =>
  (await createOnlyClaim(store, RECEIPT_NUMBERS_DB, id, fields)).doc;

async function isRevoked(store: DocumentStore, deviceId: string): Promise<boolean> {
  const record = (await store.getCurrent(INTERNAL_DATABASES.devices, [deviceId])).get(deviceId);
  return typeof record?.revokedAt === 'string';
}

/** The pushing device holds the sale's register, taking it over from a revoked device. */
async function holdsRegister(
  store: DocumentStore,
  sale: SaleDoc,
  deviceId: string,
): Promise<string | null> {
  const id = registerClaimId(sale);
  const holder = await claim(store, id, { deviceId });
  const holderId = String(holder.deviceId);
  if (holderId === deviceId) return null;
  if (!(await isRevoked(store, holderId))) {
    return `register ${sale.registerId} of store ${sale.storeId} numbers its receipts on device ${holderId}, not on device ${sale.deviceId}; give each register its own register id, or revoke the old device (npm run admin -- revoke-device) when this one replaces it`;
  }
  // The old install is retired: this device continues the register's numbers.
  const [row] = await store.bulkDocs(
    RECEIPT_NUMBERS_DB,
    [{ ...holder, deviceId, takenOverFrom: holderId, claimedAt: new Date().toISOString() }],
    true,
  );
  if (row?.ok) return null;
  throw new Error(`Register ${id} changed hands meanwhile; retry the push.`);
}

export async function checkReceiptNumber(
  sale: SaleDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  if (sale.receiptNumber === undefined && sale.receiptSeq === undefined) return ACCEPT;
  const problem = receiptNumberProblem(sale);
  if (problem) return reject('receipt_number_mismatch', problem);
  const sequence = sale.receiptSeq ?? 0;
  const { store } = context;
  await ensureDatabase(store);
  const foreign = await holdsRegister(store, sale, context.principal.id);
  if (foreign) return reject('receipt_number_mismatch', foreign);

  const holder = await claim(store, numberClaimId(sale.storeId, sale.registerId, sequence), {
    saleId: sale.id,
  });
  if (holder.saleId !== sale.id) {
    return reject(
      'reused_receipt_number',
      `receipt number ${sale.receiptNumber} is already sale ${String(holder.saleId)}'s; a register never gives one number twice: check that this register's replica was not copied from another or restored from a backup`,
    );
  }
  if (sequence === 1) return ACCEPT;
  const before = numberClaimId(sale.storeId, sale.registerId, sequence - 1);
  if ((await store.getCurrent(RECEIPT_NUMBERS_DB, [before])).has(before)) return ACCEPT;
  return {
    kind: 'accept',
    flags: [
      {
        kind: 'receipt-number-gap',
        key: `${sale.storeId}:${sale.registerId}:${sequence}`,
        summary: `Receipt ${sale.receiptNumber} (sale ${sale.id}) reached the server before number ${sequence - 1} of register ${sale.registerId}. A register that pushes out of order sends it soon; if it never comes, that receipt number is missing: check the register's sync and rejected documents.`,
        storeId: sale.storeId,
        documents: [{ db: context.database.name, id: sale.id }],
      },
    ],
  };
}
