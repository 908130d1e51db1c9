import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProductDoc } from '../../../src/documents';
import { onScan } from '../../devices/scan-router';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useManagerTranslate } from '../use-manager-translate';
import { productFor, productOfScan } from '../../lookup/stock-data';

/** How many name matches are offered to pick from. */
const MATCHES_SHOWN = 8;

/**
 * A scan-or-type field for the stock screens: a keyboard-wedge scan (digits then Enter), a typed
 * SKU, or words of the product's name, with or without Vietnamese accents ("banh mi"), found by
 * the sell screen's own catalog search (src/search CatalogIndex.search). One match is taken at
 * once; several are listed to pick from. The field clears for the next scan.
 */
export function ProductEntry(props: { onProduct: (product: ProductDoc) => void; testId: string }) {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [matches, setMatches] = useState<{ query: string; products: ProductDoc[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { onProduct } = props;

  // Scanner bursts reach the app's scan router, not this field: take them while mounted.
  useEffect(
    () =>
      onScan(({ raw, scan }) => {
        const product = productOfScan(scan);
        setMatches(null);
        if (!product) setError(t('common.unknownProduct', { code: raw.trim() }));
        else {
          setError(null);
          onProduct(product);
        }
        return true;
      }),
    [onProduct, t],
  );

  function choose(product: ProductDoc): void {
    setError(null);
    setMatches(null);
    onProduct(product);
    input.current?.focus();
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const query = text.trim();
    setText('');
    input.current?.focus();
    if (!query) return;
    const exact = productFor(query);
    const found = exact ? [exact] : services().catalog.search(query, MATCHES_SHOWN);
    const [first] = found;
    if (!first) {
      setMatches(null);
      setError(t('common.unknownProduct', { code: query }));
    } else if (found.length === 1) choose(first);
    else {
      setError(null);
      setMatches({ query, products: found });
    }
  }

  return (
    <form onSubmit={submit} className="manager-field">
      <input
        ref={input}
        data-testid={props.testId}
        aria-label={t('common.scanOrSearch')}
        placeholder={t('common.scanOrSearch')}
        autoComplete="off"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {matches && (
        <div data-testid={`${props.testId}-matches`}>
          <p className="muted">
            {t('common.pickProduct', { count: matches.products.length, query: matches.query })}
          </p>
          <ul className="product-matches">
            {matches.products.map((product) => (
              <li key={product.id}>
                <button
                  type="button"
                  className="button-secondary"
                  data-testid={`${props.testId}-match-${product.sku}`}
                  onClick={() => choose(product)}
                >
                  {productName(product, locale)} <span className="muted">{product.sku}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}

export function productName(product: ProductDoc, locale: 'vi-VN' | 'en-US'): string {
  return locale === 'vi-VN' ? product.name.vi : product.name.en;
}
