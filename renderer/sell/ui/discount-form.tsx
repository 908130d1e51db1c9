import { useState } from 'react';
import type { FormEvent } from 'react';
import { formatAmount } from '../../../src/money';
import { typedDiscountPercent } from '../../../src/pricing';
import type { ManualDiscount } from '../../../src/pricing';
import { useTranslate } from '../../i18n/use-translate';
import { readTypedAmount } from '../../platform/typed-amount';
import { useAppStore } from '../../state/app-store';

/** A percent or fixed-amount discount with its reason; used for lines and for the whole order. */
export function DiscountForm(props: {
  current: ManualDiscount | null | undefined;
  onApply: (discount: ManualDiscount) => void;
  onRemove: () => void;
}) {
  const t = useTranslate();
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  const locale = useAppStore((state) => state.locale);
  const [kind, setKind] = useState<ManualDiscount['kind']>(props.current?.kind ?? 'percent');
  const [value, setValue] = useState(
    props.current
      ? props.current.kind === 'percent'
        ? String(props.current.percentBp / 100)
        : // Shown as it is typed ("12.50"), so saving it again reads back the same amount.
          formatAmount(props.current.amount, currency, locale)
      : '',
  );
  const [reason, setReason] = useState(props.current?.reason ?? '');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const why = reason.trim() ? { reason: reason.trim() } : {};
    if (kind === 'percent') {
      const percentBp = typedDiscountPercent(value);
      if (percentBp === null) {
        setError(t('edit.badPercent'));
        return;
      }
      props.onApply({ kind: 'percent', percentBp, ...why });
      return;
    }
    const read = readTypedAmount(value, currency, locale);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    props.onApply({ kind: 'amount', amount: read.amount, ...why });
  }

  return (
    <form className="edit-form" onSubmit={submit} data-testid="discount-form">
      <div className="tender-kinds" role="radiogroup">
        {(['percent', 'amount'] as const).map((candidate) => (
          <button
            key={candidate}
            type="button"
            role="radio"
            aria-checked={kind === candidate}
            className={kind === candidate ? 'button-primary' : 'button-secondary'}
            onClick={() => setKind(candidate)}
          >
            {candidate === 'percent' ? t('edit.percent') : t('edit.amount')}
          </button>
        ))}
      </div>
      <input
        aria-label={kind === 'percent' ? t('edit.percent') : t('edit.amount')}
        data-testid="discount-value"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <input
        aria-label={t('edit.reason')}
        placeholder={t('edit.reason')}
        data-testid="discount-reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {props.current && (
          <button type="button" className="button-secondary" onClick={props.onRemove}>
            {t('edit.removeDiscount')}
          </button>
        )}
        <button type="submit" className="button-primary" data-testid="discount-apply">
          {t('edit.apply')}
        </button>
      </div>
    </form>
  );
}
