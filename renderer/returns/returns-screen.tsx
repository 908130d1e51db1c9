/**
 * `#/returns`: returns and exchanges of till sales from any store and of web orders. The cashier
 * finds the receipt or order, sees what is still returnable (every store's returns counted),
 * picks quantities and where each item goes (shelf or damaged), reviews the refund per tender
 * and the points, gets a manager's PIN when the policy asks, and confirms.
 */
import { formatMoney } from '../../src/money';
import type { Minor } from '../../src/money';
import type { ReturnDoc } from '../../src/documents';
import type { RefundTender } from '../../src/tenders';
import { navigate } from '../platform/use-hash-route';
import { useAppStore } from '../state/app-store';
import { DocumentLookupForm } from '../lookup/document-lookup-form';
import { FoundReceipts } from '../lookup/found-receipts';
import { ViewReceiptButton } from '../components/receipt-viewer';
import type { FoundDocument } from '../lookup/document-lookup';
import { completeReturn, planFor, sourceOf } from './return-flow';
import { returnableLines } from '../lookup/return-documents';
import { useReturnsStore } from './returns-store';
import { returnPolicyOf } from '../../src/returns';
import { useOmniTranslate } from '../i18n/use-omni-translate';
import { useStoreNames } from '../lookup/store-names';
import type { OmniTranslate } from '../i18n/use-omni-translate';

function tenderText(tender: RefundTender, t: OmniTranslate): string {
  switch (tender.kind) {
    case 'card':
      return t('returns.tender.card', { code: tender.originalApprovalCode ?? '' });
    case 'loyalty-points':
      return t('returns.tender.loyalty-points', { points: tender.points ?? 0 });
    case 'cash':
    case 'gift-card':
    case 'store-credit':
      return t(`returns.tender.${tender.kind}`);
  }
}

/**
 * Opens the sell screen's sale for an exchange with the return's credit, and greets the cashier
 * there with `notice` (sell/exchange-sale.ts, handed in by the staff shell).
 */
export type OpenExchange = (
  returnDoc: ReturnDoc,
  notice: (credit: Minor) => string,
) => { ok: true } | { ok: false; reason: 'not-an-exchange' | 'sale-open' };

export function ReturnsScreen(props: { openExchange: OpenExchange }) {
  const t = useOmniTranslate();
  const locale = useAppStore((state) => state.locale);
  const settings = useAppStore((state) => state.settings);
  const state = useReturnsStore();
  const storeName = useStoreNames();
  const { found, source, plan, done } = state;
  const policy = returnPolicyOf(settings);
  const money = (amount: Minor) => formatMoney(amount, source?.currency ?? 'VND', locale);

  async function open(document: FoundDocument): Promise<void> {
    const { source: next, pickedUp } = await sourceOf(document);
    state.start(document, next, pickedUp);
    if (!document.serverChecked) state.setNotice({ kind: 'info', text: t('lookup.offlineNote') });
  }

  function review(): void {
    const result = planFor(useReturnsStore.getState(), t);
    if (!result.ok) {
      state.setPlan(null, false);
      state.setNotice({ kind: 'error', text: result.message });
      return;
    }
    state.setNotice(null);
    state.setPlan(result.plan, result.needsApproval);
  }

  async function confirm(): Promise<void> {
    state.setBusy(true);
    const result = await completeReturn(useReturnsStore.getState(), t);
    state.setBusy(false);
    if (!result.ok) state.setNotice({ kind: 'error', text: result.message });
    else
      state.finish({
        returnId: result.returnDoc.id,
        text: result.message,
        receipt: result.receipt,
        ...(result.returnDoc.exchangeSaleId ? { exchange: result.returnDoc } : {}),
      });
  }

  /** The exchange's new sale: the sell screen opens with its reserved id and the credit. */
  function sellExchangeGoods(returnDoc: ReturnDoc): void {
    const started = props.openExchange(returnDoc, (credit) =>
      t('returns.exchangeStarted', {
        id: returnDoc.id,
        amount: formatMoney(credit, returnDoc.currency, locale),
      }),
    );
    if (!started.ok) {
      state.setNotice({
        kind: 'error',
        text:
          started.reason === 'sale-open'
            ? t('returns.exchangeSaleOpen')
            : t('returns.exchangeNoCredit', { id: returnDoc.id }),
      });
      return;
    }
    state.reset();
    navigate('/');
  }

  const lines =
    found && source
      ? returnableLines(
          source,
          found.returns,
          state.pickedUp ? new Map(Object.entries(state.pickedUp)) : undefined,
        )
      : [];
  const heading = !found
    ? null
    : found.kind === 'order'
      ? t('returns.source.order', {
          number: found.order.orderNumber,
          store: storeName(found.order.pickupStoreId),
          date: new Date(source?.soldAt ?? found.order.placedAt).toLocaleDateString(locale),
        })
      : t('returns.source.sale', {
          id: found.sale.receiptNumber ?? found.sale.id,
          store: storeName(found.sale.storeId),
          date: new Date(found.sale.completedAt).toLocaleDateString(locale),
        });

  return (
    <main className="screen" data-testid="returns-screen">
      <header className="screen-header">
        <h1>{t('returns.title')}</h1>
        <button type="button" className="button-secondary" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      {policy.isDefault && (
        <p className="muted">
          {t('returns.policyDefault', { amount: money(policy.policy.managerApprovalOver) })}
        </p>
      )}
      {done && (
        <div className="button-row">
          <p className="notice" role="status" data-testid="return-done">
            {done.text}
          </p>
          <ViewReceiptButton
            load={() => Promise.resolve(done.receipt)}
            label={done.returnId}
            testId="return-view-receipt"
          />
        </div>
      )}
      {state.done?.exchange && (
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            data-testid="exchange-sell"
            onClick={() => state.done?.exchange && sellExchangeGoods(state.done.exchange)}
          >
            {t('returns.exchangeSell', { id: state.done.exchange.id })}
          </button>
        </div>
      )}
      {!found && (
        <DocumentLookupForm testId="return-lookup" onFound={(document) => void open(document)} />
      )}
      {state.notice && (
        <p
          className={state.notice.kind === 'error' ? 'error' : 'notice'}
          role="alert"
          data-testid="return-notice"
        >
          {state.notice.text}
        </p>
      )}
      {found && source && (
        <section className="panel" data-testid="return-panel">
          <h2>{heading}</h2>
          <FoundReceipts found={found} />
          <table className="cart-table">
            <thead>
              <tr>
                <th>{t('returns.item')}</th>
                <th className="number">{t('returns.sold')}</th>
                <th className="number">{t('returns.returned')}</th>
                <th className="number">{t('returns.returnable')}</th>
                <th>{t('returns.quantity')}</th>
                <th>{t('returns.condition')}</th>
                <th>{t('returns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => {
                const row = state.rows[line.lineId] ?? { quantity: 0, restock: true, reason: '' };
                return (
                  <tr key={line.lineId} data-testid="return-line" data-sku={line.sku}>
                    <td>{line.name}</td>
                    <td className="number">{line.sold}</td>
                    <td className="number" data-testid="returned-quantity">
                      {line.returned}
                    </td>
                    <td className="number" data-testid="returnable-quantity">
                      {line.returnable}
                    </td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        max={line.returnable}
                        aria-label={`${t('returns.quantity')} ${line.name}`}
                        value={row.quantity}
                        disabled={line.returnable === 0}
                        onChange={(event) =>
                          state.setRow(line.lineId, {
                            quantity: Math.max(0, Math.floor(Number(event.target.value) || 0)),
                          })
                        }
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`${t('returns.condition')} ${line.name}`}
                        value={row.restock ? 'sellable' : 'damaged'}
                        onChange={(event) =>
                          state.setRow(line.lineId, { restock: event.target.value === 'sellable' })
                        }
                      >
                        <option value="sellable">{t('returns.sellable')}</option>
                        <option value="damaged">{t('returns.damaged')}</option>
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`${t('returns.reason')} ${line.name}`}
                        placeholder={t('returns.defaultReason')}
                        value={row.reason}
                        onChange={(event) =>
                          state.setRow(line.lineId, { reason: event.target.value })
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {lines.every((line) => line.returnable === 0) && (
            <p className="muted">{t('returns.nothingReturnable')}</p>
          )}
          <div className="choices">
            <label className="choice">
              <input
                type="checkbox"
                checked={state.exchange}
                onChange={(event) => state.setExchange(event.target.checked)}
              />
              {t('returns.exchange')}
            </label>
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              onClick={review}
              data-testid="plan-return"
            >
              {t('returns.plan')}
            </button>
            <button type="button" className="button-secondary" onClick={state.reset}>
              {t('returns.new')}
            </button>
          </div>
          {plan && (
            <div className="panel-section" data-testid="return-plan">
              <p className="grand-total">
                {t('returns.refundTotal', { amount: money(plan.totals.refund) })}
              </p>
              <ul>
                {plan.tenders.map((tender, index) => (
                  <li key={index} data-testid="refund-tender">
                    {tenderText(tender, t)}: {money(tender.amount)}
                  </li>
                ))}
                {plan.loyalty.pointsEarnedReversed > 0 && (
                  <li>
                    {t('returns.pointsReversed', { points: plan.loyalty.pointsEarnedReversed })}
                  </li>
                )}
                {plan.loyalty.pointsRedeemedReturned > 0 && (
                  <li>
                    {t('returns.pointsReturned', { points: plan.loyalty.pointsRedeemedReturned })}
                  </li>
                )}
              </ul>
              {state.needsApproval && (
                <label className="field">
                  {found.serverChecked ? t('returns.needsApproval') : t('returns.offlineApproval')}
                  <input
                    type="password"
                    inputMode="numeric"
                    aria-label={t('returns.managerPin')}
                    value={state.managerPin}
                    onChange={(event) => state.setManagerPin(event.target.value)}
                  />
                </label>
              )}
              <div className="button-row">
                <button
                  type="button"
                  className="button-primary"
                  disabled={state.busy}
                  onClick={() => void confirm()}
                  data-testid="confirm-return"
                >
                  {t('returns.confirm')}
                </button>
              </div>
            </div>
          )}
        </section>
      )}
    </main>
  );
}
