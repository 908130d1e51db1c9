import { useEffect, useState } from 'react';
import type { SaleDoc } from '../../../src/documents';
import { deviceProblem } from '../../i18n/device-text';
import { useTranslate } from '../../i18n/use-translate';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { useLastSaleStore } from '../finish-sale';
import { printSaleReceipt, retryPrint, usePrintStore } from '../receipt-printing';
import { useSellUiStore } from '../sell-ui-store';
import { useMoney } from '../use-money';
import { CloseActions, Dialog } from '../../components/dialog';
import { ViewReceiptButton } from '../../components/receipt-viewer';
import { saleReceiptOf } from '../../lookup/document-receipts';
import { EReceiptForm } from './e-receipt-form';
import { matchesReceiptSearch, readReceiptSearch } from '../../lookup/receipt-search';

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
            ? t('lastSale.printFailed', { reason: deviceProblem(t, 'printer', job.code) })
            : job.state === 'printed'
              ? t('lastSale.printed')
              : t('lastSale.queued')}
      </span>
      {last.drawerProblem && (
        <span className="error">
          {t('sell.drawerFailed', { reason: deviceProblem(t, 'drawer', last.drawerProblem) })}
        </span>
      )}
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
      <ViewReceiptButton
        load={() => saleReceiptOf(sale, extras)}
        {...(sale.receiptNumber ? { label: sale.receiptNumber } : {})}
      />
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

/** How many recent receipts the list shows (and a partial number is searched among). */
const RECENT_RECEIPTS = 30;

/**
 * Any receipt of this store printed again as a copy: the recent ones, or those the search field
 * matches (a whole number is looked up in the whole replica, a piece of one among the recent).
 */
export function ReceiptsDialog() {
  const t = useTranslate();
  const money = useMoney();
  const locale = useAppStore((state) => state.locale);
  const close = useSellUiStore((state) => state.close);
  const [sales, setSales] = useState<SaleDoc[]>([]);
  const [typed, setTyped] = useState('');
  const search = readReceiptSearch(typed);
  const wholeNumber = search.kind === 'number' ? search.number : null;
  useEffect(() => {
    let current = true;
    const { sales: collection } = services().db;
    const found = wholeNumber
      ? collection.find({ selector: { receiptNumber: wholeNumber } })
      : collection.find({ sort: [{ createdAt: 'desc' }], limit: RECENT_RECEIPTS });
    void found.exec().then((docs) => {
      if (current) setSales(docs.map((doc) => doc.toJSON() as SaleDoc));
    });
    return () => {
      current = false;
    };
  }, [wholeNumber]);
  const shown = sales.filter((sale) => matchesReceiptSearch(sale, search));
  return (
    <Dialog title={t('receipts.title')} testId="receipts-dialog" wide>
      <input
        className="scan-input"
        data-testid="receipts-search"
        aria-label={t('receipts.search')}
        placeholder={t('receipts.search')}
        value={typed}
        autoComplete="off"
        onChange={(event) => setTyped(event.target.value)}
      />
      {sales.length === 0 && search.kind === 'all' && <p className="muted">{t('receipts.none')}</p>}
      {shown.length === 0 && search.kind !== 'all' && (
        <p className="muted" data-testid="receipts-no-match">
          {t('receipts.noMatch', { text: typed.trim() })}
        </p>
      )}
      <ul className="parked-list" data-testid="receipts-list">
        {shown.map((sale) => (
          <li key={sale.id}>
            <span>
              {t('receipts.row', {
                time: new Date(sale.completedAt).toLocaleString(locale),
                total: money(sale.priced.totals.total),
                id: sale.receiptNumber ?? sale.id,
              })}
            </span>
            <ViewReceiptButton
              load={() => saleReceiptOf(sale)}
              testId="receipts-view"
              {...(sale.receiptNumber ? { label: sale.receiptNumber } : {})}
            />
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
