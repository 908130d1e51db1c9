/**
 * A gift card sold at the till: a cart line that is no catalog product. It needs no schema change
 * (docs/OMNICHANNEL.md "Selling a gift card"): the line names the reserved product
 * `GIFT_CARD_PRODUCT_ID`, its SKU is the card number (normalised) and its price is the value
 * loaded, one piece. Pricing gives it no promotion, no discount and no VAT (a payment instrument:
 * VAT is due when goods are bought with it); loyalty gives it no points; it moves no stock and is
 * left off the e-invoice; it is final sale. The completed sale issues the card's value
 * (`storedValueFactsOfSale`), once the server has verified it.
 */
import type { CartInput, CartLineInput } from '../documents/parts/cart';
import type { TenderInput, TenderKind } from '../documents/parts/tender';
import type { CurrencyCode, Minor } from '../money';
import { currency, minor } from '../money';
import {
  GIFT_CARD_PRODUCT_ID,
  isCreditNoteNumber,
  normalizeStoredValueNumber,
} from './stored-value-facts';

/** The line's category and tax category: neither is in the store's settings. */
export const GIFT_CARD_CATEGORY_ID = 'gift-card';
export const GIFT_CARD_TAX_RATE_ID = 'gift-card';

export function isGiftCardLine(line: Pick<CartLineInput, 'productId'>): boolean {
  return line.productId === GIFT_CARD_PRODUCT_ID;
}

/**
 * What one card may be loaded with at the till, in minor units: 10.000 ₫ to 10.000.000 ₫ in
 * VND; in a currency with cents 1.00 to 1 000.00, in another without them 100 to 100 000.
 * Fixed, not a store setting (a setting would change the store settings schema).
 */
export function giftCardLoadBounds(code: CurrencyCode): { min: Minor; max: Minor } {
  if (code === 'VND') return { min: minor(10_000), max: minor(10_000_000) };
  const scale = 10 ** currency(code).minorDigits;
  return scale === 1
    ? { min: minor(100), max: minor(100_000) }
    : { min: minor(scale), max: minor(1_000 * scale) };
}

/** A card number as a till takes it: 8 to 32 letters or digits once normalised, not a credit note. */
export function isGiftCardNumber(number: string): boolean {
  return /^[0-9A-Z]{8,32}$/.test(number) && !isCreditNoteNumber(number);
}

/** The cart line selling `number` loaded with `amount`; `name` is what the receipt prints. */
export function giftCardLine(input: {
  lineId: string;
  number: string;
  amount: Minor;
  name: string;
}): CartLineInput {
  return {
    lineId: input.lineId,
    productId: GIFT_CARD_PRODUCT_ID,
    sku: normalizeStoredValueNumber(input.number),
    name: input.name,
    categoryId: GIFT_CARD_CATEGORY_ID,
    pricing: 'unit',
    unitPrice: input.amount,
    quantity: 1,
    taxRateId: GIFT_CARD_TAX_RATE_ID,
    finalSale: true,
  };
}

export type GiftCardLineProblemCode =
  'bad-number' | 'below-minimum' | 'above-maximum' | 'not-plain' | 'sold-twice';

export interface GiftCardLineProblem {
  code: GiftCardLineProblemCode;
  lineId: string;
  message: string;
}

/**
 * What is wrong with the cart's gift card lines, or null: each sells one card whose number is
 * normalised, at a value within the bounds, with nothing else on the line (no discount, override,
 * weight, catalog category or tax category), and no card is sold twice in one cart.
 */
export function giftCardLinesProblem(
  cart: Pick<CartInput, 'lines'>,
  code: CurrencyCode,
): GiftCardLineProblem | null {
  const bounds = giftCardLoadBounds(code);
  const seen = new Set<string>();
  for (const line of cart.lines.filter(isGiftCardLine)) {
    const where = `Gift card line "${line.lineId}" (${line.sku})`;
    const problem = (kind: GiftCardLineProblemCode, message: string): GiftCardLineProblem => ({
      code: kind,
      lineId: line.lineId,
      message: `${where} ${message}`,
    });
    if (!isGiftCardNumber(line.sku) || normalizeStoredValueNumber(line.sku) !== line.sku) {
      return problem(
        'bad-number',
        'has no card number a till sells; scan the card again (8 to 32 letters or digits).',
      );
    }
    if (seen.has(line.sku)) {
      return problem('sold-twice', 'sells a card already in this cart; remove one of the lines.');
    }
    seen.add(line.sku);
    const plain =
      line.pricing === 'unit' &&
      line.quantity === 1 &&
      line.grams === undefined &&
      line.discount === undefined &&
      line.override === undefined &&
      line.finalSale === true &&
      line.categoryId === GIFT_CARD_CATEGORY_ID &&
      line.taxRateId === GIFT_CARD_TAX_RATE_ID;
    if (!plain) {
      return problem(
        'not-plain',
        'is not one card at its value: a gift card takes no quantity, weight, discount or price change.',
      );
    }
    if (!Number.isSafeInteger(line.unitPrice) || line.unitPrice < bounds.min) {
      return problem(
        'below-minimum',
        `loads ${line.unitPrice}; load at least ${bounds.min} (minor units of ${code}).`,
      );
    }
    if (line.unitPrice > bounds.max) {
      return problem(
        'above-maximum',
        `loads ${line.unitPrice}; load at most ${bounds.max} (minor units of ${code}).`,
      );
    }
  }
  return null;
}

/** The card numbers a cart sells. */
export function giftCardNumbersSold(cart: Pick<CartInput, 'lines'>): string[] {
  return cart.lines.filter(isGiftCardLine).map((line) => line.sku);
}

/**
 * A gift card number as receipts and the cart print it: the last four characters after a star,
 * as a bank card's last four (`Thẻ *1234`). The number is a bearer instrument: whoever reads it
 * whole can spend the card.
 */
export function maskedCardNumber(number: string): string {
  return `*${normalizeStoredValueNumber(number).slice(-4)}`;
}

/**
 * The tenders that may not pay in a cart that sells a gift card: a gift card or a credit note
 * (value would move between stored-value instruments, or a card would pay for itself) and
 * loyalty points (points would become a bearer card anyone can spend: cash-like, transferable
 * value). The rule covers the whole cart, not only its gift card part: splitting a mixed
 * cart's tenders between the card and the goods would be a guess the server cannot check, and
 * the cashier can sell the card in a sale of its own. Used by the till's payment panel and by
 * the server's sale check (`gift_card_for_gift_card`, `gift_card_for_points_or_credit`).
 */
export const TENDERS_REFUSED_FOR_GIFT_CARD: readonly TenderKind[] = [
  'gift-card',
  'store-credit',
  'loyalty-points',
];

export interface GiftCardTenderProblem {
  /** The first tender refused, in the sale's order. */
  tenderId: string;
  kind: 'gift-card' | 'store-credit' | 'loyalty-points';
  /** The card numbers the cart sells. */
  numbers: string[];
}

/** Whether a tender of `kind` may pay for a cart whose lines are `lines`. */
export function tenderAllowedForCart(kind: TenderKind, cart: Pick<CartInput, 'lines'>): boolean {
  return !TENDERS_REFUSED_FOR_GIFT_CARD.includes(kind) || !cart.lines.some(isGiftCardLine);
}

/** The first tender that may not pay for a cart selling a gift card, or null. */
export function giftCardTenderProblem(
  cart: Pick<CartInput, 'lines'>,
  tenders: readonly Pick<TenderInput, 'tenderId' | 'kind'>[],
): GiftCardTenderProblem | null {
  const numbers = giftCardNumbersSold(cart);
  if (numbers.length === 0) return null;
  for (const tender of tenders) {
    if (
      tender.kind === 'gift-card' ||
      tender.kind === 'store-credit' ||
      tender.kind === 'loyalty-points'
    ) {
      return { tenderId: tender.tenderId, kind: tender.kind, numbers };
    }
  }
  return null;
}
