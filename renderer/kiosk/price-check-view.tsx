import { useEffect, useMemo, useState } from 'react';
import type { ProductDoc } from '../../src/documents';
import { formatMoney } from '../../src/money';
import type { Minor } from '../../src/money';
import { cartLineFor, priceCart, pricingContextFromSettings } from '../../src/pricing';
import { formatStockQuantity } from '../../src/stock';
import { remoteStock, watchLevelHere } from '../lookup/stock-data';
import type { RemoteStock } from '../lookup/stock-data';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { useKioskTranslate } from './use-kiosk-translate';
import { useStoreNames } from '../lookup/store-names';

/**
 * A product's price, its promotions (priced by src/pricing on a one-line cart, so the kiosk says
 * exactly what the till will charge) and its stock here and, when online, in other stores.
 */
export function PriceCheckView(props: { product: ProductDoc }) {
  const t = useKioskTranslate();
  const locale = useAppStore((state) => state.locale);
  const settings = useAppStore((state) => state.settings);
  const storeName = useStoreNames();
  const { product } = props;
  // Answers are kept with the SKU they are for: a new scan shows "…" until its own answer.
  const [hereFor, setHere] = useState<{ sku: string; sellable: number } | null>(null);
  const [nearbyFor, setNearby] = useState<{ sku: string; stock: RemoteStock | null } | null>(null);

  useEffect(() => {
    // Followed live, not read once: the figure stays true while replication brings moves in.
    const unwatch = watchLevelHere(
      product.sku,
      (level) => setHere({ sku: product.sku, sellable: level.sellable }),
      (error) => console.error(`Stock of ${product.sku} could not be read:`, error),
    );
    void remoteStock(product.sku).then((stock) => setNearby({ sku: product.sku, stock }));
    return unwatch;
  }, [product]);
  const here = hereFor?.sku === product.sku ? hereFor.sellable : null;
  const nearby = nearbyFor?.sku === product.sku ? nearbyFor.stock : 'loading';

  const priced = useMemo(() => {
    if (!settings) return null;
    const context = pricingContextFromSettings(settings, new Date().toISOString());
    return priceCart(
      {
        lines: [
          // A weighed product is shown per kilogram: price one kilogram.
          cartLineFor(product, {
            lineId: 'kiosk',
            quantity: 1,
            grams: product.pricing === 'weight' ? 1000 : undefined,
          }),
        ],
      },
      context,
    ).lines[0];
  }, [product, settings]);

  const money = (amount: Minor) => formatMoney(amount, product.currency, locale);
  const { storeId } = services().config;
  const others =
    nearby && nearby !== 'loading'
      ? nearby.stores.filter((entry) => entry.storeId !== storeId && entry.sellable > 0)
      : [];
  const perKg = product.pricing === 'weight' ? t('kiosk.perKg') : '';
  const stockShown = (quantity: number) => formatStockQuantity(quantity, product.pricing, locale);
  return (
    <section className="kiosk-panel" data-testid="kiosk-price">
      <h2 data-testid="kiosk-product-name">
        {locale === 'vi-VN' ? product.name.vi : product.name.en}
      </h2>
      <p className="kiosk-price" data-testid="kiosk-product-price">
        {money(product.unitPrice)}
        {perKg}
      </p>
      {priced && priced.promotions.length > 0 ? (
        <div data-testid="kiosk-promotions">
          <h3>{t('kiosk.promotions')}</h3>
          <ul>
            {priced.promotions.map((promotion) => (
              <li key={promotion.promotionId}>
                {locale === 'vi-VN' ? promotion.label.vi : promotion.label.en}: −
                {money(promotion.amount)}
              </li>
            ))}
          </ul>
          <p className="kiosk-price-after">
            {t('kiosk.priceAfter')}:{' '}
            <strong data-testid="kiosk-price-after">
              {money(priced.total)}
              {perKg}
            </strong>
          </p>
        </div>
      ) : (
        <p className="kiosk-muted">{t('kiosk.noPromotion')}</p>
      )}
      <p data-testid="kiosk-stock-here">
        {here === null
          ? '…'
          : here > 0
            ? t('kiosk.stockHere', { count: stockShown(here) })
            : t('kiosk.outOfStock')}
      </p>
      <h3>{t('kiosk.stockNearby')}</h3>
      {nearby === null && <p className="kiosk-muted">{t('kiosk.nearbyUnavailable')}</p>}
      {nearby && nearby !== 'loading' && others.length === 0 && (
        <p className="kiosk-muted">{t('kiosk.nearbyNone')}</p>
      )}
      <ul data-testid="kiosk-stock-nearby">
        {others.map((entry) => (
          <li key={entry.storeId}>
            {t('kiosk.storeStock', {
              store: storeName(entry.storeId),
              count: stockShown(entry.sellable),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
