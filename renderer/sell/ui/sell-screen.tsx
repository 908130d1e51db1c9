import { useEffect, useState } from 'react';
import type { ProductDoc, StaffDoc } from '../../../src/documents';
import { AuditDialog } from './audit-dialog';
import { CartLines } from './cart-lines';
import { CartTotals } from './cart-totals';
import { CatalogPane } from './catalog-pane';
import { CustomerPanel } from './customer-panel';
import { LastSalePanel, ReceiptsDialog } from './last-sale-panel';
import { LineEditDialog, OrderDiscountDialog } from './line-edit-dialog';
import { GiftCardDialog } from './gift-card-dialog';
import { ParkDialog, ParkedSalesDialog } from './park-dialog';
import { PaymentPanel } from '../payment/payment-panel';
import { SaleActionsBar } from './sale-actions-bar';
import { ShortcutBar } from './shortcut-bar';
import { VoidDialog } from './void-dialog';
import { WeightPrompt } from './weight-prompt';
import { useCustomerStore } from '../customer-store';
import { onScan, onScanProblem } from '../../devices/scan-router';
import { useTranslate } from '../../i18n/use-translate';
import { storeStaff } from '../../services';
import { useCartStore } from '../cart-store';
import { handleScan } from '../scan-entry';
import { focusScanInput } from '../scan-input-focus';
import { useLastSaleLifetime } from '../last-sale-lifetime';
import { useSellUiStore } from '../sell-ui-store';
import { useCustomerDisplay } from '../use-customer-display';
import { usePricedCart } from '../use-priced-cart';
import { useSellShortcuts } from '../use-sell-shortcuts';

/** The cashier's screen: catalog or payment on the left, the sale on the right. */
export function SellScreen() {
  const t = useTranslate();
  const notice = useCartStore((state) => state.notice);
  const paying = useCartStore((state) => state.paying);
  const addProduct = useCartStore((state) => state.addProduct);
  const customer = useCustomerStore((state) => state.customer);
  const dialog = useSellUiStore((state) => state.dialog);
  const openDialog = useSellUiStore((state) => state.open);
  const priced = usePricedCart();
  const [weighing, setWeighing] = useState<ProductDoc | null>(null);
  const [staff, setStaff] = useState<StaffDoc[]>([]);

  useEffect(() => {
    void storeStaff().then(setStaff);
  }, []);
  useSellShortcuts(priced, t);
  useCustomerDisplay(priced);
  useLastSaleLifetime();

  // Scans from the wedge or a serial scanner land here unless a dialog takes them first.
  useEffect(
    () =>
      onScan(({ scan }) => {
        const outcome = handleScan(scan, t);
        if (outcome.kind === 'needs-weight') setWeighing(outcome.product);
        return true;
      }),
    [t],
  );
  // A scan no screen took, or that failed, is said on the sell screen rather than lost.
  useEffect(
    () =>
      onScanProblem(({ message }) =>
        useCartStore.getState().setNotice({ kind: 'error', text: message }),
      ),
    [],
  );

  return (
    <main className="sell-screen">
      <section className="catalog-pane">
        <LastSalePanel />
        {notice && (
          <p
            className={notice.kind === 'error' ? 'error' : 'notice'}
            role="alert"
            data-testid="sell-notice"
          >
            {notice.text}
          </p>
        )}
        {paying && priced ? (
          <PaymentPanel priced={priced} />
        ) : (
          <CatalogPane onNeedsWeight={setWeighing} />
        )}
      </section>
      <section className="cart-pane" aria-label={t('cart.total')}>
        <button
          type="button"
          className="customer-bar button-secondary"
          data-testid="customer-bar"
          onClick={() => openDialog('customer')}
        >
          {customer ? t('cart.customer', { name: customer.name }) : t('actions.customer')}
        </button>
        <CartLines priced={priced} staff={staff} />
        {priced && <CartTotals priced={priced} />}
        <SaleActionsBar priced={priced} />
      </section>
      <ShortcutBar />
      {weighing && (
        <WeightPrompt
          product={weighing}
          onCancel={() => setWeighing(null)}
          onConfirm={(grams) => {
            addProduct(weighing, { grams });
            setWeighing(null);
            focusScanInput();
          }}
        />
      )}
      {dialog === 'customer' && <CustomerPanel />}
      {dialog === 'edit-line' && <LineEditDialog priced={priced} />}
      {dialog === 'order-discount' && <OrderDiscountDialog priced={priced} />}
      {dialog === 'park' && <ParkDialog priced={priced} />}
      {dialog === 'parked' && <ParkedSalesDialog />}
      {dialog === 'void' && <VoidDialog priced={priced} />}
      {dialog === 'receipts' && <ReceiptsDialog />}
      {dialog === 'audit' && <AuditDialog />}
      {dialog === 'gift-card' && <GiftCardDialog />}
    </main>
  );
}
