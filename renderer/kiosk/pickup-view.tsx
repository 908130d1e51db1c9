import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { CustomerDoc, WebOrderDoc } from '../../src/documents';
import { services } from '../services';
import { useKioskStore } from './kiosk-store';
import { displayName } from './member-lookup';
import { useCheckinStore } from '../checkins/pickup-checkins';
import { useKioskTranslate } from './use-kiosk-translate';

/** The web order with this id or number, among those due at this store (the local replica). */
async function findOrder(reference: string): Promise<WebOrderDoc | null> {
  const { db, config } = services();
  const text = reference.trim();
  const byId = text.startsWith('ord_') ? await db.orders.findOne(text).exec() : null;
  const doc =
    byId ??
    (await db.orders.findOne({ selector: { orderNumber: text } }).exec()) ??
    (await db.orders.findOne({ selector: { orderNumber: text.toUpperCase() } }).exec());
  const order = (doc?.toJSON() as WebOrderDoc | undefined) ?? null;
  return order && order.pickupStoreId === config.storeId ? order : null;
}

async function findOrderWithOwner(
  reference: string,
): Promise<{ order: WebOrderDoc | null; customer: CustomerDoc | null }> {
  const order = await findOrder(reference);
  if (!order) return { order, customer: null };
  const owner = await services().db.customers.findOne(order.customerId).exec();
  return { order, customer: owner?.toJSON() ?? null };
}

/** Checking in for a web-order pickup: staff are told the customer is at the counter. */
export function PickupView() {
  const t = useKioskTranslate();
  const orderRef = useKioskStore((state) => state.orderRef);
  const checkIn = useCheckinStore((state) => state.checkIn);
  const [typed, setTyped] = useState('');
  const [order, setOrder] = useState<WebOrderDoc | null>(null);
  const [customer, setCustomer] = useState<CustomerDoc | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [done, setDone] = useState(false);

  const show = useCallback(
    (found: { order: WebOrderDoc | null; customer: CustomerDoc | null }): void => {
      setDone(false);
      setOrder(found.order);
      setCustomer(found.customer);
      if (!found.order) setMessage({ error: true, text: t('kiosk.orderNotFound') });
      else if (found.order.status === 'cancelled') {
        setMessage({ error: true, text: t('kiosk.orderCancelled') });
      } else if (found.order.status !== 'ready-for-pickup') {
        setMessage({ error: false, text: t('kiosk.orderNotReady') });
      } else setMessage(null);
    },
    [t],
  );

  useEffect(() => {
    if (orderRef) void findOrderWithOwner(orderRef).then(show);
  }, [orderRef, show]);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (typed.trim()) void findOrderWithOwner(typed).then(show);
  }

  return (
    <section className="kiosk-panel" data-testid="kiosk-pickup">
      <p>{t('kiosk.pickupHint')}</p>
      <form onSubmit={submit} className="kiosk-row">
        <label className="kiosk-field">
          <span>{t('kiosk.orderNumber')}</span>
          <input
            data-testid="kiosk-order-number"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <button type="submit" className="kiosk-button">
          {t('kiosk.find')}
        </button>
      </form>
      {order && (
        <p data-testid="kiosk-order">
          {t('kiosk.order', {
            number: order.orderNumber,
            items: order.lines.reduce((total, line) => total + line.quantity, 0),
          })}
        </p>
      )}
      {message && (
        <p className={message.error ? 'kiosk-error' : 'kiosk-muted'} role="status">
          {message.text}
        </p>
      )}
      {order && order.status !== 'cancelled' && !done && (
        <button
          type="button"
          className="kiosk-button kiosk-primary"
          data-testid="kiosk-check-in"
          onClick={() => {
            checkIn({
              orderId: order.id,
              orderNumber: order.orderNumber,
              ...(customer ? { customerName: displayName(customer.name) } : {}),
              at: new Date().toISOString(),
            });
            setDone(true);
          }}
        >
          {t('kiosk.checkIn')}
        </button>
      )}
      {done && (
        <p className="kiosk-success" role="status" data-testid="kiosk-checked-in">
          {t('kiosk.checkedIn')}
        </p>
      )}
    </section>
  );
}
