import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ProductDoc } from '../../../src/documents';
import { standaloneMoveProblems, stockMoveProblems } from '../../../src/stock';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { newId } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { ProductEntry, productName } from './product-entry';
import { writeMoves } from '../../lookup/stock-data';

/** An adjustment: a signed quantity with a reason (breakage, theft, write-off). */
export function AdjustForm() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const [product, setProduct] = useState<ProductDoc | null>(null);
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!product) return;
    const { config } = services();
    const value = Number(quantity.trim());
    if (!reason.trim()) {
      setMessage({ error: true, text: t('stock.needReason') });
      return;
    }
    const move = {
      id: newId('stk'),
      kind: 'adjust' as const,
      sku: product.sku,
      quantity: value,
      storeId: config.storeId,
      reason: reason.trim(),
      sourceId: newId('adj'),
      deviceId: config.deviceId,
      createdAt: new Date().toISOString(),
    };
    // The same rules the sync-server applies at its door, checked before writing.
    const problems = [
      ...stockMoveProblems(move),
      ...standaloneMoveProblems(move).map((problem) => problem.message),
    ];
    if (problems.length > 0) {
      setMessage({ error: true, text: t('common.error', { message: problems.join('; ') }) });
      return;
    }
    try {
      await writeMoves([move]);
      setMessage({
        error: false,
        text: t('stock.adjusted', { sku: product.sku, quantity: value > 0 ? `+${value}` : value }),
      });
      setQuantity('');
      setReason('');
    } catch (caught) {
      setMessage({ error: true, text: t('common.error', { message: (caught as Error).message }) });
    }
  }

  return (
    <section className="manager-card" data-testid="adjust-form">
      <p className="muted">{t('stock.adjustHint')}</p>
      <ProductEntry testId="adjust-entry" onProduct={setProduct} />
      {product && (
        <form onSubmit={(event) => void submit(event)} className="manager-card">
          <h3>
            {productName(product, locale)} <span className="muted">{product.sku}</span>
          </h3>
          <label className="manager-field">
            <span>{t('common.quantity')}</span>
            <input
              data-testid="adjust-quantity"
              inputMode="numeric"
              autoComplete="off"
              value={quantity}
              onChange={(event) => setQuantity(event.target.value.replace(/[^\d-]/g, ''))}
            />
          </label>
          <label className="manager-field">
            <span>{t('common.reason')}</span>
            <input
              data-testid="adjust-reason"
              autoComplete="off"
              maxLength={300}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <button type="submit" className="button-primary" data-testid="post-adjust">
            {t('stock.adjustButton')}
          </button>
        </form>
      )}
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status" data-testid="stock-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
