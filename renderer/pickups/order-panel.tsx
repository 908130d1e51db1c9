import { useState } from 'react';
import type { Receipt } from '../../src/receipt';
import { ViewReceiptButton } from '../components/receipt-viewer';
import { FoundReceipts } from '../lookup/found-receipts';
import { formatMoney } from '../../src/money';
import { amountDueForPickup, orderLineProgress, webOrderState } from '../../src/orders';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { markOrderReady } from './pickup-writes';
import { chosenLines, handOver, toPickNow } from './hand-over';
import { usePickupStore } from './pickup-store';
import { useOmniTranslate } from '../i18n/use-omni-translate';
import { useStoreNames } from '../lookup/store-names';

/** One web order at the pickup counter: its lines, mark ready, the hand-over check and payment. */
export function OrderPanel(props: { customerName: string | undefined }) {
  const t = useOmniTranslate();
  const storeName = useStoreNames();
  const locale = useAppStore((state) => state.locale);
  const state = usePickupStore();
  /** The slip of the hand-over just made, for View receipt. */
  const [lastSlip, setLastSlip] = useState<{ pickupId: string; slip: Receipt } | null>(null);
  const { config } = services();
  const open = state.open;
  if (!open) return null;
  const { order, pickups } = open;
  const orderState = webOrderState(order, pickups);
  const progress = orderLineProgress(order, pickups);
  const due = amountDueForPickup(order, pickups, chosenLines(state.quantities));
  const money = (amount: number) => formatMoney(amount as never, order.currency, locale);
  const here = order.pickupStoreId === config.storeId;

  async function ready(): Promise<void> {
    state.setBusy(true);
    const result = await markOrderReady(order.id);
    state.setBusy(false);
    if (result.ok) {
      const next = { ...open!, order: result.value.order };
      state.openOrder(next, toPickNow(next));
      state.setNotice({
        kind: 'info',
        text: t('pickup.markedReady', { number: order.orderNumber }),
      });
    } else {
      state.setNotice({
        kind: 'error',
        text: result.offline
          ? t('pickup.readyOffline')
          : t('pickup.readyFailed', { reason: result.reason }),
      });
    }
  }

  async function submit(): Promise<void> {
    state.setBusy(true);
    const outcome = await handOver(usePickupStore.getState(), t);
    state.setBusy(false);
    if (!outcome.ok) {
      state.setNotice({ kind: 'error', text: outcome.message });
      return;
    }
    const next = { ...open!, pickups: [...pickups, outcome.pickup] };
    state.openOrder(next, toPickNow(next));
    state.setNotice({ kind: 'info', text: outcome.message });
    setLastSlip({ pickupId: outcome.pickup.id, slip: outcome.slip });
  }

  return (
    <section className="panel" data-testid="order-panel">
      <h2>
        {order.orderNumber} — {props.customerName ?? order.customerId}{' '}
        <span className="badge" data-testid="order-state">
          {t(`pickup.state.${orderState}`)}
        </span>
      </h2>
      {lastSlip && pickups.some((pickup) => pickup.id === lastSlip.pickupId) && (
        <div className="button-row">
          <ViewReceiptButton
            load={() => Promise.resolve(lastSlip.slip)}
            label={lastSlip.pickupId}
            testId="pickup-view-receipt"
          />
        </div>
      )}
      <FoundReceipts
        found={{ kind: 'order', order, pickups, returns: [], serverChecked: open.serverChecked }}
      />
      {!here && (
        <p className="error">{t('pickup.otherStore', { store: storeName(order.pickupStoreId) })}</p>
      )}
      <table className="cart-table">
        <thead>
          <tr>
            <th>{t('pickup.line')}</th>
            <th className="number">{t('pickup.ordered')}</th>
            <th className="number">{t('pickup.pickedUp')}</th>
            <th>{t('pickup.now')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.map((line) => {
            const name = order.lines.find((candidate) => candidate.lineId === line.lineId)?.name;
            return (
              <tr key={line.lineId} data-testid="order-line">
                <td>{name}</td>
                <td className="number">{line.ordered}</td>
                <td className="number">{line.pickedUp}</td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={line.toPickUp}
                    aria-label={`${t('pickup.now')} ${name ?? line.lineId}`}
                    value={state.quantities[line.lineId] ?? 0}
                    disabled={line.toPickUp === 0}
                    onChange={(event) =>
                      state.setQuantity(
                        line.lineId,
                        Math.max(
                          0,
                          Math.min(line.toPickUp, Math.floor(Number(event.target.value) || 0)),
                        ),
                      )
                    }
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {here && orderState === 'placed' && (
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={state.busy}
            onClick={() => void ready()}
          >
            {t('pickup.markReady')}
          </button>
        </div>
      )}
      {here && (orderState === 'ready-for-pickup' || orderState === 'partly-picked-up') && (
        <fieldset className="panel-section">
          <legend>{t('pickup.verify')}</legend>
          <div className="form-row">
            <label className="field">
              {t('pickup.sayNumber')}
              <input
                value={state.saidNumber}
                onChange={(event) => state.setField('saidNumber', event.target.value)}
              />
            </label>
            <label className="field">
              {t('pickup.sayNameOrPhone')}
              <input
                value={state.saidNameOrPhone}
                onChange={(event) => state.setField('saidNameOrPhone', event.target.value)}
              />
            </label>
          </div>
          <p className="grand-total" data-testid="pickup-due">
            {due > 0 ? t('pickup.amountDue', { amount: money(due) }) : t('pickup.nothingDue')}
          </p>
          {due > 0 && (
            <div className="form-row">
              <div className="choices">
                <label className="choice">
                  <input
                    type="radio"
                    name="pickup-pay-with"
                    checked={state.payWith === 'cash'}
                    onChange={() => state.setPayWith('cash')}
                  />
                  {t('pickup.payCash')}
                </label>
                <label className="choice">
                  <input
                    type="radio"
                    name="pickup-pay-with"
                    checked={state.payWith === 'card'}
                    onChange={() => state.setPayWith('card')}
                  />
                  {t('pickup.payCard')}
                </label>
              </div>
              {state.payWith === 'cash' ? (
                <label className="field">
                  {t('pickup.cashGiven')}
                  <input
                    inputMode="numeric"
                    value={state.cashGiven}
                    onChange={(event) => state.setField('cashGiven', event.target.value)}
                  />
                </label>
              ) : (
                <label className="field">
                  {t('pickup.approvalCode')}
                  <input
                    value={state.approvalCode}
                    onChange={(event) => state.setField('approvalCode', event.target.value)}
                  />
                </label>
              )}
            </div>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              disabled={state.busy}
              onClick={() => void submit()}
            >
              {t('pickup.handOver')}
            </button>
          </div>
        </fieldset>
      )}
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={state.close}>
          {t('common.back')}
        </button>
      </div>
    </section>
  );
}
