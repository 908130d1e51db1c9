/**
 * Assembles a completed till sale from the cart and the tenders: the SaleDoc, its stock moves
 * and its loyalty ledger entries, all in one pure step so the register, the sync-server and the
 * benchmarks build them the same way. Prices come from priceCart and the payment from settle:
 * nothing here computes a price.
 *
 * The stock moves and ledger entries are derived from the SaleDoc alone (saleImpliedDocuments),
 * with ids derived from the sale id: a retried completion, or the repair at start-up after a
 * crash between two writes, rebuilds the very same documents and writing them again changes
 * nothing.
 */
import type { SaleDoc, SalePayment } from '../documents/sale';
import type { StockMoveDoc } from '../documents/stock-move';
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import type { StoreSettingsDoc } from '../documents/store-settings';
import { pointsValue, redeemablePoints } from '../loyalty/loyalty-program';
import type { LoyaltyTier } from '../documents/parts/loyalty-settings';
import { sum } from '../money';
import type { Minor } from '../money';
import { priceCart } from '../pricing/price-cart';
import { pricingContextFromSettings } from '../pricing/pricing-context';
import { PricingError } from '../pricing/pricing-error';
import { TaxError } from '../tax/tax-error';
import type { CartInput, PricedCart } from '../documents/parts/cart';
import { settle } from '../tenders/settle';
import { salePointsEarned } from './sale-points';
import type { TenderError, TenderInput } from '../documents/parts/tender';
import { saleImpliedDocuments } from './sale-implied-documents';
import { receiptNumberFor } from '../receipt/receipt-number';

export type SaleSettings = Pick<
  StoreSettingsDoc,
  'currency' | 'tax' | 'cashRounding' | 'promotions' | 'loyalty' | 'timeZone'
>;

export interface SaleCustomer {
  id: string;
  /** The tier when the sale is made (for its earn bonus); null when the customer has none. */
  tier: LoyaltyTier | null;
  /** Points the register knows the customer has (the sum of the ledger it holds). */
  availablePoints: number;
}

export interface CompleteSaleInput {
  /** Made once, when the sale starts (`timeOrderedId('sale', ...)`), reused on every retry. */
  saleId: string;
  /** When the sale started: promotions are those running then, as the server re-prices it. */
  createdAt: string;
  /** When it is paid: tax rates are those in force then on the store's calendar (docs/TAX.md). */
  completedAt: string;
  storeId: string;
  registerId: string;
  deviceId: string;
  staffId: string;
  shiftId?: string;
  settings: SaleSettings;
  cart: CartInput;
  tenders: readonly TenderInput[];
  customer?: SaleCustomer;
  /** This register's next receipt sequence (nextReceiptSequence); the sale carries its number. */
  receiptSequence?: number;
}

export type CompleteSaleErrorCode =
  | 'empty-cart'
  | 'pricing'
  | 'payment'
  | 'points-need-customer'
  | 'points-need-program'
  | 'points-value'
  | 'points-over-allowance';

export interface CompleteSaleError {
  code: CompleteSaleErrorCode;
  message: string;
  /** The tender errors from src/tenders, for code `payment`. */
  tenderErrors?: TenderError[];
  /** For `points-over-allowance`: the most points this sale may take. */
  maxPoints?: number;
}

export interface CompletedSale {
  sale: SaleDoc;
  priced: PricedCart;
  stockMoves: StockMoveDoc[];
  loyaltyEntries: LoyaltyEntryDoc[];
  /** The customer's points after this sale, from `availablePoints`; null without a customer. */
  pointsAfter: number | null;
}

export type CompleteSaleResult =
  { ok: true; completed: CompletedSale } | { ok: false; error: CompleteSaleError };

function fail(error: CompleteSaleError): CompleteSaleResult {
  return { ok: false, error };
}

/** Points spent by the loyalty tenders, and their money value. */
function pointsTendered(tenders: readonly TenderInput[]): { points: number; amount: Minor } {
  const pointsTenders = tenders.filter((tender) => tender.kind === 'loyalty-points');
  return {
    points: pointsTenders.reduce((total, tender) => total + tender.points, 0),
    amount: sum(pointsTenders.map((tender) => tender.amount)),
  };
}

export function completeSale(input: CompleteSaleInput): CompleteSaleResult {
  if (input.cart.lines.length === 0) {
    return fail({ code: 'empty-cart', message: 'The sale has no lines.' });
  }
  let priced: PricedCart;
  try {
    // Taxed at completion: a cart started before a rate change and paid after it pays the new rate.
    priced = priceCart(
      input.cart,
      pricingContextFromSettings(input.settings, input.createdAt, input.completedAt),
    );
  } catch (error) {
    // A tax category the settings got wrong (a schedule out of order) is said, not thrown.
    if (error instanceof PricingError || error instanceof TaxError) {
      return fail({ code: 'pricing', message: error.message });
    }
    throw error;
  }

  const redeemed = pointsTendered(input.tenders);
  const program = input.settings.loyalty?.program;
  if (redeemed.points > 0) {
    if (!input.customer) {
      return fail({
        code: 'points-need-customer',
        message: 'Points can only pay when the customer is attached to the sale.',
      });
    }
    if (!program) {
      return fail({ code: 'points-need-program', message: 'This store runs no loyalty program.' });
    }
    for (const tender of input.tenders) {
      if (
        tender.kind === 'loyalty-points' &&
        tender.amount !== pointsValue(tender.points, program)
      ) {
        return fail({
          code: 'points-value',
          message: `${tender.points} points are worth ${pointsValue(tender.points, program)}, not ${tender.amount}.`,
        });
      }
    }
    const allowance = redeemablePoints(
      {
        available: input.customer.availablePoints,
        saleTotal: priced.totals.total,
        requested: redeemed.points,
      },
      program,
    );
    if (allowance.maxPoints < redeemed.points) {
      const most = redeemablePoints(
        { available: input.customer.availablePoints, saleTotal: priced.totals.total },
        program,
      ).maxPoints;
      return fail({
        code: 'points-over-allowance',
        message: `At most ${most} points can pay for this sale (${allowance.limitedBy ?? 'limit'}).`,
        maxPoints: most,
      });
    }
  }

  const settled = settle(priced.totals.total, input.tenders, {
    currency: input.settings.currency,
    cashRounding: input.settings.cashRounding,
  });
  if (!settled.ok) {
    return fail({
      code: 'payment',
      message: settled.errors.map((error) => error.message).join(' '),
      tenderErrors: settled.errors,
    });
  }
  const {
    remaining: _remaining,
    remainingInCash: _remainingInCash,
    complete: _complete,
    ...payment
  } = settled.settlement;

  let loyalty: SaleDoc['loyalty'];
  let pointsAfter: number | null = null;
  if (input.customer) {
    const pointsEarned = program
      ? salePointsEarned(
          { cart: input.cart, priced, notEarningAmount: redeemed.amount },
          input.customer.tier,
          program,
        )
      : 0;
    if (program) loyalty = { pointsEarned, pointsRedeemed: redeemed.points };
    pointsAfter = input.customer.availablePoints - redeemed.points + pointsEarned;
  }

  const sale: SaleDoc = {
    id: input.saleId,
    storeId: input.storeId,
    registerId: input.registerId,
    deviceId: input.deviceId,
    staffId: input.staffId,
    ...(input.shiftId === undefined ? {} : { shiftId: input.shiftId }),
    channel: 'store',
    status: 'completed',
    currency: input.settings.currency,
    ...(input.customer ? { customerId: input.customer.id } : {}),
    cart: input.cart,
    priced,
    payment: payment satisfies SalePayment,
    ...(loyalty ? { loyalty } : {}),
    createdAt: input.createdAt,
    completedAt: input.completedAt,
    ...(input.receiptSequence === undefined
      ? {}
      : {
          receiptNumber: receiptNumberFor(input.storeId, input.registerId, input.receiptSequence),
          receiptSeq: input.receiptSequence,
        }),
  };

  // The stock moves and ledger entries follow from the sale alone, as a repair rebuilds them.
  const { stockMoves, loyaltyEntries } = saleImpliedDocuments(sale, program);
  return { ok: true, completed: { sale, priced, stockMoves, loyaltyEntries, pointsAfter } };
}
