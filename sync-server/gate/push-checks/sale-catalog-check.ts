/**
 * A pushed sale's lines against the catalog: every line names a product the server knows (its
 * productId and SKU together), and was rung up from a version of that product's catalog entry
 * (price, per kg for weighed lines, category, tax rate; price-history.ts). The version in force
 * when the sale completed is accepted as is; an older or newer one is accepted and flagged (the
 * register had not pulled the change yet); a price no version ever had is refused. Gift card
 * lines are no products: sale-gift-card-check.ts checks them.
 */
import type { SaleDoc } from '../../../src/documents';
import { formatMoney } from '../../../src/money';
import type { Minor } from '../../../src/money';
import { isGiftCardLine } from '../../../src/stored-value';
import { matchLineToPrices } from '../../history/price-history';
import type { PushCheckContext, PushVerdict } from './push-check';
import { ACCEPT, reject } from './push-check';
import { catalogEntries } from './sale-lookups';

export async function checkSaleCatalog(
  sale: SaleDoc,
  context: PushCheckContext,
): Promise<PushVerdict> {
  const products = sale.cart.lines.filter((line) => !isGiftCardLine(line));
  const entries = await catalogEntries(
    context,
    products.map((line) => line.productId),
  );
  const stale: string[] = [];
  for (const line of products) {
    const entry = entries.get(line.productId);
    const where = `line ${line.lineId} (${line.sku})`;
    if (!entry || entry.versions.length === 0) {
      return reject(
        'unknown_product',
        `${where}: product ${line.productId} is not in the catalog; sell catalog products only (the register pulls them)`,
      );
    }
    if (entry.versions.every((version) => version.sku !== line.sku)) {
      return reject(
        'unknown_product',
        `${where}: product ${line.productId} is SKU ${entry.versions.at(-1)?.sku}, not ${line.sku}`,
      );
    }
    const match = matchLineToPrices(line, entry.versions, sale.completedAt);
    if (!match) continue; // unreachable: versions is not empty
    if (match.kind === 'never') {
      return reject(
        'price_mismatch',
        `${where} was not rung up from any catalog version of ${line.productId} (${match.difference}, in force from ${match.inForce.inForceFrom}); ring it up again from the catalog, or change its price with an approved override`,
      );
    }
    if (match.kind === 'superseded') {
      const money = (amount: Minor) => formatMoney(amount, sale.currency, 'en-US');
      stale.push(
        `${line.sku} at ${money(match.version.unitPrice)} (in force from ${match.version.inForceFrom}), the catalog said ${money(match.inForce.unitPrice)} from ${match.inForce.inForceFrom}`,
      );
    }
  }
  if (stale.length === 0) return ACCEPT;
  return {
    kind: 'accept',
    flags: [
      {
        kind: 'unverified-price',
        key: sale.id,
        summary: `Sale ${sale.id} was priced with catalog prices already replaced when it completed at ${sale.completedAt}: ${stale.join('; ')}. The register was behind; check its sync.`,
        storeId: sale.storeId,
        documents: [{ db: context.database.name, id: sale.id }],
      },
    ],
  };
}
