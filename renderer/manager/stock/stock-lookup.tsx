import { useState } from 'react';
import type { ProductDoc } from '../../../src/documents';
import { formatStockQuantity } from '../../../src/stock';
import type { StockLevel } from '../../../src/stock';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { dateTime } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { ProductEntry, productName } from './product-entry';
import { levelHere, remoteStock } from '../../lookup/stock-data';
import { useStoreNames } from '../../lookup/store-names';
import type { RemoteStock } from '../../lookup/stock-data';

type Elsewhere = { state: 'loading' } | { state: 'unavailable' } | ({ state: 'ok' } & RemoteStock);

/** On hand for one product: here from the local moves, elsewhere from the server. */
export function StockLookup() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const storeName = useStoreNames();
  const [product, setProduct] = useState<ProductDoc | null>(null);
  const [here, setHere] = useState<StockLevel | null>(null);
  const [elsewhere, setElsewhere] = useState<Elsewhere | null>(null);

  function look(found: ProductDoc): void {
    setProduct(found);
    setHere(null);
    setElsewhere({ state: 'loading' });
    void levelHere(found.sku).then(setHere);
    void remoteStock(found.sku).then((remote) =>
      setElsewhere(remote ? { state: 'ok', ...remote } : { state: 'unavailable' }),
    );
  }

  const { storeId } = services().config;
  const shown = (quantity: number) =>
    formatStockQuantity(quantity, product?.pricing ?? 'unit', locale);
  const others =
    elsewhere?.state === 'ok' ? elsewhere.stores.filter((entry) => entry.storeId !== storeId) : [];
  return (
    <section className="manager-card" data-testid="stock-lookup">
      <ProductEntry testId="stock-lookup-entry" onProduct={look} />
      {product && (
        <>
          <h3 data-testid="stock-product">
            {productName(product, locale)} <span className="muted">{product.sku}</span>
          </h3>
          <h3>{t('stock.here')}</h3>
          <p>
            {t('stock.sellable')}:{' '}
            <strong data-testid="stock-here">{here ? shown(here.sellable) : '…'}</strong>
            {' · '}
            {t('stock.damaged')}:{' '}
            <span data-testid="stock-here-damaged">{here ? shown(here.damaged) : '…'}</span>
          </p>
          <h3>{t('stock.elsewhere')}</h3>
          {elsewhere?.state === 'loading' && <p className="muted">{t('stock.loadingRemote')}</p>}
          {elsewhere?.state === 'unavailable' && (
            <p className="notice" role="status" data-testid="stock-elsewhere-unavailable">
              {t('stock.unavailable')}
            </p>
          )}
          {elsewhere?.state === 'ok' && (
            <>
              <p className="muted" data-testid="stock-elsewhere-time">
                {t('stock.asOf', { time: dateTime(elsewhere.fetchedAt, locale) })}
              </p>
              {others.length === 0 ? (
                <p className="muted">{t('stock.noOther')}</p>
              ) : (
                <table className="manager-table" data-testid="stock-elsewhere">
                  <thead>
                    <tr>
                      <th>{t('stock.store')}</th>
                      <th className="number">{t('stock.sellable')}</th>
                      <th className="number">{t('stock.damaged')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {others.map((entry) => (
                      <tr key={entry.storeId} data-testid={`stock-store-${entry.storeId}`}>
                        <td>{storeName(entry.storeId)}</td>
                        <td className="number">{shown(entry.sellable)}</td>
                        <td className="number">{shown(entry.damaged)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
