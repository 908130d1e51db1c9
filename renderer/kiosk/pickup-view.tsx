import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { CustomerDoc, PickupDoc, WebOrderDoc } from '../../src/documents';
import { orderLineProgress } from '../../src/orders';
import { findFacts } from '../data/facts';
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

/** What the kiosk can do with an order: check in only for one ready and not yet collected. */
export type KioskOrderState = 'not-found' | 'cancelled' | 'collected' | 'not-ready' | 'ready';

export function kioskOrderState(
  order: WebOrderDoc | null,
  pickups: readonly PickupDoc[],
): KioskOrderState {
  if (!order) return 'not-found';
  if (order.status === 'cancelled') return 'cancelled';
  if (orderLineProgress(order, pickups).every((line) => line.toPickUp === 0)) return 'collected';
  return order.status === 'ready-for-pickup' ? 'ready' : 'not-ready';
}

interface FoundOrder {
  order: WebOrderDoc | null;
  customer: CustomerDoc | null;
  state: KioskOrderState;
}

async function findOrderWithOwner(reference: string): Promise<FoundOrder> {
  const order = await findOrder(reference);
  if (!order) return { order, customer: null, state: 'not-found' };
  const { db } = services();
  const owner = await db.customers.findOne(order.customerId).exec();
  const pickups = await findFacts(db, 'pickups', { orderId: order.id });
  return { order, customer: owner?.toJSON() ?? null, state: kioskOrderState(order, pickups) };
}

const STATE_MESSAGES = {
  'not-found': { error: true, key: 'kiosk.orderNotFound' },
  cancelled: { error: true, key: 'kiosk.orderCancelled' },
  collected: { error: false, key: 'kiosk.orderCollected' },
  'not-ready': { error: false, key: 'kiosk.orderNotReady' },
} as const;

/** Checking in for a web-order pickup: staff are told the customer is at the counter. */
export function PickupView() {
  const t = useKioskTranslate();
  const orderRef = useKioskStore((state) => state.orderRef);
  const checkIn = useCheckinStore((state) => state.checkIn);
  const [typed, setTyped] = useState('');
  const [order, setOrder] = useState<WebOrderDoc | null>(null);
  const [state, setState] = useState<KioskOrderState>('not-found');
  const [customer, setCustomer] = useState<CustomerDoc | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [done, setDone] = useState(false);

  const show = useCallback(
    (found: FoundOrder): void => {
      setDone(false);
      setOrder(found.order);
      setCustomer(found.customer);
      setState(found.state);
      const message = found.state === 'ready' ? null : STATE_MESSAGES[found.state];
      setMessage(message && { error: message.error, text: t(message.key) });
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
      {order && (state === 'ready' || state === 'not-ready') && !done && (
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
