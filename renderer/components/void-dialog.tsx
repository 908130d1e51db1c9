import { useState } from 'react';
import type { FormEvent } from 'react';
import type { PricedCart } from '../../src/pricing';
import { useTranslate } from '../i18n/use-translate';
import { voidSale } from '../sell/sale-actions';
import { useSellUiStore } from '../sell/sell-ui-store';

/** Voids the open sale, with a reason, approved when the role may not void alone. */
export function VoidDialog(props: { priced: PricedCart | null }) {
  const t = useTranslate();
  const close = useSellUiStore((state) => state.close);
  const [reason, setReason] = useState('');
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!reason.trim()) return;
    if (await voidSale(reason.trim(), props.priced, t)) close();
  }
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-labelledby="void-title">
      <form className="dialog" data-testid="void-dialog" onSubmit={(event) => void submit(event)}>
        <h2 id="void-title">{t('void.title')}</h2>
        <input
          autoFocus
          aria-label={t('void.reason')}
          placeholder={t('void.reason')}
          data-testid="void-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            className="button-primary"
            disabled={!reason.trim()}
            data-testid="void-confirm"
          >
            {t('void.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}
