/**
 * Small helpers every receipt builder shares (test page now; sale, return, X and Z reports
 * later), so receipts of every kind line up the same way and format money in one place.
 */
import { formatAmount } from '../../money';
import type { CurrencyCode, Locale, Minor } from '../../money';
import type { ReceiptBlock, TextStyle } from '../model';
import { DEFAULT_STORE_TIME_ZONE } from '../../store-clock';

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
