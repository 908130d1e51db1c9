/**
 * Small helpers every receipt builder shares (test page now; sale, return, X and Z reports
 * later), so receipts of every kind line up the same way and format money in one place.
 */
import { formatAmount, minor } from '../../money';
import type { CurrencyCode, Locale, Minor } from '../../money';
import type { CartInput, PricedCart } from '../../pricing';
import type { ReceiptBlock, TextStyle } from '../model';
import { DEFAULT_STORE_TIME_ZONE } from '../../store-clock';
// Grams as kilograms with three decimals, in the receipt's locale: 512 g is "0,512 kg".
import { formatKilograms } from '../../stock/stock-quantity';

export interface ReceiptContext {
  storeName: string;
  locale: Locale;
  currency: CurrencyCode;
  /** The moment printed on the receipt: passed in, the core never reads the clock. */
  now: Date;
  /** IANA zone the store is in, so the printed time does not depend on the machine. */
  timeZone?: string;
}

export function centered(text: string, style?: TextStyle): ReceiptBlock {
  return style
    ? { kind: 'text', text, align: 'center', style }
    : { kind: 'text', text, align: 'center' };
}

export function line(text: string, style?: TextStyle): ReceiptBlock {
  return style ? { kind: 'text', text, style } : { kind: 'text', text };
}

/** A label on the left and an amount on the right, the shape of every totals line. */
export function labelAmount(
  label: string,
  amount: Minor,
  context: ReceiptContext,
  style?: TextStyle,
): ReceiptBlock {
  const columns = [
    { text: label, weight: 3 },
    { text: formatAmount(amount, context.currency, context.locale), weight: 2 },
  ];
  return style ? { kind: 'columns', columns, style } : { kind: 'columns', columns };
}

/** Name, quantity and line amount: the item line of sales, returns and the test page. */
export function itemRow(
  name: string,
  quantity: number,
  amount: Minor,
  context: ReceiptContext,
): ReceiptBlock {
  return {
    kind: 'columns',
    columns: [
      { text: name, weight: 6 },
      { text: String(quantity), weight: 1 },
      { text: formatAmount(amount, context.currency, context.locale), weight: 3 },
    ],
  };
}

export function printedAt(context: ReceiptContext): string {
  const format = new Intl.DateTimeFormat(context.locale, {
    timeZone: context.timeZone ?? DEFAULT_STORE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return format.format(context.now).replace(/[\u00a0\u202f]/g, ' ');
}

const CART_LABELS = {
  'vi-VN': {
    item: 'Mặt hàng',
    amount: 'T.Tiền',
    priceChanged: 'Giá sửa',
    lineDiscount: 'Giảm giá',
    orderDiscount: 'Giảm giá đơn',
    subtotal: 'Tạm tính',
    promotions: 'Khuyến mãi',
    discounts: 'Giảm giá',
    total: 'TỔNG CỘNG',
  },
  'en-US': {
    item: 'Item',
    amount: 'Amount',
    priceChanged: 'Price changed',
    lineDiscount: 'Discount',
    orderDiscount: 'Order discount',
    subtotal: 'Subtotal',
    promotions: 'Promotions',
    discounts: 'Discounts',
    total: 'TOTAL',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Text on the left and an amount (already formatted) on the right. */
export function textAmount(left: string, right: string, bold = false): ReceiptBlock {
  return {
    kind: 'columns',
    columns: [
      { text: left, weight: 3 },
      { text: right, weight: 2, align: 'right' },
    ],
    ...(bold ? { style: { bold: true } } : {}),
  };
}

/**
 * A priced cart as every paper that lists one prints it (the sale receipt, the provisional
 * bill): each line's name on its own row, its quantity or weight, price and amount under it,
 * then why it costs less; then subtotal, promotions, discounts and the bold total.
 */
export function pricedCartBlocks(
  cart: CartInput,
  priced: PricedCart,
  context: ReceiptContext,
): ReceiptBlock[] {
  const labels = CART_LABELS[context.locale];
  const money = (amount: Minor) => formatAmount(amount, context.currency, context.locale);
  const minus = (amount: Minor) => `-${money(amount)}`;
  const blocks: ReceiptBlock[] = [
    {
      kind: 'columns',
      columns: [
        { text: labels.item, weight: 3 },
        { text: labels.amount, weight: 2, align: 'right' },
      ],
      style: { bold: true },
    },
  ];
  const pricedById = new Map(priced.lines.map((pricedLine) => [pricedLine.lineId, pricedLine]));
  for (const cartLine of cart.lines) {
    const pricedLine = pricedById.get(cartLine.lineId);
    if (!pricedLine) continue;
    blocks.push(line(cartLine.name));
    const measure =
      cartLine.pricing === 'weight'
        ? `${formatKilograms(cartLine.grams ?? 0, context.locale)} x ${money(pricedLine.unitPrice)}/kg`
        : `${cartLine.quantity} x ${money(pricedLine.unitPrice)}`;
    blocks.push(textAmount(`  ${measure}`, money(pricedLine.gross)));
    if (cartLine.override) {
      blocks.push(
        line(
          `  ${labels.priceChanged}: ${money(cartLine.unitPrice)} -> ${money(cartLine.override.unitPrice)} (${cartLine.override.reason})`,
        ),
      );
    }
    for (const promotion of pricedLine.promotions) {
      const label = context.locale === 'vi-VN' ? promotion.label.vi : promotion.label.en;
      blocks.push(textAmount(`  ${label}`, minus(promotion.amount)));
    }
    if (pricedLine.lineDiscount > 0) {
      const discount = cartLine.discount;
      const percent =
        discount?.kind === 'percent' ? ` ${(discount.percentBp / 100).toString()}%` : '';
      blocks.push(textAmount(`  ${labels.lineDiscount}${percent}`, minus(pricedLine.lineDiscount)));
    }
  }

  const { totals } = priced;
  const discounts = minor(totals.lineDiscount + totals.orderDiscount);
  blocks.push(
    { kind: 'separator', char: '-' },
    labelAmount(labels.subtotal, totals.gross, context),
  );
  if (totals.promotionDiscount > 0) {
    blocks.push(textAmount(labels.promotions, minus(totals.promotionDiscount)));
  }
  if (discounts > 0) {
    const order = cart.orderDiscount;
    const detail =
      totals.orderDiscount > 0 && order?.kind === 'percent'
        ? ` (${labels.orderDiscount} ${(order.percentBp / 100).toString()}%)`
        : '';
    blocks.push(textAmount(`${labels.discounts}${detail}`, minus(discounts)));
  }
  blocks.push(labelAmount(labels.total, totals.total, context, { bold: true }));
  return blocks;
}
