/**
 * Everything a return writes, built before anything is written so it can be checked and shown
 * first: the ReturnDoc, one stock move per returned line at this store (sellable or damaged),
 * and the loyalty entries that take back earned points and give back redeemed ones. Pure: the
 * return's id (made when the return was planned) and the time come in, and every stock move and
 * loyalty entry derives its id from the return's, as a sale's do (src/sales/complete-sale.ts): a
 * retry writes the very same documents and never restocks twice (ARCHITECTURE.md rule 3).
 */
import type { LoyaltyEntryDoc, ReturnDoc, StockMoveDoc } from '../../src/documents';
import { reverseEntry, reversiblePoints, uniqueEntries } from '../../src/loyalty';
import type { CurrencyCode } from '../../src/money';
import type { ReturnPlan, ReturnSource } from '../../src/returns';
import { returnedQuantity, returnsOf } from '../../src/returns';

export interface ReturnWriter {
  storeId: string;
  registerId: string;
  deviceId: string;
  staffId: string;
  /** The register's open shift: a cash refund leaves its drawer (the Z report counts it). */
  shiftId?: string;
  approvedBy?: string;
}

export interface ReturnDocumentsInput {
  returnId: string;
  plan: ReturnPlan;
  currency: CurrencyCode;
  writer: ReturnWriter;
  now: string;
  /** Every ledger entry the register holds (the customer's, replicated). */
  ledger: readonly LoyaltyEntryDoc[];
  /** Set for an exchange: the new sale that spends the credit. */
  exchangeSaleId?: string;
}

export interface ReturnDocuments {
  returnDoc: ReturnDoc;
  stockMoves: StockMoveDoc[];
  loyaltyEntries: LoyaltyEntryDoc[];
  /** Points the plan wanted to move but the ledger here does not hold (e.g. not synced yet). */
  loyaltyShortfall: number;
}

/** The body of a time-ordered id (`ret_01HX...` gives `01HX...`), for derived ids. */
function idBody(id: string): string {
  return id.slice(id.indexOf('_') + 1);
}

export function buildReturnDocuments(input: ReturnDocumentsInput): ReturnDocuments {
  const { plan, writer, now } = input;
  const body = idBody(input.returnId);
  const returnDoc: ReturnDoc = {
    id: input.returnId,
    storeId: writer.storeId,
    registerId: writer.registerId,
    deviceId: writer.deviceId,
    staffId: writer.staffId,
    ...(writer.shiftId ? { shiftId: writer.shiftId } : {}),
    ...(plan.original ? { original: plan.original } : {}),
    ...(plan.customerId ? { customerId: plan.customerId } : {}),
    currency: input.currency,
    lines: plan.lines,
    totals: plan.totals,
    taxBreakdown: plan.taxBreakdown,
    tenders: plan.tenders,
    cashRoundingAdjustment: plan.cashRoundingAdjustment,
    loyalty: plan.loyalty,
    ...(writer.approvedBy ? { approvedBy: writer.approvedBy } : {}),
    ...(input.exchangeSaleId ? { exchangeSaleId: input.exchangeSaleId } : {}),
    status: 'completed',
    createdAt: now,
    completedAt: now,
  };
  const stockMoves = plan.lines.map((line, index): StockMoveDoc => ({
    id: `stk_${body}.${index + 1}`,
    kind: line.restock ? 'return-sellable' : 'return-damaged',
    sku: line.sku,
    quantity: line.quantity,
    storeId: writer.storeId,
    bucket: line.restock ? 'sellable' : 'damaged',
    reason: line.reason,
    sourceId: returnDoc.id,
    deviceId: writer.deviceId,
    createdAt: now,
  }));

  const loyaltyEntries: LoyaltyEntryDoc[] = [];
  let loyaltyShortfall = 0;
  const sourceId = plan.original?.documentId;
  const context = (suffix: string) => ({
    id: `loy_${body}.${suffix}`,
    createdAt: now,
    channel: 'store' as const,
    storeId: writer.storeId,
    deviceId: writer.deviceId,
  });
  const ledger = uniqueEntries(input.ledger);
  const undo = (key: string, points: number, reason: string, suffix: string): void => {
    if (points <= 0) return;
    const original = ledger.find((entry) => entry.idempotencyKey === key);
    const left = original ? reversiblePoints(original, ledger) : 0;
    const take = Math.min(points, left);
    loyaltyShortfall += points - take;
    if (!original || take <= 0) return;
    loyaltyEntries.push(
      reverseEntry(original, take, { sourceId: returnDoc.id, reason }, ledger, context(suffix)),
    );
  };
  if (sourceId && plan.customerId) {
    undo(`earn:${sourceId}`, plan.loyalty.pointsEarnedReversed, 'return', 'earn');
    undo(`redeem:${sourceId}`, plan.loyalty.pointsRedeemedReturned, 'return', 'redeem');
  }
  return { returnDoc, stockMoves, loyaltyEntries, loyaltyShortfall };
}

export interface ReturnableLine {
  lineId: string;
  name: string;
  sku: string;
  sold: number;
  returned: number;
  /** What may still come back now: for a web order, only what was picked up. */
  returnable: number;
}

/**
 * What is still returnable per line: sold (or, for a web order, picked up) minus every return
 * known from any store. `pickedUp` is given for web orders only.
 */
export function returnableLines(
  source: ReturnSource,
  knownReturns: readonly ReturnDoc[],
  pickedUp?: ReadonlyMap<string, number>,
): ReturnableLine[] {
  const earlier = returnsOf(source, knownReturns);
  return source.lines.map((line) => {
    const returned = returnedQuantity(line, earlier);
    const handedOver = pickedUp ? (pickedUp.get(line.lineId) ?? 0) : line.quantity;
    return {
      lineId: line.lineId,
      name: line.name,
      sku: line.sku,
      sold: line.quantity,
      returned,
      returnable: Math.max(0, Math.min(handedOver, line.quantity) - returned),
    };
  });
}

/** Returns known for one document, each once: the register's own and the server's. */
export function mergeReturns(...lists: readonly (readonly ReturnDoc[])[]): ReturnDoc[] {
  const byId = new Map<string, ReturnDoc>();
  for (const list of lists) for (const doc of list) byId.set(doc.id, doc);
  return [...byId.values()].sort((a, b) => a.completedAt.localeCompare(b.completedAt));
}
