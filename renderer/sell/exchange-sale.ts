/**
 * The second half of an exchange: the goods came back as one store-credit tender on the
 * ReturnDoc, which reserved the new sale's id (`exchangeSaleId`). Starting the exchange sale
 * gives the sell screen that id and hands the payment panel the credit note, so at payment the
 * store-credit tender goes in by itself (for the credit or the new sale's total, whichever is
 * less), held through the stored-value service like any other note.
 */
import type { ReturnDoc } from '../../src/documents';
import { minor } from '../../src/money';
import type { Minor } from '../../src/money';
import { useCartStore } from './cart-store';
import { useCreditNoteOfferStore } from './credit-note-offer';

/** The credit an exchange issued: its store-credit refund tenders (there is one). */
export function exchangeCredit(returnDoc: ReturnDoc): Minor {
  return minor(
    returnDoc.tenders.reduce(
      (sum, tender) => sum + (tender.kind === 'store-credit' ? tender.amount : 0),
      0,
    ),
  );
}

export type ExchangeStart =
  | { ok: true; saleId: string; credit: Minor }
  | { ok: false; reason: 'not-an-exchange' | 'sale-open' };

export function startExchangeSale(returnDoc: ReturnDoc): ExchangeStart {
  const saleId = returnDoc.exchangeSaleId;
  const credit = exchangeCredit(returnDoc);
  if (saleId === undefined || credit <= 0) return { ok: false, reason: 'not-an-exchange' };
  if (!useCartStore.getState().reserveSaleId(saleId)) return { ok: false, reason: 'sale-open' };
  useCreditNoteOfferStore.getState().setOffer({ number: returnDoc.id, amount: credit, saleId });
  return { ok: true, saleId, credit };
}

/**
 * The exchange's sale opened from the returns screen, which gets this from the staff shell (it
 * imports no sell code): on success the sell screen greets the cashier with `notice`.
 */
export function openExchangeSale(
  returnDoc: ReturnDoc,
  notice: (credit: Minor) => string,
): ExchangeStart {
  const started = startExchangeSale(returnDoc);
  if (started.ok) useCartStore.getState().setNotice({ kind: 'info', text: notice(started.credit) });
  return started;
}
