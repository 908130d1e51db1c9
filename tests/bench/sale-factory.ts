/**
 * Realistic till sales for the bench: a cart of catalog products (some weighed), paid in cash or
 * by card, with a loyalty customer on some of them, assembled by src/sales (completeSale), the
 * same pure step the register uses. Registers under load and the browser's completion bench
 * both build their sales here, so the server receives what a register would really push.
 */
import type { SeededRandom } from '../../src/demo';
import type { CustomerDoc, ProductDoc, StoreSettingsDoc } from '../../src/documents';
import { timeOrderedId } from '../../src/ids';
import { minor } from '../../src/money';
import { cartLineFor, priceCart, pricingContextFromSettings } from '../../src/pricing';
import type { CartLineInput } from '../../src/pricing';
import { completeSale } from '../../src/sales';
import type { CompleteSaleInput, CompletedSale } from '../../src/sales';
import type { TenderInput } from '../../src/tenders';

export interface SaleParties {
  storeId: string;
  registerId: string;
  deviceId: string;
  staffId: string;
}

export interface SaleRequest {
  random: SeededRandom;
  products: readonly ProductDoc[];
  customers: readonly CustomerDoc[];
  settings: StoreSettingsDoc;
  parties: SaleParties;
  nowMs: number;
  lineCount: number;
  /** Share of sales with a loyalty customer attached (0..1). */
  customerShare?: number;
}

export function cartLines(
  random: SeededRandom,
  products: readonly ProductDoc[],
  lineCount: number,
): CartLineInput[] {
  const lines: CartLineInput[] = [];
  for (let index = 0; index < lineCount; index++) {
    const product = random.pick(products);
    const weighed = product.pricing === 'weight';
    const line = cartLineFor(product, {
      lineId: `l${String(index + 1).padStart(3, '0')}`,
      quantity: weighed ? 1 : random.int(1, 3),
      grams: weighed ? random.int(150, 1_800) : undefined,
    });
    lines.push(line);
  }
  return lines;
}

/**
 * What the register hands to completeSale when the cashier presses "pay": the cart, the tenders
 * and the customer. Built outside any measured span (it is the cashier's work, not the app's).
 */
export function benchSaleInput(request: SaleRequest): CompleteSaleInput {
  const { random, settings, parties } = request;
  const saleId = timeOrderedId('sale', request.nowMs, (length) => random.bytes(length));
  const createdAt = new Date(request.nowMs - 60_000).toISOString();
  const cart = { lines: cartLines(random, request.products, request.lineCount) };
  const withCustomer =
    request.customers.length > 0 && random.next() < (request.customerShare ?? 0.4);
  const customer = withCustomer ? random.pick(request.customers) : undefined;
  // The register shows the total before payment, from the same pricing completeSale uses.
  const total = priceCart(cart, pricingContextFromSettings(settings, createdAt)).totals.total;
  const tenders: TenderInput[] =
    random.next() < 0.5
      ? [{ kind: 'card', tenderId: 't1', amount: total, approvalCode: 'OK1234', cardLast4: '4242' }]
      : [{ kind: 'cash', tenderId: 't1', amount: minor(Math.ceil(total / 50_000) * 50_000) }];
  return {
    saleId,
    createdAt,
    completedAt: new Date(request.nowMs).toISOString(),
    ...parties,
    settings,
    cart,
    tenders,
    ...(customer ? { customer: { id: customer.id, tier: null, availablePoints: 0 } } : {}),
  };
}

/** The completed sale, or an exception: bench data must always make valid sales. */
export function completeBenchSale(input: CompleteSaleInput): CompletedSale {
  const result = completeSale(input);
  if (!result.ok) throw new Error(`Bench sale refused: ${result.error.message}`);
  return result.completed;
}

export function benchSale(request: SaleRequest): CompletedSale {
  return completeBenchSale(benchSaleInput(request));
}
