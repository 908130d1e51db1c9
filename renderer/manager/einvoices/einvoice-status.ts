/**
 * What the manager reads on each e-invoice row (docs/INVOICES.md): its status and the one detail
 * that says what happens next (when it goes, why it was refused or blocked, when it is tried
 * again), and whether a resend is possible. The server decides; this only words it.
 */
import type { EInvoiceStatus, EInvoiceView } from '../../../src/api/einvoice-views';
import type { ManagerMessageKey } from '../manager-messages';
import type { ManagerTranslate } from '../use-manager-translate';

export const STATUS_LABELS: Readonly<Record<EInvoiceStatus, ManagerMessageKey>> = {
  queued: 'einvoices.status.queued',
  sent: 'einvoices.status.sent',
  accepted: 'einvoices.status.accepted',
  refused: 'einvoices.status.refused',
  failed: 'einvoices.status.failed',
  blocked: 'einvoices.status.blocked',
};

/** "Bán hàng" or "Điều chỉnh": a sale's invoice or a return's adjusting one. */
export function kindLabel(invoice: Pick<EInvoiceView, 'kind'>): ManagerMessageKey {
  return invoice.kind === 'adjusting' ? 'einvoices.kind.adjusting' : 'einvoices.kind.sale';
}

/** The server resends these (rebuilt from the sale); an accepted invoice is never sent twice. */
export function canResend(invoice: Pick<EInvoiceView, 'status'>): boolean {
  return (
    invoice.status === 'refused' || invoice.status === 'failed' || invoice.status === 'blocked'
  );
}

/**
 * The server takes the buyer's details until the provider has the invoice: never while it is
 * sent or once accepted (docs/INVOICES.md, "Buyer data after the sale").
 */
export function canAddBuyer(invoice: Pick<EInvoiceView, 'status'>): boolean {
  return invoice.status !== 'sent' && invoice.status !== 'accepted';
}

export function einvoiceDetail(
  invoice: EInvoiceView,
  t: ManagerTranslate,
  time: (iso: string) => string,
): string {
  const reason = invoice.reason ?? '';
  switch (invoice.status) {
    case 'queued':
      // An adjusting invoice waits for the invoice it adjusts to be accepted (docs/INVOICES.md).
      return invoice.kind === 'adjusting'
        ? t('einvoices.detail.queuedAdjusting', { time: time(invoice.dueAt) })
        : t('einvoices.detail.queued', { time: time(invoice.dueAt) });
    case 'sent':
      return t('einvoices.detail.sent', { time: time(invoice.sentAt ?? invoice.updatedAt) });
    case 'accepted':
      return t('einvoices.detail.accepted', { id: invoice.providerId ?? '' });
    case 'refused':
      return t('einvoices.detail.refused', { reason });
    case 'failed':
      // Without a next try the attempts ran out: only a manager's resend sends it again.
      return invoice.nextAttemptAt
        ? t('einvoices.detail.failedRetry', {
            reason,
            time: time(invoice.nextAttemptAt),
            attempts: invoice.attempts,
            max: invoice.maxAttempts,
          })
        : t('einvoices.detail.failedStopped', { reason, max: invoice.maxAttempts });
    case 'blocked':
      return t('einvoices.detail.blocked', { reason });
  }
}
