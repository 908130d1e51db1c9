/**
 * "In phiếu tạm tính / Print bill" while a transfer code is up: the cart and the same VietQR
 * payload go to the receipt printer on a provisional bill (src/receipt buildProvisionalBill), so
 * the customer can scan the paper. Sent through the host's print queue like any receipt; a
 * failed bill is printed again by pressing the button again (nothing depends on it).
 */
import { useCallback, useEffect, useState } from 'react';
import type { PrintJobInfo } from '../../../src/ipc/contract';
import type { PricedCart } from '../../../src/pricing';
import { buildProvisionalBill } from '../../../src/receipt';
import type { Receipt } from '../../../src/receipt';
import { storeTimeZone } from '../../../src/store-clock';
import type { Translate } from '../../i18n/translate';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../cart-store';
import type { TransferCode } from './bank-transfer';

/**
 * The print job id of a bill: `bill_` never starts a sale receipt's id (`job_…`, receipt-
 * printing.ts), and each press is a job of its own, as a customer may ask for it twice.
 */
export function provisionalBillJobId(reference: string, now: number): string {
  return `bill_${reference}.${now.toString(36)}`;
}

/** How the last bill went, for the transfer code it was printed for. */
export type BillPrintState = { reference: string } & (
  { state: 'sending' } | { state: 'sent'; jobId: string } | { state: 'failed'; message: string }
);

export function useProvisionalBill(priced: PricedCart, t: Translate) {
  const settings = useAppStore((state) => state.settings);
  const locale = useAppStore((state) => state.locale);
  const lines = useCartStore((state) => state.lines);
  const saleId = useCartStore((state) => state.saleId);
  const [status, setStatus] = useState<BillPrintState | null>(null);

  // A bill the queue took may still fail at the printer (paper out): the host reports it later.
  useEffect(
    () =>
      services().api.on('printer/job', (info: PrintJobInfo) => {
        if (info.state !== 'failed') return;
        setStatus((current) =>
          current?.state === 'sent' && current.jobId === info.jobId
            ? {
                reference: current.reference,
                state: 'failed',
                message: t('payment.transfer.billFailed', { reason: info.lastError ?? '' }),
              }
            : current,
        );
      }),
    [t],
  );

  const print = useCallback(
    async (code: TransferCode) => {
      const { reference } = code;
      const failed = (reason: string) =>
        setStatus({
          reference,
          state: 'failed',
          message: t('payment.transfer.billFailed', { reason }),
        });
      setStatus({ reference, state: 'sending' });
      const receipt: Receipt = buildProvisionalBill({
        documentId: saleId ?? code.reference,
        storeName: settings?.name ?? '',
        locale: settings?.defaultLocale ?? locale,
        currency: priced.currency,
        now: new Date(),
        timeZone: storeTimeZone(settings),
        cart: { lines },
        priced,
        transfer: code,
      });
      const jobId = provisionalBillJobId(reference, Date.now());
      try {
        const result = await services().api.invoke('printer/print', { jobId, receipt });
        if (!result.ok) failed(result.message);
        else if (result.value.state === 'failed') failed(result.value.lastError ?? '');
        else setStatus({ reference, state: 'sent', jobId });
      } catch (error) {
        failed(error instanceof Error ? error.message : String(error));
      }
    },
    [settings, locale, lines, saleId, priced, t],
  );

  return { status, print };
}
