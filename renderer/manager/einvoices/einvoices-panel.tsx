/**
 * The store's e-invoices of one day as the sync-server's queue holds them (GET /einvoices,
 * docs/INVOICES.md): code, register, total, status and what happens next. A refused, failed or
 * blocked invoice can be resent with a manager's PIN, checked by the server as every manager
 * action that goes to it (settings/store-settings-save.tsx). Online only: the queue is the server's.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { EInvoiceView } from '../../../src/api/einvoice-views';
import { businessDate, storeTimeZone } from '../../../src/store-clock';
import { createServerApi } from '../../platform/server-api';
import { services } from '../../services';
import { useAppStore } from '../../state/app-store';
import { dateTime, money } from '../manager-format';
import { ManagerPinFooter } from '../settings/store-settings-save';
import type { FormMessage } from '../settings/store-settings-save';
import { useManagerTranslate } from '../use-manager-translate';
import type { ManagerTranslate } from '../use-manager-translate';
import { EInvoiceBuyerForm } from './einvoice-buyer-form';
import {
  canAddBuyer,
  canResend,
  einvoiceDetail,
  kindLabel,
  STATUS_LABELS,
} from './einvoice-status';

/** The answer for one day and round; while another is asked for, the panel shows it loading. */
type Listing =
  | { state: 'loading' }
  | { state: 'loaded'; date: string; round: number; invoices: EInvoiceView[] }
  | { state: 'error'; date: string; round: number; text: string };

async function listInvoices(
  storeId: string,
  date: string,
  round: number,
  t: ManagerTranslate,
): Promise<Listing> {
  const result = await createServerApi(services().config).call('einvoices/list', {
    store: storeId,
    date,
  });
  if (result.ok) return { state: 'loaded', date, round, invoices: result.value.invoices };
  const text = result.offline ? t('einvoices.needsServer') : result.reason;
  return { state: 'error', date, round, text };
}

export function EInvoicesPanel() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const settings = useAppStore((state) => state.settings);
  const staff = useAppStore((state) => state.staff);
  const [date, setDate] = useState(() => businessDate(Date.now(), storeTimeZone(settings)));
  const [answer, setAnswer] = useState<Listing>({ state: 'loading' });
  const [chosen, setChosen] = useState<EInvoiceView | null>(null);
  const [buyerFor, setBuyerFor] = useState<EInvoiceView | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<FormMessage | null>(null);
  const storeId = settings?.storeId ?? services().config.storeId;

  // One request per day asked for, and again after a refresh or a resend (`round`).
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void listInvoices(storeId, date, round, t).then((listed) => {
      if (current) setAnswer(listed);
    });
    return () => {
      current = false;
    };
  }, [storeId, date, t, round]);
  const listing: Listing =
    answer.state !== 'loading' && answer.date === date && answer.round === round
      ? answer
      : { state: 'loading' };

  async function resend(event: FormEvent) {
    event.preventDefault();
    if (!chosen || !staff) return;
    const result = await createServerApi(services().config).call('einvoices/resend', {
      id: chosen.id,
      staffId: staff.id,
      pin,
    });
    setPin('');
    if (result.ok) {
      const { invoice } = result.value;
      setMessage({
        kind: 'notice',
        text: t('einvoices.resent', {
          code: invoice.code ?? invoice.saleId,
          status: t(STATUS_LABELS[invoice.status]),
        }),
      });
      setChosen(null);
      setRound((value) => value + 1);
    } else if (result.offline) setMessage({ kind: 'error', text: t('einvoices.needsServer') });
    else setMessage({ kind: 'error', text: result.reason });
  }

  const time = (iso: string) => dateTime(iso, locale);
  return (
    <section className="manager-card" data-testid="einvoices-panel">
      <h2>{t('einvoices.title')}</h2>
      <div className="manager-row">
        <label>
          {t('einvoices.date')}
          <input
            type="date"
            value={date}
            data-testid="einvoices-date"
            onChange={(event) => event.target.value && setDate(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="button-secondary"
          data-testid="einvoices-refresh"
          onClick={() => setRound((value) => value + 1)}
        >
          {t('einvoices.refresh')}
        </button>
      </div>
      {listing.state === 'loading' && <p className="muted">{t('einvoices.loading')}</p>}
      {listing.state === 'error' && (
        <p className="error" role="alert">
          {listing.text}
        </p>
      )}
      {listing.state === 'loaded' && listing.invoices.length === 0 && (
        <p className="muted">{t('einvoices.none')}</p>
      )}
      {listing.state === 'loaded' && listing.invoices.length > 0 && (
        <table className="manager-table" data-testid="einvoices-table">
          <thead>
            <tr>
              <th>{t('einvoices.code')}</th>
              <th>{t('einvoices.kind')}</th>
              <th>{t('einvoices.register')}</th>
              <th className="number">{t('einvoices.total')}</th>
              <th>{t('einvoices.status')}</th>
              <th>{t('einvoices.detail')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {listing.invoices.map((invoice) => (
              <tr key={invoice.id} data-testid={`einvoice-${invoice.returnId ?? invoice.saleId}`}>
                <td className="nowrap">
                  {invoice.code ??
                    (invoice.returnId
                      ? t('einvoices.noCodeReturn', { ret: invoice.returnId })
                      : t('einvoices.noCode', { sale: invoice.saleId }))}
                </td>
                <td data-testid="einvoice-kind" data-kind={invoice.kind ?? 'sale'}>
                  {t(kindLabel(invoice))}
                  {invoice.originalCode && (
                    <div className="muted nowrap" data-testid="einvoice-original">
                      {t('einvoices.adjusts', { code: invoice.originalCode })}
                    </div>
                  )}
                </td>
                <td className="nowrap">{invoice.registerId}</td>
                <td className="number">
                  {invoice.total === undefined ? '' : money(invoice.total, 'VND', locale)}
                </td>
                <td className="nowrap" data-testid="einvoice-status" data-status={invoice.status}>
                  {t(STATUS_LABELS[invoice.status])}
                </td>
                <td>
                  {einvoiceDetail(invoice, t, time)}
                  {invoice.buyer && (
                    <div className="muted" data-testid="einvoice-buyer-shown">
                      {t('einvoices.buyerShown', {
                        buyer:
                          invoice.buyer.name ?? invoice.buyer.phone ?? invoice.buyer.idNumber ?? '',
                      })}
                    </div>
                  )}
                </td>
                <td className="nowrap">
                  {canAddBuyer(invoice) && (
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid="einvoice-buyer"
                      onClick={() => {
                        setBuyerFor(invoice);
                        setChosen(null);
                        setMessage(null);
                      }}
                    >
                      {t('einvoices.buyer')}
                    </button>
                  )}
                  {canResend(invoice) && (
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid="einvoice-resend"
                      onClick={() => {
                        setChosen(invoice);
                        setBuyerFor(null);
                        setMessage(null);
                      }}
                    >
                      {t('einvoices.resend')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen && (
        <form onSubmit={(event) => void resend(event)} data-testid="einvoice-resend-form">
          <h3>{t('einvoices.resendTitle', { code: chosen.code ?? chosen.saleId })}</h3>
          <ManagerPinFooter
            pin={pin}
            onPinChange={setPin}
            message={message}
            submitLabel={t('einvoices.resendSubmit')}
            pinTestId="einvoice-resend-pin"
            submitTestId="einvoice-resend-submit"
          />
        </form>
      )}
      {buyerFor && (
        <EInvoiceBuyerForm
          key={buyerFor.id}
          invoice={buyerFor}
          onSaved={(text) => {
            setBuyerFor(null);
            setMessage({ kind: 'notice', text });
            setRound((value) => value + 1);
          }}
        />
      )}
      {!chosen && !buyerFor && message && (
        <p className={message.kind === 'error' ? 'error' : 'notice'} role="alert">
          {message.text}
        </p>
      )}
    </section>
  );
}
