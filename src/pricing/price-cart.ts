/**
 * THE place prices are computed. Nobody computes a price, a discount or a tax anywhere else:
 * the register, the customer display, receipts, returns and the sync-server's check all call
 * priceCart, so the same cart gives the same totals everywhere.
 *
 * Order of work, per line then per cart:
 *   gross (catalog or override price x pieces or grams)
 *   - promotions (buy X get Y, item discounts)       see apply-promotions.ts
 *   - manual line discount (on what is left)
 *   - spend-threshold promotion (spread by allocator)
 *   - manual order discount (spread by allocator)
 *   = net, then tax by line or by document, then totals and the per-rate breakdown.
 * A gift card line (src/stored-value/gift-card-line.ts) is its value and nothing else: no
 * promotion, discount, share of the order discount or VAT, and it is left off the breakdown.
 * Lines are worked in lineId order, so reordering the cart never moves a minor unit.
 */
import { allocate, min, minor, mulDiv, parseTypedPercent, sum } from '../money';
import type { Minor, RoundingMode } from '../money';
import { compareText, computeDocumentTax, findTaxRate } from '../tax';
import { activePromotions, applyItemPromotions, applySpendThresholds } from './apply-promotions';
import type {
  CartInput,
  CartLineInput,
  ManualDiscount,
  PricedCart,
  PricedLine,
} from '../documents/parts/cart';
import type { PricingContext } from './pricing-context';
import { countOf, lineAmount } from './line-amount';
import { PricingError } from './pricing-error';
import { giftCardLinesProblem, isGiftCardLine } from '../stored-value/gift-card-line';
import { remainingAmount } from './working-line';
import type { WorkingLine } from './working-line';

const BASIS_POINTS = 10_000;

function checkLine(line: CartLineInput): void {
  const where = `Line "${line.lineId}" (${line.name})`;
  if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < 0) {
    throw new PricingError(
      'invalid-price',
      `${where} has price ${line.unitPrice}; use a whole non-negative number of minor units.`,
    );
  }
  if (line.pricing === 'unit') {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
      throw new PricingError(
        'invalid-quantity',
        `${where} has quantity ${line.quantity}; use a whole number of pieces, at least 1.`,
      );
    }
    if (line.grams !== undefined) {
      throw new PricingError(
        'invalid-grams',
        `${where} is priced per piece but has grams; remove the weight or price it by weight.`,
      );
    }
  } else {
    if (line.quantity !== 1) {
      throw new PricingError(
        'invalid-quantity',
        `${where} is weighed; its quantity must be 1 (one bag), with the weight in grams.`,
      );
    }
    if (line.grams === undefined || !Number.isSafeInteger(line.grams) || line.grams < 1) {
      throw new PricingError(
        'invalid-grams',
        `${where} is weighed; give its weight as a whole number of grams, at least 1.`,
      );
    }
  }
  if (line.override) {
    const price = line.override.unitPrice;
    if (!Number.isSafeInteger(price) || price < 0) {
      throw new PricingError(
        'invalid-price',
        `${where} has an override price of ${price}; use a whole non-negative number of minor units.`,
      );
    }
    if (line.override.reason.trim() === '') {
      throw new PricingError('override-needs-reason', `${where}: say why the price was changed.`);
    }
    if (line.override.approvedBy.trim() === '') {
      throw new PricingError(
        'override-needs-approver',
        `${where}: a price override needs the approving staff member's id.`,
      );
    }
  }
  if (line.discount) checkDiscount(line.discount, where);
}

const isDiscountPercent = (percentBp: number): boolean =>
  Number.isSafeInteger(percentBp) && percentBp >= 0 && percentBp <= BASIS_POINTS;

/**
 * A manual discount's percentage as the cashier typed it ("10", "12,5", "12.5 %"), read by the
 * one typed-number rule (src/money parseTypedPercent: two decimals at most), in basis points; null
 * when it is not a percentage from 0 to 100 that pricing would take.
 */
export function typedDiscountPercent(text: string): number | null {
  const read = parseTypedPercent(text);
  return read.ok && isDiscountPercent(read.percentBp) ? read.percentBp : null;
}

function checkDiscount(discount: ManualDiscount, where: string): void {
  const ok =
    discount.kind === 'percent'
      ? isDiscountPercent(discount.percentBp)
      : Number.isSafeInteger(discount.amount) && discount.amount >= 0;
  if (!ok) {
    throw new PricingError(
      'invalid-discount',
      `${where} has an invalid discount; use 0 to 10000 bp or a non-negative amount.`,
    );
  }
}

function discountAmount(discount: ManualDiscount, base: Minor, mode: RoundingMode): Minor {
  return discount.kind === 'percent'
    ? mulDiv(base, discount.percentBp, BASIS_POINTS, mode)
    : min(discount.amount, base);
}

function startLine(input: CartLineInput, mode: RoundingMode): WorkingLine {
  const unitPrice = input.override?.unitPrice ?? input.unitPrice;
  const amountAt = (price: Minor): Minor => lineAmount(price, input.pricing, countOf(input), mode);
  return {
    input,
    unitPrice,
    listAmount: amountAt(input.unitPrice),
    gross: amountAt(unitPrice),
    promotionDiscount: minor(0),
    lineDiscount: minor(0),
    orderDiscount: minor(0),
    promotions: [],
    hasItemPromotion: false,
  };
}

/** A gift card line priced: its value, untaxed (`taxable` 0: it is no supply of goods). */
function giftCardPricedLine(line: WorkingLine): PricedLine {
  return {
    lineId: line.input.lineId,
    unitPrice: line.unitPrice,
    listAmount: line.listAmount,
    gross: line.gross,
    promotionDiscount: minor(0),
    lineDiscount: minor(0),
    orderDiscount: minor(0),
    promotions: [],
    net: line.gross,
    taxRateId: line.input.taxRateId,
    rateBp: 0,
    taxable: minor(0),
    tax: minor(0),
    total: line.gross,
  };
}

export function priceCart(cart: CartInput, context: PricingContext): PricedCart {
  const mode = context.tax.roundingMode;
  const seen = new Set<string>();
  for (const line of cart.lines) {
    if (seen.has(line.lineId)) {
      throw new PricingError(
        'duplicate-line-id',
        `Two lines share the id "${line.lineId}"; give each cart line its own id.`,
      );
    }
    seen.add(line.lineId);
    checkLine(line);
    if (!isGiftCardLine(line)) findTaxRate(context.tax.rates, line.taxRateId);
  }
  const giftCardProblem = giftCardLinesProblem(cart, context.currency);
  if (giftCardProblem) throw new PricingError('invalid-gift-card', giftCardProblem.message);
  if (cart.orderDiscount) checkDiscount(cart.orderDiscount, 'The order');

  const working = cart.lines.map((line) => startLine(line, mode));
  // Gift card lines take no part in promotions, discounts or tax.
  const ordered = working
    .filter((line) => !isGiftCardLine(line.input))
    .sort((a, b) => compareText(a.input.lineId, b.input.lineId));
  const promotions = activePromotions(context.promotions, context.now);

  applyItemPromotions(promotions, ordered, mode);
  for (const line of ordered) {
    if (line.input.discount) {
      line.lineDiscount = discountAmount(line.input.discount, remainingAmount(line), mode);
    }
  }
  applySpendThresholds(promotions, ordered, mode);
  if (cart.orderDiscount && ordered.length > 0) {
    const bases = ordered.map(remainingAmount);
    const total = discountAmount(cart.orderDiscount, sum(bases), mode);
    const shares = allocate(total, bases);
    ordered.forEach((line, index) => {
      line.orderDiscount = shares[index] ?? minor(0);
    });
  }

  const nets = working.map(remainingAmount);
  // Tax rounded per document is spread over the lines in lineId order, as every allocation
  // here: the same cart rung up in another order pays the same tax on each line.
  const taxes = computeDocumentTax(
    ordered.map((line) => ({ amount: remainingAmount(line), taxRateId: line.input.taxRateId })),
    context.tax,
  );
  const splitOf = new Map(ordered.map((line, index) => [line.input.lineId, taxes.lines[index]]));
  const lines: PricedLine[] = working.map((line, index) => {
    if (isGiftCardLine(line.input)) return giftCardPricedLine(line);
    const split = splitOf.get(line.input.lineId);
    if (!split) throw new Error('Tax result is missing a line.'); // unreachable: one split per line
    return {
      lineId: line.input.lineId,
      unitPrice: line.unitPrice,
      listAmount: line.listAmount,
      gross: line.gross,
      promotionDiscount: line.promotionDiscount,
      lineDiscount: line.lineDiscount,
      orderDiscount: line.orderDiscount,
      promotions: line.promotions,
      net: nets[index] ?? minor(0),
      taxRateId: line.input.taxRateId,
      rateBp: findTaxRate(context.tax.rates, line.input.taxRateId).rateBp,
      taxable: split.taxable,
      tax: split.tax,
      total: split.total,
    };
  });
  const total = (pick: (line: PricedLine) => Minor): Minor => sum(lines.map(pick));
  return {
    currency: context.currency,
    pricesIncludeTax: context.tax.pricesIncludeTax,
    lines,
    totals: {
      listAmount: total((line) => line.listAmount),
      gross: total((line) => line.gross),
      promotionDiscount: total((line) => line.promotionDiscount),
      lineDiscount: total((line) => line.lineDiscount),
      orderDiscount: total((line) => line.orderDiscount),
      net: total((line) => line.net),
      taxable: total((line) => line.taxable),
      tax: total((line) => line.tax),
      total: total((line) => line.total),
    },
    taxBreakdown: taxes.breakdown,
  };
}
