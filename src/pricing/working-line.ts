import { minor } from '../money';
import type { Minor } from '../money';
import type { CartLineInput, PricedLine, PromotionExplanation } from '../documents/parts/cart';

/**
 * A line while the cart is being priced: the priced line's amounts, which accumulate stage by
 * stage, before tax and net are worked out.
 */
export interface WorkingLine extends Pick<
  PricedLine,
  | 'unitPrice'
  | 'listAmount'
  | 'gross'
  | 'promotionDiscount'
  | 'lineDiscount'
  | 'orderDiscount'
  | 'promotions'
> {
  input: CartLineInput;
  /** A line takes at most one item promotion (item discount or buy X get Y). */
  hasItemPromotion: boolean;
}

/** What is still left to discount on the line (never negative: every stage caps at it). */
export function remainingAmount(line: WorkingLine): Minor {
  return minor(line.gross - line.promotionDiscount - line.lineDiscount - line.orderDiscount);
}

export function addPromotion(
  line: WorkingLine,
  explanation: PromotionExplanation,
  itemPromotion: boolean,
): void {
  if (explanation.amount === 0) return;
  line.promotionDiscount = minor(line.promotionDiscount + explanation.amount);
  line.promotions.push(explanation);
  if (itemPromotion) line.hasItemPromotion = true;
}
