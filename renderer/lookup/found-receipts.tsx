/**
 * Every receipt of a document the lookup found, each with View receipt: a sale's own receipt,
 * a web order's pickup slips, and the returns of either (from any register of the store, and
 * from other stores when the server answered). Shown by the returns and pickup screens.
 */
import type { Receipt } from '../../src/receipt';
import { ViewReceiptButton } from '../components/receipt-viewer';
import { useOmniTranslate } from '../i18n/use-omni-translate';
import { useTranslate } from '../i18n/use-translate';
import { useAppStore } from '../state/app-store';
import type { FoundDocument } from './document-lookup';
import { pickupSlipOf, returnReceiptOf, saleReceiptOf } from './document-receipts';

interface Row {
  key: string;
  kind: 'sale' | 'pickup' | 'return';
  text: string;
  label: string;
  load: () => Promise<Receipt>;
}

export function FoundReceipts(props: { found: FoundDocument }) {
  const t = useTranslate();
  const omni = useOmniTranslate();
  const locale = useAppStore((state) => state.locale);
  const { found } = props;
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const rows: Row[] = [];
  if (found.kind === 'sale') {
    const { sale } = found;
    const number = sale.receiptNumber ?? sale.id;
    rows.push({
      key: sale.id,
      kind: 'sale',
      text: t('receiptView.sale', { number, time: when(sale.completedAt) }),
      label: number,
      load: () => saleReceiptOf(sale),
    });
  } else {
    const { order, pickups } = found;
    for (const pickup of pickups)
      rows.push({
        key: pickup.id,
        kind: 'pickup',
        text: t('receiptView.pickup', { number: order.orderNumber, time: when(pickup.createdAt) }),
        label: pickup.id,
        load: () => pickupSlipOf(order, pickups, pickup, omni),
      });
  }
  const originalLabel = found.kind === 'order' ? found.order.orderNumber : found.sale.id;
  for (const returnDoc of found.returns)
    rows.push({
      key: returnDoc.id,
      kind: 'return',
      text: t('receiptView.return', { number: returnDoc.id, time: when(returnDoc.completedAt) }),
      label: returnDoc.id,
      load: () => returnReceiptOf(returnDoc, { originalLabel }),
    });
  if (rows.length === 0) return null;
  return (
    <section className="panel-section" data-testid="found-receipts">
      <h3>{t('receiptView.heading', { count: rows.length })}</h3>
      <ul className="parked-list">
        {rows.map((row) => (
          <li key={row.key} data-testid={`found-receipt-${row.kind}`} data-document-id={row.key}>
            <span>{row.text}</span>
            <ViewReceiptButton load={row.load} label={row.label} />
          </li>
        ))}
      </ul>
    </section>
  );
}
