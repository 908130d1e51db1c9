import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProductDoc } from '../../../src/documents';
import { onScan } from '../../devices/scan-router';
import { useManagerTranslate } from '../use-manager-translate';
import { productFor, productOfScan } from '../../lookup/stock-data';

/**
 * A scan-or-type field for the stock screens: a keyboard-wedge scan (digits then Enter) or a
 * typed SKU names a product; the field clears for the next scan.
 */
export function ProductEntry(props: { onProduct: (product: ProductDoc) => void; testId: string }) {
  const t = useManagerTranslate();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const { onProduct } = props;

  // Scanner bursts reach the app's scan router, not this field: take them while mounted.
  useEffect(
    () =>
      onScan(({ raw, scan }) => {
        const product = productOfScan(scan);
        if (!product) setError(t('common.unknownProduct', { code: raw.trim() }));
        else {
          setError(null);
          onProduct(product);
        }
        return true;
      }),
    [onProduct, t],
  );

  function submit(event: FormEvent): void {
    event.preventDefault();
    const product = productFor(text);
    if (!product) setError(t('common.unknownProduct', { code: text.trim() }));
    else {
      setError(null);
      onProduct(product);
    }
    setText('');
    input.current?.focus();
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
    </form>
  );
}

export function productName(product: ProductDoc, locale: 'vi-VN' | 'en-US'): string {
  return locale === 'vi-VN' ? product.name.vi : product.name.en;
}
