import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { ParkedSaleDoc } from '../../src/documents';
import type { PricedCart } from '../../src/pricing';
import { useTranslate } from '../i18n/use-translate';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { parkSale, resumeParked } from '../sell/parked-sales';
import { useSellUiStore } from '../sell/sell-ui-store';
import { useMoney } from '../sell/use-money';

/** F8: park the open sale with a note for finding it again. */
export function ParkDialog(props: { priced: PricedCart | null }) {
  const t = useTranslate();
  const close = useSellUiStore((state) => state.close);
  const [label, setLabel] = useState('');
  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    await parkSale(label, props.priced, t);
    close();
  }
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-labelledby="park-title">
      <form className="dialog" data-testid="park-dialog" onSubmit={(event) => void submit(event)}>
        <h2 id="park-title">{t('actions.park')}</h2>
        <input
          autoFocus
          aria-label={t('park.label')}
          placeholder={t('park.label')}
          data-testid="park-label"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button-primary" data-testid="park-confirm">
            {t('park.confirm')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Parked sales of the whole store, live: a sale parked at another register shows up here. */
export function ParkedSalesDialog() {
  const t = useTranslate();
  const money = useMoney();
  const locale = useAppStore((state) => state.locale);
  const close = useSellUiStore((state) => state.close);
  const [parked, setParked] = useState<ParkedSaleDoc[]>([]);
  useEffect(() => {
    const subscription = services()
      .db.parked.find({ selector: { status: 'parked' }, sort: [{ parkedAt: 'desc' }] })
      .$.subscribe((docs) => setParked(docs.map((doc) => doc.toJSON() as ParkedSaleDoc)));
    return () => subscription.unsubscribe();
  }, []);
  return (
    <div className="dialog-backdrop" role="dialog" aria-modal="true" aria-labelledby="parked-title">
      <div className="dialog dialog-wide" data-testid="parked-dialog">
        <h2 id="parked-title">{t('park.title')}</h2>
        {parked.length === 0 && <p className="muted">{t('park.none')}</p>}
        <ul className="parked-list">
          {parked.map((sale) => (
            <li key={sale.id} data-testid="parked-sale">
              <span>
                {t('park.row', {
                  label: sale.label ?? '—',
                  count: sale.lineCount,
                  total: money(sale.totalWhenParked),
                  register: sale.registerId,
                  time: new Date(sale.parkedAt).toLocaleTimeString(locale),
                })}
              </span>
              <button
                type="button"
                className="button-primary"
                data-testid="parked-resume"
                onClick={() => void resumeParked(sale.id, t).then((resumed) => resumed && close())}
              >
                {t('park.resume')}
              </button>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={close}>
            {t('customer.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
