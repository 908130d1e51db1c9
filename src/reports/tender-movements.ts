/**
 * The money each sale and refund moved through a register's tenders, as the TenderMovements a
 * shift's X and Z reports add up (src/shifts/shift-report.ts). Derived from the sale and return
 * documents themselves, never written twice: a cash sale counts what the drawer kept (applied
 * plus cash rounding; the change went back to the customer), a refund counts what went out.
 */
import type { ReturnDoc, SaleDoc } from '../documents';
import { minor, negate } from '../money';
import type { TenderMovement } from '../shifts';

/** What the store kept from a sale tender: cash keeps its rounding, other tenders their share. */
export function keptAmount(tender: SaleDoc['payment']['tenders'][number]): number {
  return tender.kind === 'cash' ? tender.applied + tender.rounding : tender.applied;
}

/**
 * Movements of one shift: completed sales and returns tagged with `shiftId`. A voided sale gave
 * its money back at the till, so it moves nothing. Ids are `<document id>:<tender index>`, so a
 * document read twice counts once.
 */
export function shiftTenderMovements(
  shiftId: string,
  sales: Iterable<SaleDoc>,
  returns: Iterable<ReturnDoc>,
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
  for (const refund of returns) {
    if (refund.shiftId !== shiftId) continue;
    refund.tenders.forEach((tender, index) => {
      if (tender.amount === 0) return;
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
