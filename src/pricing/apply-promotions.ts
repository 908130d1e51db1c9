/**
 * Automatic promotions, applied in a fixed order so every register gets the same result:
 *   1. buy X get Y, pooled over matching lines, the cheapest pieces discounted;
 *   2. item discounts: each remaining line takes its single best one;
 *   3. (after manual line discounts, see price-cart.ts) spend thresholds: the best qualifying
 *      one, spread over its lines with the allocator.
 * Lines with a price override take no promotion: the override is the cashier's final price.
 * Promotions are visited in id order and lines in lineId order, never in cart order.
 */
import { allocate, min, minor, mulDiv, sum } from '../money';
import type { Minor, RoundingMode } from '../money';
import { compareText } from '../tax';
import { countOf, lineAmount } from './line-amount';
import { PricingError } from './pricing-error';
import { promotionProblem } from './promotion-problems';
import type {
  BuyXGetYPromotion,
  ItemDiscountPromotion,
  Promotion,
  PromotionTarget,
  SpendThresholdPromotion,
} from '../documents/parts/promotion';
import { addPromotion, remainingAmount } from './working-line';
import type { WorkingLine } from './working-line';

const BASIS_POINTS = 10_000;

export function activePromotions(promotions: readonly Promotion[], now: string): Promotion[] {
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) {
    throw new PricingError('invalid-promotion', `"${now}" is not an ISO 8601 time to price at.`);
  }
  return promotions
    .filter(
      (promotion) =>
        (promotion.validFrom === undefined || Date.parse(promotion.validFrom) <= nowMs) &&
        (promotion.validTo === undefined || nowMs < Date.parse(promotion.validTo)),
    )
    .sort((a, b) => compareText(a.id, b.id));
}

function targets(target: PromotionTarget, line: WorkingLine): boolean {
  const products = target.productIds ?? [];
  const categories = target.categoryIds ?? [];
  if (products.length === 0 && categories.length === 0) return true;
  return products.includes(line.input.productId) || categories.includes(line.input.categoryId);
}

function eligible(promotion: Promotion, line: WorkingLine): boolean {
  return line.input.override === undefined && targets(promotion.target, line);
}

function explain(promotion: Promotion, amount: Minor) {
  return { promotionId: promotion.id, label: promotion.label, amount };
}

/** Refuses a promotion pricing cannot apply, with what to fix (the server checks the same). */
function checkPromotion(promotion: Promotion): void {
  const problem = promotionProblem(promotion);
  if (problem) {
    throw new PricingError(
      'invalid-promotion',
      `Promotion "${promotion.id}": ${problem}; fix it in the store settings.`,
    );
  }
}

function applyBuyXGetY(promotion: BuyXGetYPromotion, lines: WorkingLine[], mode: RoundingMode) {
  const { buyQuantity, getQuantity, getPercentBp } = promotion;
  checkPromotion(promotion);
  const pool = lines.filter(
    (line) => line.input.pricing === 'unit' && !line.hasItemPromotion && eligible(promotion, line),
  );
  const pieces = pool.reduce((total, line) => total + line.input.quantity, 0);
  let discounted = Math.floor(pieces / (buyQuantity + getQuantity)) * getQuantity;
  if (discounted === 0) return;
  // The cheapest pieces are the ones given away; ties go to the lower lineId.
  const cheapestFirst = [...pool].sort((a, b) =>
    a.unitPrice === b.unitPrice
      ? compareText(a.input.lineId, b.input.lineId)
      : a.unitPrice - b.unitPrice,
  );
  for (const line of cheapestFirst) {
    if (discounted === 0) break;
    const count = Math.min(discounted, line.input.quantity);
    discounted -= count;
    const amount = mulDiv(minor(line.unitPrice * count), getPercentBp, BASIS_POINTS, mode);
    addPromotion(line, explain(promotion, min(amount, remainingAmount(line))), true);
  }
}

function itemDiscount(
  promotion: ItemDiscountPromotion,
  line: WorkingLine,
  mode: RoundingMode,
): Minor {
  const reward = promotion.reward;
  const available = remainingAmount(line);
  if (reward.kind === 'percent') return mulDiv(available, reward.percentBp, BASIS_POINTS, mode);
  const amount = lineAmount(reward.amount, line.input.pricing, countOf(line.input), mode);
  return min(amount, available);
}

/** Stages 1 and 2. `lines` must already be in lineId order. */
export function applyItemPromotions(
  promotions: readonly Promotion[],
  lines: WorkingLine[],
  mode: RoundingMode,
): void {
  for (const promotion of promotions) {
    if (promotion.kind === 'buy-x-get-y') applyBuyXGetY(promotion, lines, mode);
  }
  const itemDiscounts = promotions.filter(
    (promotion): promotion is ItemDiscountPromotion => promotion.kind === 'item-discount',
  );
  itemDiscounts.forEach(checkPromotion);
  for (const line of lines) {
    if (line.hasItemPromotion) continue;
    let best: { promotion: ItemDiscountPromotion; amount: Minor } | undefined;
    for (const promotion of itemDiscounts) {
      if (!eligible(promotion, line)) continue;
      const amount = itemDiscount(promotion, line, mode);
      if (amount > (best?.amount ?? 0)) best = { promotion, amount };
    }
    if (best) addPromotion(line, explain(best.promotion, best.amount), true);
  }
}

/** Stage 3: the best qualifying spend threshold, spread over the lines that count toward it. */
export function applySpendThresholds(
  promotions: readonly Promotion[],
  lines: WorkingLine[],
  mode: RoundingMode,
): void {
  let best: { promotion: SpendThresholdPromotion; amount: Minor; lines: WorkingLine[] } | undefined;
  for (const promotion of promotions) {
    if (promotion.kind !== 'spend-threshold') continue;
    checkPromotion(promotion);
    const counted = lines.filter((line) => eligible(promotion, line));
    const spend = sum(counted.map(remainingAmount));
    if (counted.length === 0 || spend < promotion.threshold) continue;
    const amount =
      promotion.reward.kind === 'percent'
        ? mulDiv(spend, promotion.reward.percentBp, BASIS_POINTS, mode)
        : min(promotion.reward.amount, spend);
    if (amount > (best?.amount ?? 0)) best = { promotion, amount, lines: counted };
  }
  if (!best) return;
  const chosen = best;
  const shares = allocate(chosen.amount, chosen.lines.map(remainingAmount));
  chosen.lines.forEach((line, index) =>
    addPromotion(line, explain(chosen.promotion, shares[index] ?? minor(0)), false),
  );
}
