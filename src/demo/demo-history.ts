/**
 * What the demo's loyalty customers bought before today, so their points have a history behind
 * them: till sales in the stores (made by completeSale, with their stock moves and earn entries,
 * exactly as a register writes them) and orders on the web shop, by customer care and on social
 * media, collected at a store (pickups and their stock moves) and earning by the program's rule
 * (pointsToEarn). A customer's points are the sum of these entries: nothing is made up.
 *
 * When: from two months to a week before today, so this week's reports hold only what a
 * walkthrough (or a test) rings up itself.
 *
 * Who: from the eleventh customer on, every second one (the first ten start with nothing, so a
 * walkthrough or a test sees only its own); customers 17, 27, 37 … are regulars with a weekly
 * shop, gold members by their points. Every fifth of them also shops in Hoàn Kiếm; the
 * others keep to Quận 1, so a Hoàn Kiếm register holds only the customers who came there.
 */
import type { CustomerDoc } from '../documents/customer';
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import type { PickupDoc } from '../documents/pickup';
import type { ProductDoc } from '../documents/product';
import type { SaleDoc } from '../documents/sale';
import type { StockMoveDoc } from '../documents/stock-move';
import type { StoreSettingsDoc } from '../documents/store-settings';
import type { WebOrderDoc } from '../documents/web-order';
import type { CartLineInput } from '../documents/parts/cart';
import type { TenderInput } from '../documents/parts/tender';
import { earnEntry, pointsToEarn } from '../loyalty';
import { markReadyForPickup, pickupStockMoves, placeOrder, recordPickup } from '../orders';
import { cartLineFor, priceCart, pricingContextFromSettings } from '../pricing';
import { completeSale } from '../sales/complete-sale';
import { DEMO_OTHER_STORE_ID, DEMO_STORE_ID } from './demo-ids';
import { orderLine } from './demo-activity';
import { SeededRandom } from './random';

/** The register the demo's past till sales were rung on, in each store (`Q1-05-000001`). */
export const DEMO_HISTORY_REGISTER = 'reg-05';
const HISTORY_DEVICE = 'dev_demo-history';
const CASHIER: Readonly<Record<string, string>> = {
  [DEMO_STORE_ID]: 'staff_lan',
  [DEMO_OTHER_STORE_ID]: 'staff_tuan',
};
const CHANNELS = ['web', 'social', 'care'] as const;

export interface DemoHistory {
  sales: SaleDoc[];
  orders: WebOrderDoc[];
  pickups: PickupDoc[];
  stockMoves: StockMoveDoc[];
  loyaltyEntries: LoyaltyEntryDoc[];
}

/** Whether the demo gives this customer (0-based position) a past and points. */
export function hasDemoHistory(index: number): boolean {
  return index >= 10 && index % 2 === 0;
}

/** A time `days` before `now`, at `hour`:`minute` UTC (09:00 to 19:00 in Việt Nam). */
function pastTime(now: string, days: number, hour: number, minute: number): string {
  const day = new Date(Date.parse(now) - days * 86_400_000);
  day.setUTCHours(hour, minute, 0, 0);
  return day.toISOString();
}

/** A basket: a few items, or a regular's weekly shop (more lines, more of each). */
function cartLines(
  products: readonly ProductDoc[],
  random: SeededRandom,
  big = false,
): CartLineInput[] {
  const count = Math.min(big ? random.int(4, 7) : random.int(1, 4), products.length);
  const picked = new Set<ProductDoc>();
  while (picked.size < count) picked.add(random.pick(products));
  return [...picked].map((product, index) =>
    cartLineFor(product, {
      lineId: `l${index + 1}`,
      quantity: product.pricing === 'weight' ? 1 : big ? random.int(2, 5) : random.int(1, 3),
      grams: product.pricing === 'weight' ? random.int(3, 24) * 50 : undefined,
    }),
  );
}

interface PlannedSale {
  storeId: string;
  customerId: string;
  at: string;
  lines: CartLineInput[];
  byCard: boolean;
  approval: string;
}

function tenders(sale: PlannedSale, settings: StoreSettingsDoc): TenderInput[] {
  const total = priceCart({ lines: sale.lines }, pricingContextFromSettings(settings, sale.at))
    .totals.total;
  if (sale.byCard) {
    return [{ kind: 'card', tenderId: 't1', amount: total, approvalCode: sale.approval }];
  }
  // Cash: the next 10.000 ₫ note up, the change given back.
  const handed = Math.ceil(total / 10_000) * 10_000;
  return [{ kind: 'cash', tenderId: 't1', amount: handed as typeof total }];
}

export function generateDemoHistory(
  customers: readonly CustomerDoc[],
  products: readonly ProductDoc[],
  stores: readonly StoreSettingsDoc[],
  now: string,
  seed: number,
): DemoHistory {
  const random = new SeededRandom(seed ^ 0x415);
  const settingsOf = new Map(stores.map((store) => [store.storeId, store]));
  const history: DemoHistory = {
    sales: [],
    orders: [],
    pickups: [],
    stockMoves: [],
    loyaltyEntries: [],
  };
  const planned: PlannedSale[] = [];
  const unitProducts = products.filter((product) => product.pricing === 'unit');
  // A catalog too small for a history (tests, benchmarks' settings-only data) gets none.
  if (unitProducts.length === 0) return history;
  customers.forEach((customer, index) => {
    if (!hasDemoHistory(index)) return;
    const number = index + 1;
    const alsoHanoi = number % 5 === 0;
    // Regulars (customers 17, 27, 37 …) shop every week: enough points for the gold tier.
    const regular = number % 10 === 7;
    const visits = regular ? random.int(10, 14) : random.int(1, 3);
    for (let visit = 0; visit < visits; visit++) {
      planned.push({
        storeId: alsoHanoi && visit === 0 ? DEMO_OTHER_STORE_ID : DEMO_STORE_ID,
        customerId: customer.id,
        at: pastTime(now, random.int(8, 60), random.int(2, 11), random.int(0, 59)),
        lines: cartLines(products, random, regular),
        byCard: random.int(0, 2) === 0,
        approval: random.digits(6),
      });
    }
    const channel = CHANNELS[number % CHANNELS.length] ?? 'web';
    const storeId = alsoHanoi ? DEMO_OTHER_STORE_ID : DEMO_STORE_ID;
    const settings = settingsOf.get(storeId);
    if (settings) orderHistory(history, customer, number, channel, storeId, settings, unitProducts);
  });

  // Receipt numbers run in time order in each store.
  planned.sort((a, b) => a.at.localeCompare(b.at));
  const sequences = new Map<string, number>();
  for (const sale of planned) {
    const settings = settingsOf.get(sale.storeId);
    if (!settings?.loyalty) continue;
    const sequence = (sequences.get(sale.storeId) ?? 0) + 1;
    sequences.set(sale.storeId, sequence);
    const result = completeSale({
      saleId: `sale_demo-${sale.storeId}-${String(sequence).padStart(4, '0')}`,
      createdAt: sale.at,
      completedAt: sale.at,
      storeId: sale.storeId,
      registerId: DEMO_HISTORY_REGISTER,
      deviceId: HISTORY_DEVICE,
      staffId: CASHIER[sale.storeId] ?? 'staff_ha',
      settings,
      cart: { lines: sale.lines },
      tenders: tenders(sale, settings),
      customer: { id: sale.customerId, tier: null, availablePoints: 0 },
      receiptSequence: sequence,
    });
    if (!result.ok) throw new Error(`Demo sale ${sequence}: ${result.error.message}`);
    history.sales.push(result.completed.sale);
    history.stockMoves.push(...result.completed.stockMoves);
    history.loyaltyEntries.push(...result.completed.loyaltyEntries);
  }
  return history;

  function orderHistory(
    into: DemoHistory,
    customer: CustomerDoc,
    number: number,
    channel: (typeof CHANNELS)[number],
    storeId: string,
    settings: StoreSettingsDoc,
    catalog: readonly ProductDoc[],
  ): void {
    const placedAt = pastTime(now, random.int(9, 45), random.int(1, 14), random.int(0, 59));
    const collectedAt = new Date(Date.parse(placedAt) + 86_400_000).toISOString();
    const picked = cartLines(catalog, random);
    const lines = picked.map((line) => {
      const product = catalog.find((candidate) => candidate.sku === line.sku);
      if (!product) throw new Error(`No demo product ${line.sku}`);
      return orderLine(line.lineId, product, line.quantity, placedAt);
    });
    const id = `ord_demo-history-${String(number).padStart(4, '0')}`;
    const placed = placeOrder({
      id,
      orderNumber: `W-${String(20000 + number)}`,
      customerId: customer.id,
      channel,
      pickupStoreId: storeId,
      currency: 'VND',
      lines,
      prepaid: lines.reduce((total, line) => total + line.lineTotal, 0) as WebOrderDoc['total'],
      placedAt,
    });
    const order = markReadyForPickup(placed, placedAt);
    const pickup = recordPickup(order, [], {
      id: `pick_demo-history-${String(number).padStart(4, '0')}`,
      storeId,
      deviceId: HISTORY_DEVICE,
      staffId: CASHIER[storeId] ?? 'staff_ha',
      lines: order.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
      createdAt: collectedAt,
    });
    into.orders.push(order);
    into.pickups.push(pickup);
    into.stockMoves.push(...pickupStockMoves(pickup, order));
    const program = settings.loyalty?.program;
    if (!program) return;
    const categories = new Map(picked.map((line) => [line.sku, line.categoryId]));
    const points = pointsToEarn(
      {
        lines: order.lines.map((line) => ({
          net: line.lineTotal,
          categoryId: categories.get(line.sku) ?? '',
        })),
        tier: null,
      },
      program,
    );
    if (points <= 0) return;
    into.loyaltyEntries.push(
      earnEntry({ customerId: customer.id, sourceId: order.id }, points, program, {
        id: `loy_demo-history-${String(number).padStart(4, '0')}.earn`,
        createdAt: collectedAt,
        channel,
        storeId,
      }),
    );
  }
}
