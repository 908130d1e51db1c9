import type { PricedCart } from '../../../src/pricing';
import { isGiftCardLine } from '../../../src/stored-value';
import { useTranslate } from '../../i18n/use-translate';
import { useCartStore } from '../cart-store';
import { openDrawerNoSale } from '../sale-actions';
import { useSellUiStore } from '../sell-ui-store';

/** The sale's actions as buttons, for touch; each frequent one also has a key. */
export function SaleActionsBar(props: { priced: PricedCart | null }) {
  const t = useTranslate();
  const open = useSellUiStore((state) => state.open);
  const hasLines = useCartStore((state) => state.lines.length > 0);
  const lastLineId = useCartStore((state) => state.lastLineId);
  // A gift card line is its value and nothing else: there is nothing to edit on it.
  const editable = useCartStore((state) =>
    state.lines.some((line) => line.lineId === state.lastLineId && !isGiftCardLine(line)),
  );
  const paying = useCartStore((state) => state.paying);
  const setPaying = useCartStore((state) => state.setPaying);
  return (
    <div className="sale-actions">
      <button
        type="button"
        className="button-secondary"
        disabled={!lastLineId || !editable}
        data-testid="action-edit-line"
        onClick={() => open('edit-line')}
      >
        {t('actions.editLine')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={!hasLines}
        data-testid="action-order-discount"
        onClick={() => open('order-discount')}
      >
        {t('actions.orderDiscount')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={paying}
        data-testid="action-gift-card"
        onClick={() => open('gift-card')}
      >
        {t('giftCard.action')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={!hasLines}
        data-testid="action-park"
        onClick={() => open('park')}
      >
        {t('actions.park')}
      </button>
      <button
        type="button"
        className="button-secondary"
        data-testid="action-parked"
        onClick={() => open('parked')}
      >
        {t('actions.parkedList')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={!hasLines}
        data-testid="action-void"
        onClick={() => open('void')}
      >
        {t('actions.void')}
      </button>
      <button
        type="button"
        className="button-secondary"
        data-testid="action-no-sale"
        onClick={() => void openDrawerNoSale(t)}
      >
        {t('actions.noSale')}
      </button>
      <button
        type="button"
        className="button-secondary"
        data-testid="action-receipts"
        onClick={() => open('receipts')}
      >
        {t('actions.reprint')}
      </button>
      <button
        type="button"
        className="button-secondary"
        data-testid="action-audit"
        onClick={() => open('audit')}
      >
        {t('audit.open')}
      </button>
      <button
        type="button"
        className="button-primary button-pay"
        disabled={!hasLines || !props.priced || paying}
        data-testid="action-pay"
        onClick={() => setPaying(true)}
      >
        {t('actions.pay')}
      </button>
    </div>
  );
}
