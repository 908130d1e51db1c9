/**
 * What a completed sale implies besides itself: one stock move per line and the loyalty ledger
 * entries (the redemption of its points tender, the points it earned). Derived from the stored
 * SaleDoc alone, so completing a sale and repairing one after a crash build the very same
 * documents: every id is derived from the sale id, and writing them again changes nothing.
 *
 * Nothing here needs the customer's live balance: the points are the ones the sale recorded.
 */
import type { LoyaltyEntryDoc } from '../documents/loyalty-entry';
import type { SaleDoc } from '../documents/sale';
import type { StockMoveDoc } from '../documents/stock-move';
import { earnEntry, redeemEntry } from '../loyalty/loyalty-entries';
import type { LoyaltyProgramRules } from '../documents/parts/loyalty-settings';
import { isGiftCardLine } from '../stored-value/gift-card-line';

export interface SaleImpliedDocuments {
  stockMoves: StockMoveDoc[];
  loyaltyEntries: LoyaltyEntryDoc[];
}

/** The body of a time-ordered id (`sale_01HX...` gives `01HX...`), for derived ids. */
function idBody(id: string): string {
  return id.slice(id.indexOf('_') + 1);
}

/** The stock move of line `index` (0-based) of a sale: `stk_<sale body>.<index + 1>`. */
export function saleStockMoveId(saleId: string, index: number): string {
  return `stk_${idBody(saleId)}.${index + 1}`;
}

/** The sale's ledger entry of one kind: `loy_<sale body>.earn` or `.redeem`. */
export function saleLoyaltyEntryId(saleId: string, kind: 'earn' | 'redeem'): string {
  return `loy_${idBody(saleId)}.${kind}`;
}

/**
 * The documents a completed sale implies. `program` is the store's loyalty program, for the
 * expiry of the points the sale earned; a sale that earned points with no program to date them
 * by has no earn entry here (the store stopped its program before the sale was repaired).
 * A voided sale implies nothing: its goods never left.
 */
export function saleImpliedDocuments(
  sale: SaleDoc,
  program: LoyaltyProgramRules | null | undefined,
): SaleImpliedDocuments {
  if (sale.status !== 'completed') return { stockMoves: [], loyaltyEntries: [] };
  // A gift card line moves no stock (it is no catalog product); indexes stay the cart's.
  const stockMoves: StockMoveDoc[] = sale.cart.lines.flatMap((line, index) =>
    isGiftCardLine(line)
      ? []
      : [
          {
            id: saleStockMoveId(sale.id, index),
            kind: 'sale',
            sku: line.sku,
            // Pieces for unit-priced products, grams for weighed ones (StockMoveDoc's measure).
            quantity: -(line.pricing === 'weight' ? (line.grams ?? 0) : line.quantity),
            storeId: sale.storeId,
            sourceId: sale.id,
            deviceId: sale.deviceId,
            createdAt: sale.completedAt,
          },
        ],
  );

  const loyaltyEntries: LoyaltyEntryDoc[] = [];
  if (sale.customerId !== undefined && sale.loyalty) {
    const subject = { customerId: sale.customerId, sourceId: sale.id };
    const context = (kind: 'earn' | 'redeem') => ({
      id: saleLoyaltyEntryId(sale.id, kind),
      createdAt: sale.completedAt,
      channel: 'store' as const,
      storeId: sale.storeId,
      deviceId: sale.deviceId,
    });
    const { pointsEarned, pointsRedeemed } = sale.loyalty;
    if (pointsRedeemed > 0) {
      loyaltyEntries.push(redeemEntry(subject, pointsRedeemed, context('redeem')));
    }
    if (pointsEarned > 0 && program) {
      loyaltyEntries.push(earnEntry(subject, pointsEarned, program, context('earn')));
    }
  }
  return { stockMoves, loyaltyEntries };
}
