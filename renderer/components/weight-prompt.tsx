import { useState } from 'react';
import type { ProductDoc } from '../../src/documents';
import { useTranslate } from '../i18n/use-translate';

/** A weighed item scanned or picked without a scale label: the cashier types the weight. */
export function WeightPrompt(props: {
  product: ProductDoc;
  onConfirm: (grams: number) => void;
  onCancel: () => void;
}) {
  const t = useTranslate();
  const [grams, setGrams] = useState('');
  const value = Number(grams);
  const valid = Number.isInteger(value) && value > 0 && value <= 100_000;
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-labelledby="weight-title">
      <form
        className="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) props.onConfirm(value);
        }}
      >
        <h2 id="weight-title">{t('sell.weightNeeded', { name: props.product.name.vi })}</h2>
        <input
          autoFocus
          inputMode="numeric"
          aria-label={t('sell.grams')}
          value={grams}
          onChange={(event) => setGrams(event.target.value.replace(/\D/g, ''))}
        />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" disabled={!valid}>
            {t('common.ok')}
          </button>
        </div>
      </form>
    </div>
  );
}
