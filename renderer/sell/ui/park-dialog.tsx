import { useState } from 'react';
import type { ParkedSaleDoc } from '../../../src/documents';
import type { PricedCart } from '../../../src/pricing';
import { useTranslate } from '../../i18n/use-translate';
import { useLiveDocs } from '../../platform/use-live-docs';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../cart-store';
import { parkSale, resumeParked } from '../parked-sales';
import { useSellUiStore } from '../sell-ui-store';
import { useMoney } from '../use-money';
import { CloseActions, Dialog, TextPromptDialog } from '../../components/dialog';

/** F8: park the open sale with a note for finding it again. */
export function ParkDialog(props: { priced: PricedCart | null }) {
  const t = useTranslate();
  const close = useSellUiStore((state) => state.close);
  return (
    <TextPromptDialog
      title={t('actions.park')}
      label={t('park.label')}
      confirmLabel={t('park.confirm')}
      testId="park-dialog"
      inputTestId="park-label"
      confirmTestId="park-confirm"
      onCancel={close}
      onConfirm={(label) => void parkSale(label, props.priced, t).then(close)}
    />
  );
}

/** Parked sales of the whole store, live: a sale parked at another register shows up here. */
export function ParkedSalesDialog() {
  const t = useTranslate();
  const money = useMoney();
  const locale = useAppStore((state) => state.locale);
  const close = useSellUiStore((state) => state.close);
  const parked = useLiveDocs<ParkedSaleDoc>(services().db.parked, { status: 'parked' }, [
    { parkedAt: 'desc' },
  ]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [claiming, setClaiming] = useState<string | null>(null);
  // Online the resume is a claim on the server: one press at a time, and a refusal (another
  // register won it) is shown here, where the cashier is looking.
  const resume = async (id: string): Promise<void> => {
    setClaiming(id);
    setRefusal(null);
    const resumed = await resumeParked(id, t);
    setClaiming(null);
    if (resumed) close();
    else setRefusal(useCartStore.getState().notice?.text ?? null);
  };
  return (
    <Dialog title={t('park.title')} testId="parked-dialog" wide>
      {refusal && (
        <p className="error" role="alert" data-testid="parked-error">
          {refusal}
        </p>
      )}
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
              disabled={claiming !== null}
              onClick={() => void resume(sale.id)}
            >
              {t('park.resume')}
            </button>
          </li>
        ))}
      </ul>
      <CloseActions onClose={close} />
    </Dialog>
  );
}
