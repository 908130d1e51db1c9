import { useEffect, useState } from 'react';
import type { SaleDoc } from '../../../src/documents';
import { useTranslate } from '../../i18n/use-translate';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useLastSaleStore } from '../finish-sale';
import { printSaleReceipt, retryPrint, usePrintStore } from '../receipt-printing';
import { useSellUiStore } from '../sell-ui-store';
import { useMoney } from '../use-money';
import { CloseActions, Dialog } from '../../components/dialog';
import { EReceiptForm } from './e-receipt-form';

/** The sale just completed: change, points, and how its receipt is printing (retry, copy). */
export function LastSalePanel() {
  const t = useTranslate();
  const money = useMoney();
  const last = useLastSaleStore((state) => state.last);
  const job = usePrintStore((state) => (last?.jobId ? state.jobs[last.jobId] : undefined));
  if (!last) return null;
  const { sale } = last;
  const extras = { customer: last.customer, pointsBalance: last.pointsAfter };
  return (
    <section
      className="last-sale"
      data-testid="last-sale"
      data-sale-id={sale.id}
      aria-live="polite"
    >
      <strong>{t('lastSale.title')}</strong>
      {sale.receiptNumber && (
        <strong className="receipt-number" data-testid="last-sale-number">
          {t('lastSale.number', { number: sale.receiptNumber })}
        </strong>
      )}
      <span data-testid="last-sale-change">
        {t('lastSale.change', { amount: money(sale.payment.change) })}
      </span>
      {sale.loyalty && last.pointsAfter !== null && (
        <span data-testid="last-sale-points">
          {t('lastSale.points', { earned: sale.loyalty.pointsEarned, balance: last.pointsAfter })}
        </span>
      )}
      <span data-testid="print-status" className={job?.state === 'failed' ? 'error' : 'muted'}>
        {!job || job.state === 'sending'
          ? t('lastSale.printing')
          : job.state === 'failed'
            ? t('lastSale.printFailed', { reason: job.message })
            : job.state === 'printed'
              ? t('lastSale.printed')
              : t('lastSale.queued')}
      </span>
      {last.drawerMessage && <span className="error">{last.drawerMessage}</span>}
      {job?.state === 'failed' && job.canRetry && (
        <button
          type="button"
          className="button-secondary"
          data-testid="print-retry"
          onClick={() => void retryPrint(job.jobId, sale, extras)}
        >
          {t('lastSale.retry')}
        </button>
      )}
      <button
        type="button"
        className="button-secondary"
        data-testid="print-copy"
        onClick={() => void printSaleReceipt(sale, true, extras)}
      >
        {t('lastSale.reprint')}
      </button>
      <EReceiptForm key={sale.id} sale={sale} customer={last.customer} />
    </section>
  );
}

/** Any recent receipt of this store, printed again as a copy. */
export function ReceiptsDialog() {
  const t = useTranslate();
  const money = useMoney();
  const locale = useAppStore((state) => state.locale);
  const close = useSellUiStore((state) => state.close);
  const [sales, setSales] = useState<SaleDoc[]>([]);
  useEffect(() => {
    void services()
      .db.sales.find({ sort: [{ createdAt: 'desc' }], limit: 30 })
      .exec()
      .then((docs) => setSales(docs.map((doc) => doc.toJSON() as SaleDoc)));
  }, []);
  return (
    <Dialog title={t('receipts.title')} testId="receipts-dialog" wide>
      {sales.length === 0 && <p className="muted">{t('receipts.none')}</p>}
      <ul className="parked-list">
        {sales.map((sale) => (
          <li key={sale.id}>
            <span>
              {t('receipts.row', {
                time: new Date(sale.completedAt).toLocaleString(locale),
                total: money(sale.priced.totals.total),
                id: sale.receiptNumber ?? sale.id,
              })}
            </span>
            <button
              type="button"
              className="button-secondary"
              onClick={() => void printSaleReceipt(sale, true)}
            >
              {t('lastSale.reprint')}
            </button>
          </li>
        ))}
      </ul>
      <CloseActions onClose={close} />
    </Dialog>
  );
}
