/**
 * How each pickup of a web order was paid at the counter, for the order view: the tenders of the
 * sale a pickup points at (PickupDoc.saleId). Only what is safe to show to whoever may read an
 * order (a register, the web shop): card approval codes, gift card numbers and credit references
 * are cut to their last characters; a card's last four digits are already what the slip prints.
 */
import type { PickupDoc, SaleDoc } from '../../src/documents';
import type { AppliedTender } from '../../src/tenders';
import { fromCouchDoc } from '../storage/couch-doc';
import { storeDatabaseName } from '../storage/database-layout';
import type { DocumentStore } from '../storage/document-store';

/** How many trailing characters of a code or number are shown. */
const SHOWN = 4;

/** What the order screen is shown of a pickup's sale (the contract's view types). */
export type { PickupPaymentView, PickupTenderView as TenderView } from '../../src/api/api-views';
import type { PickupPaymentView, PickupTenderView as TenderView } from '../../src/api/api-views';

const tail = (text: string): string => text.slice(-SHOWN);

export function tenderView(tender: AppliedTender): TenderView {
  const view: TenderView = {
    tenderId: tender.tenderId,
    kind: tender.kind,
    amount: tender.amount,
    applied: tender.applied,
    change: tender.change,
  };
  switch (tender.kind) {
    case 'card':
      return {
        ...view,
        ...(tender.cardLast4 ? { cardLast4: tender.cardLast4 } : {}),
        ...(tender.approvalCode ? { approvalCodeEnd: tail(tender.approvalCode) } : {}),
      };
    case 'gift-card':
      return { ...view, ...(tender.cardNumber ? { cardNumberEnd: tail(tender.cardNumber) } : {}) };
    case 'store-credit':
      return {
        ...view,
        ...(tender.creditReference ? { creditReferenceEnd: tail(tender.creditReference) } : {}),
      };
    case 'loyalty-points':
      return { ...view, points: tender.points };
    case 'cash':
    case 'bank-transfer':
      return view;
  }
}

export function paymentView(sale: SaleDoc): PickupPaymentView {
  return {
    saleId: sale.id,
    status: sale.status,
    amountDue: sale.payment.amountDue,
    paid: sale.payment.paid,
    change: sale.payment.change,
    tenders: sale.payment.tenders.map(tenderView),
  };
}

/**
 * The payment of each pickup that has a sale, by pickup id: null when the sale is not on the
 * server yet (its register has not synced). Reads only the sales named, in their stores.
 */
export async function pickupPayments(
  store: DocumentStore,
  pickups: readonly PickupDoc[],
): Promise<Map<string, PickupPaymentView | null>> {
  const wanted = new Map<string, Set<string>>();
  for (const pickup of pickups) {
    if (!pickup.saleId) continue;
    const db = storeDatabaseName('sales', pickup.storeId);
    wanted.set(db, (wanted.get(db) ?? new Set()).add(pickup.saleId));
  }
  const sales = new Map<string, SaleDoc>();
  if (wanted.size > 0) {
    const existing = new Set(await store.listDatabases());
    for (const [db, ids] of wanted) {
      if (!existing.has(db)) continue;
      for (const [id, doc] of await store.getCurrent(db, [...ids])) {
        if (!doc._deleted) sales.set(id, fromCouchDoc<SaleDoc>(doc));
      }
    }
  }
  const payments = new Map<string, PickupPaymentView | null>();
  for (const pickup of pickups) {
    if (!pickup.saleId) continue;
    const sale = sales.get(pickup.saleId);
    payments.set(pickup.id, sale ? paymentView(sale) : null);
  }
  return payments;
}
