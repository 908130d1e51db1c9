/**
 * Web orders waiting at the demo stores, one prepaid and one to be paid at pickup (what the
 * customers did before today, with the points it earned, is demo-history.ts).
 */
import { DEFAULT_STORE_TIME_ZONE } from '../store-clock';
import { taxRateAt } from '../tax';
import { DEMO_TAX_RATES } from './demo-tax';
import type { CustomerDoc } from '../documents/customer';
import type { ProductDoc } from '../documents/product';
import type { WebOrderDoc, WebOrderLine } from '../documents/web-order';
import { minor, mulDiv, sum } from '../money';
import { markReadyForPickup, placeOrder } from '../orders';
import { DEMO_OTHER_STORE_ID, DEMO_STORE_ID } from './demo-ids';

function daysBefore(now: string, days: number): string {
  return new Date(Date.parse(now) - days * 86_400_000).toISOString();
}

function line(
  lineId: string,
  product: ProductDoc,
  quantity: number,
  taxRateBp: number,
): WebOrderLine {
  return {
    lineId,
    sku: product.sku,
    name: product.name.vi,
    quantity,
    unitPrice: product.unitPrice,
    lineTotal: mulDiv(product.unitPrice, quantity, 1, 'half-up'),
    taxRateBp,
  };
}

/** The tax rate of a demo product at `at` (the demo's rates, docs/TAX.md), in basis points. */
function taxRateBpAt(product: ProductDoc, at: string): number {
  const category = DEMO_TAX_RATES.find((candidate) => candidate.id === product.taxRateId);
  return category ? taxRateAt(category, at, DEFAULT_STORE_TIME_ZONE) : 0;
}

/** An order line for `quantity` pieces of a demo product at its catalog price, taxed as at `at`. */
export function orderLine(
  lineId: string,
  product: ProductDoc,
  quantity: number,
  at: string,
): WebOrderLine {
  return line(lineId, product, quantity, taxRateBpAt(product, at));
}

/**
 * Three web orders: two to collect at the demo register's store, one at the other store, for
 * customers 21 to 23 (LC00000021…), leaving the first customers' histories empty.
 */
export function generateDemoWebOrders(
  customers: readonly CustomerDoc[],
  products: readonly ProductDoc[],
  now: string,
): WebOrderDoc[] {
  const unitProducts = products.filter((product) => product.pricing === 'unit');
  const [first, second, third] = customers.slice(20, 23);
  const [coffee, bread, water, milk] = unitProducts;
  if (!first || !second || !third || !coffee || !bread || !water || !milk) return [];
  const rate = (product: ProductDoc): number => taxRateBpAt(product, now);

  const prepaidLines = [line('1', coffee, 6, rate(coffee)), line('2', bread, 2, rate(bread))];
  const prepaid = placeOrder({
    id: 'ord_demo0001',
    orderNumber: 'W-10001',
    customerId: first.id,
    channel: 'web',
    pickupStoreId: DEMO_STORE_ID,
    currency: 'VND',
    lines: prepaidLines,
    prepaid: sum(prepaidLines.map((entry) => entry.lineTotal)),
    placedAt: daysBefore(now, 1),
  });
  const payAtPickup = markReadyForPickup(
    placeOrder({
      id: 'ord_demo0002',
      orderNumber: 'W-10002',
      customerId: second.id,
      channel: 'social',
      pickupStoreId: DEMO_STORE_ID,
      currency: 'VND',
      lines: [line('1', milk, 4, rate(milk)), line('2', water, 12, rate(water))],
      prepaid: minor(0),
      placedAt: daysBefore(now, 2),
    }),
    daysBefore(now, 1),
  );
  const otherStore = placeOrder({
    id: 'ord_demo0003',
    orderNumber: 'W-10003',
    customerId: third.id,
    channel: 'web',
    pickupStoreId: DEMO_OTHER_STORE_ID,
    currency: 'VND',
    lines: [line('1', coffee, 2, rate(coffee))],
    prepaid: minor(0),
    placedAt: daysBefore(now, 1),
  });
  return [prepaid, payAtPickup, otherStore];
}
