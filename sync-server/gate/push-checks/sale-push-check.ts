/**
 * What the server re-derives of a pushed sales document before it lands (see push-check.ts).
 * write-policy.ts has already re-priced the cart with the store's settings history (totals,
 * promotions, tax, payment): the sale adds up. Here the server checks what the sale is made of
 * against what it knows itself, with the rules of src/ the register used:
 *
 * - the sale is the authenticated device's, rung up by staff of this store (`forged_identity`);
 * - its times are plausible (src/sales/sale-time.ts; `implausible_time`);
 * - every line is a catalog product, priced from the version in force when the sale completed
 *   (`unknown_product`, `price_mismatch`; an older version is accepted and flagged);
 * - manual prices and discounts beyond the cashier's limit name a real approver
 *   (src/sales/sale-approvals.ts; `not_approved`);
 * - the points earned are what the program gives (src/sales/sale-points.ts; `loyalty_mismatch`);
 * - it is completed: the register never pushes a voided sale (`voided_on_push`);
 * - its gift card lines sell new cards, not paid with a gift card, points or store credit
 *   (sale-gift-card-check.ts), each card claimed once (gift-card-claims.ts; last);
 * - its bank transfers were paid, or confirmed by hand offline by a supervisor
 *   (sale-transfer-check.ts; it records those payments);
 * - its receipt number is its register's and not reused (receipt-number-check.ts).
 */
import type { SaleDoc } from '../../../src/documents';
import { saleTimeProblem } from '../../../src/sales';
import { DocumentValidator } from '../document-validator';
import type { FlagDraft, PushCheck, PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';
import { checkSaleCatalog } from './sale-catalog-check';
import { checkReceiptNumber } from './receipt-number-check';
import { shift, staffMember } from './sale-lookups';
import { checkSaleApprovals, checkSaleLoyalty } from './sale-rules-check';
import { checkSaleTransfers } from './sale-transfer-check';
import { checkSaleGiftCards } from './sale-gift-card-check';
import { claimSaleGiftCards } from './gift-card-claims';
import { worksInStore } from '../../../src/staff/staff-rules';

async function checkIdentity(sale: SaleDoc, context: PushCheckContext): Promise<PushVerdict> {
  const device = context.principal;
  if (sale.deviceId !== device.id) {
    return reject(
      'forged_identity',
      `the sale says device ${sale.deviceId}, but it was pushed by device ${device.id}; a register pushes its own sales only`,
    );
  }
  const cashier = await staffMember(context, sale.staffId);
  const works = cashier?.active === true && worksInStore(cashier, sale.storeId);
  if (!works) {
    return reject(
      'forged_identity',
      `staffId ${sale.staffId} is not an active member of staff at store ${sale.storeId}; sign in at the register with a staff member of this store`,
    );
  }
  return ACCEPT;
}

async function checkTime(sale: SaleDoc, context: PushCheckContext): Promise<PushVerdict> {
  const opened = sale.shiftId
    ? (await shift(context, sale.storeId, sale.shiftId))?.openedAt
    : undefined;
  const problem = saleTimeProblem(sale, context.now, opened);
  return problem ? reject('implausible_time', problem) : ACCEPT;
}

export const checkSalePush: PushCheck = async (doc, context) => {
  const sale = DocumentValidator.bodyOf(doc) as unknown as SaleDoc;
  if (sale.status !== 'completed' || sale.void !== undefined) {
    return reject(
      'voided_on_push',
      'a register pushes completed sales only: a sale voided at the till is never stored (the cart is cleared); a completed sale is undone by a return',
    );
  }
  const flags: FlagDraft[] = [];
  const steps = [
    () => checkIdentity(sale, context),
    () => checkTime(sale, context),
    () => checkSaleCatalog(sale, context),
    () => checkSaleApprovals(sale, context),
    () => checkSaleLoyalty(sale, context),
    () => checkSaleGiftCards(sale, context),
    () => checkSaleTransfers(sale, context),
    // Last: they claim the number and the cards, which only a sale that passed the rest should hold.
    () => checkReceiptNumber(sale, context),
    () => claimSaleGiftCards(sale, context),
  ];
  for (const step of steps) {
    const verdict = await step();
    if (verdict.kind !== 'accept') return verdict;
    flags.push(...(verdict.flags ?? []));
  }
  return flags.length > 0 ? { kind: 'accept', flags } : ACCEPT;
};
