import { useState } from 'react';
import type { ProductDoc } from '../../../src/documents';
import { useTranslate } from '../../i18n/use-translate';
import { ConfirmActions, Dialog } from '../../components/dialog';

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
    <Dialog
      title={t('sell.weightNeeded', { name: props.product.name.vi })}
      onSubmit={() => {
        if (valid) props.onConfirm(value);
      }}
    >
      <input
        autoFocus
        inputMode="numeric"
        aria-label={t('sell.grams')}
        value={grams}
        onChange={(event) => setGrams(event.target.value.replace(/\D/g, ''))}
      />
      <ConfirmActions onCancel={props.onCancel} confirmLabel={t('common.ok')} disabled={!valid} />
    </Dialog>
  );
}
