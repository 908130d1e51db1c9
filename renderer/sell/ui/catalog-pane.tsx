import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProductDoc } from '../../../src/documents';
import { formatMoney } from '../../../src/money';
import { ProductThumb } from '../../components/product-thumb';
import { useTranslate } from '../../i18n/use-translate';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../cart-store';
import { quickKeyProducts } from '../../lookup/quick-keys';
import { handleEntry } from '../scan-entry';
import { focusScanInput, scanInputRef } from '../scan-input-focus';

/** The scan-or-search field, the search results and the quick keys. */
export function CatalogPane(props: { onNeedsWeight: (product: ProductDoc) => void }) {
  const t = useTranslate();
  const locale = useAppStore((state) => state.locale);
  const catalogRevision = useAppStore((state) => state.catalogRevision);
  const storeQuickKeys = useAppStore((state) => state.settings?.quickKeys);
  const addProduct = useCartStore((state) => state.addProduct);
  const setNotice = useCartStore((state) => state.setNotice);
  const [query, setQuery] = useState('');
  const { catalog } = services();
  // The index is mutable: its revision goes up with every synced product (new, re-priced,
  // withdrawn) and refreshes these, so a result on screen never shows an old price.
  const results = useMemo(
    () => (catalogRevision > 0 && query.trim() ? catalog.search(query, 24) : []),
    [catalog, query, catalogRevision],
  );
  const quickKeys = useMemo(
    () => (catalogRevision > 0 ? quickKeyProducts(catalog, storeQuickKeys) : []),
    [catalog, catalogRevision, storeQuickKeys],
  );

  function pick(product: ProductDoc): void {
    if (product.unitPrice <= 0)
      setNotice({ kind: 'error', text: t('sell.noPrice', { name: product.name.vi }) });
    else if (product.pricing === 'weight') props.onNeedsWeight(product);
    else addProduct(product);
    setQuery('');
    focusScanInput();
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const outcome = handleEntry(query, t);
    if (outcome.kind === 'needs-weight') props.onNeedsWeight(outcome.product);
    if (outcome.kind !== 'search') setQuery('');
  }

  const productButton = (product: ProductDoc) => {
    const name = locale === 'vi-VN' ? product.name.vi : product.name.en;
    return (
      <li key={product.id}>
        <button type="button" className="product-button" onClick={() => pick(product)}>
          <ProductThumb sku={product.sku} name={name} />
          <span className="product-text">
            <span>{name}</span>
            <span className="muted">
              {formatMoney(product.unitPrice, product.currency, locale)}
              {product.pricing === 'weight' ? t('sell.perKg') : ''}
            </span>
          </span>
        </button>
      </li>
    );
  };

  return (
    <>
      <form onSubmit={submit}>
        <input
          ref={scanInputRef}
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
      {query.trim() ? (
        <ul className="product-grid" data-testid="search-results">
          {results.length === 0 && <li className="muted">{t('sell.noResults', { query })}</li>}
          {results.map(productButton)}
        </ul>
      ) : (
        <>
          <h2>{t('sell.quickKeys')}</h2>
          <ul className="product-grid" data-testid="quick-keys">
            {quickKeys.map(productButton)}
          </ul>
        </>
      )}
    </>
  );
}
