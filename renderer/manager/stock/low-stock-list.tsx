import { useEffect, useState } from 'react';
import { lowStock, stockLevels } from '../../../src/stock';
import type { LowStock, StockThreshold } from '../../../src/stock';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { parseQuantity } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { productName } from './product-entry';
import {
  DEFAULT_LOW_STOCK_THRESHOLD,
  saveThreshold,
  savedThresholds,
  storeMoves,
} from './stock-data';

/**
 * SKUs at or below their threshold. The default applies to every SKU this store stocks (has
 * moves for); a SKU's own threshold wins. Products the store never stocked are not "low".
 */
export function LowStockList() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const [rows, setRows] = useState<LowStock[] | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void storeMoves().then((moves) => {
      const { storeId } = services().config;
      const levels = stockLevels(moves, { storeId });
      const own = savedThresholds();
      const skus = new Set([...levels.map((level) => level.sku), ...Object.keys(own)]);
      const thresholds: StockThreshold[] = [...skus].map((sku) => ({
        sku,
        minimum: own[sku] ?? DEFAULT_LOW_STOCK_THRESHOLD,
      }));
      setRows(lowStock(levels, thresholds, [storeId]).sort((a, b) => b.shortBy - a.shortBy));
    });
  }, [version]);

  const { catalog } = services();
  return (
    <section className="manager-card" data-testid="low-stock">
      <p className="muted">
        {t('stock.defaultThreshold', { value: DEFAULT_LOW_STOCK_THRESHOLD })}.{' '}
        {t('stock.thresholdHint')}
      </p>
      {rows?.length === 0 && <p className="muted">{t('stock.noLow')}</p>}
      {rows && rows.length > 0 && (
        <table className="manager-table">
          <thead>
            <tr>
              <th>{t('common.product')}</th>
              <th className="number">{t('stock.sellable')}</th>
              <th className="number">{t('stock.threshold')}</th>
              <th className="number">{t('stock.shortBy')}</th>
              <th>{t('stock.setThreshold')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const product = catalog.bySku(row.sku);
              return (
                <tr key={row.sku} data-testid={`low-${row.sku}`}>
                  <td>
                    {product ? productName(product, locale) : row.sku}{' '}
                    <span className="muted">{row.sku}</span>
                  </td>
                  <td className="number">{row.sellable}</td>
                  <td className="number">{row.minimum}</td>
                  <td className="number">{row.shortBy}</td>
                  <td>
                    <input
                      aria-label={`${t('stock.setThreshold')} ${row.sku}`}
                      inputMode="numeric"
                      defaultValue={row.minimum}
                      onBlur={(event) => {
                        const value = event.target.value.trim();
                        saveThreshold(row.sku, value === '0' ? 0 : parseQuantity(value));
                        setVersion((current) => current + 1);
                      }}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
