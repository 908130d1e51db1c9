/**
 * The points a sale earns, derived from what it is made of: its priced lines (net and category),
 * the part paid with points (which never earns) and the customer's tier. completeSale writes
 * this into the sale; the sync-server derives it again for every pushed sale.
 */
import type { SaleDoc } from '../documents/sale';
import { pointsToEarn } from '../loyalty/loyalty-program';
import type { LoyaltyProgramRules, LoyaltyTier } from '../documents/parts/loyalty-settings';
import { sum } from '../money';
import type { Minor } from '../money';
import type { CartInput, PricedCart } from '../documents/parts/cart';
import type { SalePayment } from '../documents/sale';
import { isGiftCardLine } from '../stored-value/gift-card-line';

/** What points paid for: removed pro rata from what earns. */
export function pointsTenderAmount(payment: Pick<SalePayment, 'tenders'>): Minor {
  return sum(
    payment.tenders.flatMap((tender) => (tender.kind === 'loyalty-points' ? [tender.amount] : [])),
  );
}

export function salePointsEarned(
  sale: { cart: CartInput; priced: PricedCart; notEarningAmount: Minor },
  tier: LoyaltyTier | null,
  program: LoyaltyProgramRules,
): number {
  const categories = new Map(sale.cart.lines.map((line) => [line.lineId, line.categoryId]));
  const giftCardLineIds = new Set(
    sale.cart.lines.filter(isGiftCardLine).map((line) => line.lineId),
  );
  return pointsToEarn(
    {
      // A gift card earns nothing when sold: the goods it later buys earn.
      lines: sale.priced.lines
        .filter((line) => !giftCardLineIds.has(line.lineId))
        .map((line) => ({
          net: line.net,
          categoryId: categories.get(line.lineId) ?? '',
        })),
      notEarningAmount: sale.notEarningAmount,
      tier,
    },
    program,
  );
}

/**
 * The points a pushed sale may say it earned: what the program gives at the customer's tier
 * (`tier`, as the server knows it) or at any lower tier, or with no tier at all. The register
 * may know less of the customer's history than the server, never more.
 */
export function acceptablePointsEarned(
  sale: Pick<SaleDoc, 'cart' | 'priced' | 'payment'>,
  tier: LoyaltyTier | null,
  program: LoyaltyProgramRules,
): number[] {
  const tiers = [
    null,
    ...program.tiers.filter(
      (candidate) => tier !== null && candidate.thresholdPoints <= tier.thresholdPoints,
    ),
  ];
  const input = {
    cart: sale.cart,
    priced: sale.priced,
    notEarningAmount: pointsTenderAmount(sale.payment),
  };
  return [...new Set(tiers.map((candidate) => salePointsEarned(input, candidate, program)))];
}
