import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import {
  formatStockQuantity,
  lowStock,
  parseStockQuantity,
  stockLevels,
  stockQuantityText,
  thresholdsFor,
  DEFAULT_LOW_STOCK_THRESHOLD,
} from '../../../src/stock';
import type { LowStock, StockMeasure } from '../../../src/stock';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { ManagerPinFooter, useStoreSettingsSave } from '../settings/store-settings-save';
import { useManagerTranslate } from '../use-manager-translate';
import { productName } from './product-entry';
import { storeMoves } from '../../lookup/stock-data';

/** How a SKU is counted: pieces, or grams (shown and typed as kg) for a weighed product. */
function measureOf(sku: string): StockMeasure {
  return services().catalog.bySku(sku)?.pricing ?? 'unit';
}

/**
 * What a typed threshold means: blank clears it; pieces, or kilograms of a weighed product
 * (kept in grams, the measure of its stock), set it; anything else is invalid.
 */
function readThreshold(text: string, measure: StockMeasure): number | null | 'invalid' {
  if (text.trim() === '') return null;
  return parseStockQuantity(text, measure) ?? 'invalid';
}

/**
 * SKUs at or below their threshold. The store's default applies to every SKU it stocks (has
 * moves for); a SKU's own threshold wins. Products the store never stocked are not "low".
 * Thresholds live in the store's settings (the server writes them when a manager's PIN
 * approves), so every register of the store warns alike.
 */
export function LowStockList() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const stock = useAppStore((state) => state.settings?.stock);
  const [rows, setRows] = useState<LowStock[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [defaultDraft, setDefaultDraft] = useState('');
  const [extraSku, setExtraSku] = useState('');
  const [extraMinimum, setExtraMinimum] = useState('');
  const { pin, setPin, message, setMessage, save } = useStoreSettingsSave(
    t('stock.thresholdsSaved'),
  );

  useEffect(() => {
    void storeMoves().then((moves) => {
      const { storeId } = services().config;
      const levels = stockLevels(moves, { storeId });
      const thresholds = thresholdsFor(
        stock,
        levels.map((level) => level.sku),
        measureOf,
      );
      setRows(lowStock(levels, thresholds, [storeId]).sort((a, b) => b.shortBy - a.shortBy));
    });
  }, [stock]);

  const own = new Map(stock?.thresholds.map((entry) => [entry.sku, entry.minimum]));
  const defaultThreshold = stock?.defaultThreshold ?? DEFAULT_LOW_STOCK_THRESHOLD;

  /** Only what the manager changed goes to the server. */
  function change():
    { defaultThreshold?: number; thresholds: Record<string, number | null> } | 'invalid' {
    const thresholds: Record<string, number | null> = {};
    for (const [sku, text] of Object.entries(drafts)) {
      const value = readThreshold(text, measureOf(sku));
      if (value === 'invalid') return 'invalid';
      if (value !== (own.get(sku) ?? null)) thresholds[sku] = value;
    }
    if (extraSku.trim()) {
      const value = readThreshold(extraMinimum, measureOf(extraSku.trim()));
      if (value === 'invalid') return 'invalid';
      thresholds[extraSku.trim()] = value;
    }
    const result: { defaultThreshold?: number; thresholds: Record<string, number | null> } = {
      thresholds,
    };
    if (defaultDraft.trim()) {
      // The default counts what people count: pieces, or kilograms of a weighed product.
      const value = readThreshold(defaultDraft, 'unit');
      if (value === 'invalid' || value === null) return 'invalid';
      if (value !== defaultThreshold) result.defaultThreshold = value;
    }
    return result;
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const wanted = change();
    if (wanted === 'invalid') {
      setMessage({ kind: 'error', text: t('stock.badThreshold') });
      return;
    }
    if (wanted.defaultThreshold === undefined && Object.keys(wanted.thresholds).length === 0) {
      setMessage({ kind: 'error', text: t('stock.noThresholdChange') });
      return;
    }
    if (await save({ stock: wanted })) {
      setDrafts({});
      setDefaultDraft('');
      setExtraSku('');
      setExtraMinimum('');
    }
  }

  const { catalog } = services();
  return (
    <form className="manager-card" data-testid="low-stock" onSubmit={(event) => void submit(event)}>
      <p className="muted">
        {t('stock.defaultThreshold', { value: defaultThreshold })} ({t('stock.thresholdUnits')}).{' '}
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
              const measure = product?.pricing ?? 'unit';
              const shown = (quantity: number) => formatStockQuantity(quantity, measure, locale);
              const ownMinimum = own.get(row.sku);
              return (
                <tr key={row.sku} data-testid={`low-${row.sku}`}>
                  <td>
                    {product ? productName(product, locale) : row.sku}{' '}
                    <span className="muted">{row.sku}</span>
                  </td>
                  <td className="number">{shown(row.sellable)}</td>
                  <td className="number">{shown(row.minimum)}</td>
                  <td className="number">{shown(row.shortBy)}</td>
                  <td>
                    <input
                      aria-label={`${t('stock.setThreshold')} ${row.sku}`}
                      inputMode={measure === 'weight' ? 'decimal' : 'numeric'}
                      placeholder={String(defaultThreshold)}
                      value={
                        drafts[row.sku] ??
                        (ownMinimum === undefined
                          ? ''
                          : stockQuantityText(ownMinimum, measure, locale))
                      }
                      onChange={(event) => setDrafts({ ...drafts, [row.sku]: event.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="inline-form">
        <label>
          {t('stock.defaultLabel')}
          <input
            inputMode="numeric"
            data-testid="default-threshold"
            placeholder={String(defaultThreshold)}
            value={defaultDraft}
            onChange={(event) => setDefaultDraft(event.target.value)}
          />
        </label>
        <label>
          {t('stock.addThreshold')}
          <input
            data-testid="threshold-sku"
            placeholder="SKU"
            value={extraSku}
            onChange={(event) => setExtraSku(event.target.value)}
          />
        </label>
        <input
          aria-label={`${t('stock.threshold')} ${extraSku}`}
          data-testid="threshold-minimum"
          inputMode="numeric"
          value={extraMinimum}
          onChange={(event) => setExtraMinimum(event.target.value)}
        />
      </div>
      <ManagerPinFooter
        pin={pin}
        onPinChange={setPin}
        message={message}
        submitLabel={t('stock.saveThresholds')}
        pinTestId="threshold-pin"
        submitTestId="save-thresholds"
      />
    </form>
  );
}
