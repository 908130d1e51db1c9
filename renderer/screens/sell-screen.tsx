import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProductDoc } from '../../src/documents';
import { formatMoney } from '../../src/money';
import { useTranslate } from '../i18n/use-translate';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { useCartStore } from '../sell/cart-store';
import { handleEntry } from '../sell/scan-entry';
import { usePricedCart } from '../sell/use-priced-cart';
import { WeightPrompt } from '../components/weight-prompt';

export function SellScreen() {
  const t = useTranslate();
  const locale = useAppStore((state) => state.locale);
  const catalogCount = useAppStore((state) => state.catalogCount);
  const lines = useCartStore((state) => state.lines);
  const notice = useCartStore((state) => state.notice);
  const lastLineId = useCartStore((state) => state.lastLineId);
  const addProduct = useCartStore((state) => state.addProduct);
  const removeLine = useCartStore((state) => state.removeLine);
  const priced = usePricedCart();
  const [query, setQuery] = useState('');
  const [weighing, setWeighing] = useState<ProductDoc | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const { catalog } = services();
  // catalogCount is a dependency on purpose: results refresh while the catalog syncs in.
  const results = useMemo(
    () => (query.trim() ? catalog.search(query, 24) : []),
    [catalog, query, catalogCount],
  );
  const quickKeys = useMemo(() => catalog.quickKeys(), [catalog, catalogCount]);

  function pick(product: ProductDoc): void {
    if (product.pricing === 'weight') setWeighing(product);
    else addProduct(product);
    setQuery('');
    input.current?.focus();
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const outcome = handleEntry(query, t);
    if (outcome.kind === 'needs-weight') setWeighing(outcome.product);
    if (outcome.kind !== 'search') setQuery('');
  }

  const currency = priced?.currency ?? 'VND';
  const money = (amount: number) => formatMoney(amount as never, currency, locale);
  const pricedById = new Map(priced?.lines.map((line) => [line.lineId, line]));

  return (
    <main className="sell-screen">
      <section className="catalog-pane">
        <form onSubmit={submit}>
          <input
            ref={input}
            className="scan-input"
            data-testid="scan-input"
            aria-label={t('sell.scanPlaceholder')}
            placeholder={t('sell.scanPlaceholder')}
            value={query}
            autoFocus
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
          />
        </form>
        {notice && (
          <p
            className={notice.kind === 'error' ? 'error' : 'notice'}
            role="alert"
            data-testid="sell-notice"
          >
            {notice.text}
          </p>
        )}
        {query.trim() ? (
          <ul className="product-grid" data-testid="search-results">
            {results.length === 0 && <li className="muted">{t('sell.noResults', { query })}</li>}
            {results.map((product) => (
              <li key={product.id}>
                <button type="button" className="product-button" onClick={() => pick(product)}>
                  <span>{locale === 'vi-VN' ? product.name.vi : product.name.en}</span>
                  <span className="muted">
                    {formatMoney(product.unitPrice, product.currency, locale)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <>
            <h2>{t('sell.quickKeys')}</h2>
            <ul className="product-grid" data-testid="quick-keys">
              {quickKeys.map((product) => (
                <li key={product.id}>
                  <button type="button" className="product-button" onClick={() => pick(product)}>
                    <span>{locale === 'vi-VN' ? product.name.vi : product.name.en}</span>
                    <span className="muted">
                      {formatMoney(product.unitPrice, product.currency, locale)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="cart-pane" aria-label={t('cart.total')}>
        <table className="cart-table" data-testid="cart">
          <thead>
            <tr>
              <th>{t('cart.item')}</th>
              <th className="number">{t('cart.quantity')}</th>
              <th className="number">{t('cart.amount')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('sell.emptyCart')}
                </td>
              </tr>
            )}
            {lines.map((line) => {
              const pricedLine = pricedById.get(line.lineId);
              return (
                <tr
                  key={line.lineId}
                  className={line.lineId === lastLineId ? 'last-line' : undefined}
                  data-testid="cart-line"
                >
                  <td>
                    {line.name}
                    {pricedLine?.promotions.map((promotion) => (
                      <div key={promotion.promotionId} className="promotion">
                        {locale === 'vi-VN' ? promotion.label.vi : promotion.label.en}: −
                        {money(promotion.amount)}
                      </div>
                    ))}
                  </td>
                  <td className="number">
                    {line.pricing === 'weight' ? `${line.grams ?? 0} g` : line.quantity}
                  </td>
                  <td className="number" data-testid="line-total">
                    {pricedLine ? money(pricedLine.total) : ''}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-icon"
                      aria-label={t('cart.remove')}
                      onClick={() => removeLine(line.lineId)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {priced && (
          <dl className="totals">
            <dt>{t('cart.subtotal')}</dt>
            <dd>{money(priced.totals.gross)}</dd>
            {priced.totals.gross !== priced.totals.net && (
              <>
                <dt>{t('cart.discount')}</dt>
                <dd>−{money(priced.totals.gross - priced.totals.net)}</dd>
              </>
            )}
            <dt>{t('cart.tax')}</dt>
            <dd>{money(priced.totals.tax)}</dd>
            <dt className="grand-total">{t('cart.total')}</dt>
            <dd className="grand-total" data-testid="cart-total">
              {money(priced.totals.total)}
            </dd>
          </dl>
        )}
      </section>
      {weighing && (
        <WeightPrompt
          product={weighing}
          onCancel={() => setWeighing(null)}
          onConfirm={(grams) => {
            addProduct(weighing, { grams });
            setWeighing(null);
            input.current?.focus();
          }}
        />
      )}
    </main>
  );
}
