import type { PricedCart } from '../../../src/pricing';
import { useTranslate } from '../../i18n/use-translate';
import { voidSale } from '../sale-actions';
import { useSellUiStore } from '../sell-ui-store';
import { TextPromptDialog } from '../../components/dialog';

/** Voids the open sale, with a reason, approved when the role may not void alone. */
export function VoidDialog(props: { priced: PricedCart | null }) {
  const t = useTranslate();
  const close = useSellUiStore((state) => state.close);
  return (
    <TextPromptDialog
      title={t('void.title')}
      label={t('void.reason')}
      confirmLabel={t('void.confirm')}
      cancelLabel={t('void.keep')}
      testId="void-dialog"
      inputTestId="void-reason"
      confirmTestId="void-confirm"
      required
      onCancel={close}
      onConfirm={(reason) =>
        void voidSale(reason, props.priced, t).then((voided) => voided && close())
      }
    />
  );
}
