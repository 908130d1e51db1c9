import { useState } from 'react';
import type { FormEvent } from 'react';
import { minor } from '../../../src/money';
import type { PricedCart } from '../../../src/pricing';
import { useTranslate } from '../../i18n/use-translate';
import { readTypedAmount } from '../../platform/typed-amount';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../cart-store';
import { applyDiscount, overridePrice, removeLine } from '../sale-actions';
import { useSellUiStore } from '../sell-ui-store';
import { DiscountForm } from './discount-form';

/** Quantity, line discount and price override for the selected line (F6). */
export function LineEditDialog(props: { priced: PricedCart | null }) {
  const t = useTranslate();
  const close = useSellUiStore((state) => state.close);
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  const locale = useAppStore((state) => state.locale);
  const line = useCartStore((state) =>
    state.lines.find((candidate) => candidate.lineId === state.lastLineId),
  );
  const setQuantity = useCartStore((state) => state.setQuantity);
  const setLineDiscount = useCartStore((state) => state.setLineDiscount);
  const setOverride = useCartStore((state) => state.setOverride);
  const [quantity, setQuantityText] = useState(String(line?.quantity ?? 1));
  const [price, setPrice] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!line) return null;
  const priced = props.priced?.lines.find((candidate) => candidate.lineId === line.lineId);

  function saveQuantity(event: FormEvent): void {
    event.preventDefault();
    const value = Number(quantity);
    if (!Number.isInteger(value) || value < 1 || value > 9999 || !line) {
      setError(t('edit.badQuantity'));
      return;
    }
    setQuantity(line.lineId, value);
    close();
  }

  async function saveOverride(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!line) return;
    const read = readTypedAmount(price, currency, locale);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    const unitPrice = read.amount;
    if (!reason.trim()) {
      setError(t('edit.needReason'));
      return;
    }
    if (await overridePrice(line.lineId, unitPrice, reason.trim(), t)) close();
  }

  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-labelledby="edit-title">
      <div className="dialog dialog-wide" data-testid="line-edit">
        <h2 id="edit-title">{t('edit.title', { name: line.name })}</h2>
        {line.pricing === 'unit' ? (
          <form className="inline-form" onSubmit={saveQuantity}>
            <label>
              {t('edit.quantity')}
              <input
                autoFocus
                inputMode="numeric"
                data-testid="edit-quantity"
                value={quantity}
                onChange={(event) => setQuantityText(event.target.value.replace(/\D/g, ''))}
              />
            </label>
            <button type="submit" className="button-primary">
              {t('edit.apply')}
            </button>
          </form>
        ) : (
          <p className="muted">{t('edit.weighedQuantity')}</p>
        )}
        <h3>{t('edit.discount')}</h3>
        <DiscountForm
          current={line.discount}
          onApply={(discount) =>
            void applyDiscount(line.lineId, discount, priced?.gross ?? line.unitPrice, t).then(
              (applied) => applied && close(),
            )
          }
          onRemove={() => {
            setLineDiscount(line.lineId, null);
            close();
          }}
        />
        <h3>
          {t('edit.override', {
            unit: line.pricing === 'weight' ? t('edit.unitKg') : t('edit.unitPiece'),
          })}
        </h3>
        <form
          className="edit-form"
          onSubmit={(event) => void saveOverride(event)}
          data-testid="override-form"
        >
          <input
            aria-label={t('edit.override', { unit: '' })}
            data-testid="override-price"
            inputMode="numeric"
            autoComplete="off"
            value={price}
            onChange={(event) => setPrice(event.target.value)}
          />
          <input
            aria-label={t('edit.reason')}
            placeholder={t('edit.reason')}
            data-testid="override-reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="dialog-actions">
            {line.override && (
              <button
                type="button"
                className="button-secondary"
                onClick={() => {
                  setOverride(line.lineId, null);
                  close();
                }}
              >
                {t('edit.removeOverride')}
              </button>
            )}
            <button type="submit" className="button-primary" data-testid="override-apply">
              {t('edit.apply')}
            </button>
          </div>
        </form>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="button-secondary"
            onClick={() => void removeLine(line.lineId, props.priced, t).then(close)}
          >
            {t('edit.removeLine')}
          </button>
          <button type="button" className="button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** A discount on the whole sale, spread over the lines by src/pricing. */
export function OrderDiscountDialog(props: { priced: PricedCart | null }) {
  const t = useTranslate();
  const close = useSellUiStore((state) => state.close);
  const current = useCartStore((state) => state.orderDiscount);
  const setOrderDiscount = useCartStore((state) => state.setOrderDiscount);
  const base = props.priced ? props.priced.totals.gross : null;
  return (
    <div
      className="dialog-backdrop"
      role="dialog"
      aria-modal="true"
      aria-labelledby="order-discount-title"
    >
      <div className="dialog" data-testid="order-discount">
        <h2 id="order-discount-title">{t('edit.orderDiscountTitle')}</h2>
        <DiscountForm
          current={current}
          onApply={(discount) =>
            void applyDiscount(null, discount, base ?? minor(0), t).then(
              (applied) => applied && close(),
            )
          }
          onRemove={() => {
            setOrderDiscount(null);
            close();
          }}
        />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
