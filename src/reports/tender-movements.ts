/**
 * The money each sale, pickup and refund moved through a register's tenders, as the
 * TenderMovements a shift's X and Z reports add up (src/shifts/shift-report.ts). Derived from the
 * sale, pickup and return documents themselves, never written twice: a cash sale counts what the
 * drawer kept (applied plus cash rounding; the change went back to the customer), a refund counts
 * what went out. A web order's refund to its online payment never passed through this register.
 */
import type { PickupDoc, ReturnDoc, SaleDoc } from '../documents';
import { add, minor, negate } from '../money';
import type { Minor } from '../money';
import { ONLINE_PAYMENT_TENDER_ID } from '../returns/web-order-return-source';
import type { GiftCardSale, TenderMovement } from '../shifts';
import { giftCardsSoldIn } from '../stored-value';
import type { RefundTender } from '../tenders';

/** What the store kept from a sale tender: cash keeps its rounding, other tenders their share. */
export function keptAmount(tender: SaleDoc['payment']['tenders'][number]): Minor {
  return tender.kind === 'cash' ? add(tender.applied, tender.rounding) : tender.applied;
}

/**
 * Whether a refund tender paid out at this register. A web order's prepaid part goes back to the
 * online payment (its card tender `online-payment`): the shop's payment provider refunds it, not
 * this register's card terminal, so it is in no drawer or terminal batch here.
 */
export function refundedAtRegister(refund: ReturnDoc, tender: RefundTender): boolean {
  const fromWeb = refund.original !== undefined && refund.original.channel !== 'store';
  return !(fromWeb && tender.originalTenderId === ONLINE_PAYMENT_TENDER_ID);
}

/**
 * Movements of one shift: completed sales, pickups that took a payment and returns tagged with
 * `shiftId`. A voided sale gave its money back at the till, so it moves nothing. A pickup's
 * payment counts as a sale (goods left the store for it). Ids are `<document id>:<tender
 * index>`, so a document read twice counts once.
 */
export function shiftTenderMovements(
  shiftId: string,
  sales: Iterable<SaleDoc>,
  returns: Iterable<ReturnDoc>,
  pickups: Iterable<PickupDoc> = [],
): TenderMovement[] {
  const movements: TenderMovement[] = [];
  for (const sale of sales) {
    if (sale.shiftId !== shiftId || sale.status !== 'completed') continue;
    sale.payment.tenders.forEach((tender, index) => {
      const amount = keptAmount(tender);
      if (amount === 0) return;
      movements.push({
        id: `${sale.id}:${index}`,
        shiftId,
        kind: 'sale',
        tender: tender.kind,
        amount: minor(amount),
        createdAt: sale.completedAt,
      });
    });
  }
  for (const pickup of pickups) {
    if (pickup.shiftId !== shiftId) continue;
    (pickup.tenders ?? []).forEach((tender, index) => {
      const amount = keptAmount(tender);
      if (amount === 0) return;
      movements.push({
        id: `${pickup.id}:${index}`,
        shiftId,
        kind: 'sale',
        tender: tender.kind,
        amount: minor(amount),
        createdAt: pickup.createdAt,
      });
    });
  }
  for (const refund of returns) {
    if (refund.shiftId !== shiftId) continue;
    refund.tenders.forEach((tender, index) => {
      if (tender.amount === 0 || !refundedAtRegister(refund, tender)) return;
      movements.push({
        id: `${refund.id}:${index}`,
        shiftId,
        kind: 'refund',
        tender: tender.kind,
        amount: negate(tender.amount),
        createdAt: refund.completedAt,
      });
    });
  }
  return movements;
}

/**
 * The gift cards the shift's completed sales sold (src/stored-value/gift-card-sales.ts), for the
 * X and Z reports' own line: their tenders are already in `shiftTenderMovements`.
 */
export function shiftGiftCardSales(shiftId: string, sales: Iterable<SaleDoc>): GiftCardSale[] {
  const sold: GiftCardSale[] = [];
  for (const sale of sales) {
    if (sale.shiftId !== shiftId || sale.status !== 'completed') continue;
    const cards = giftCardsSoldIn(sale);
    if (cards.count === 0) continue;
    sold.push({ id: sale.id, shiftId, ...cards, createdAt: sale.completedAt });
  }
  return sold;
}
