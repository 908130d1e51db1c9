/**
 * `#/orders`: the store's pickup counter. The queue lists web orders due here with their age;
 * the lookup finds any order by its QR or number. An open order can be marked ready (the server
 * writes orders) and handed over, in full or in part, after checking the order number and the
 * customer's name or phone, collecting what is still due.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CustomerDoc, WebOrderDoc } from '../../src/documents';
import { formatMoney } from '../../src/money';
import type { Minor } from '../../src/money';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { DocumentLookupForm } from '../lookup/document-lookup-form';
import { serverApi } from '../lookup/document-lookup';
import type { FoundDocument } from '../lookup/document-lookup';
import { OrderPanel } from './order-panel';
import { ageLabel, pickupQueue } from './pickup-queue';
import { usePickupStore } from './pickup-store';
import { toPickNow } from './hand-over';
import { useLiveDocs, useNow } from '../platform/use-live-docs';
import { useOmniTranslate } from '../i18n/use-omni-translate';
import { navigate } from '../platform/use-hash-route';
import { useLiveFacts } from '../data/facts';

export function PickupScreen() {
  const t = useOmniTranslate();
  const locale = useAppStore((state) => state.locale);
  const { db, config } = services();
  const orders = useLiveDocs<WebOrderDoc>(db.orders);
  const pickups = useLiveFacts(db, 'pickups');
  const customers = useLiveDocs<CustomerDoc>(db.customers, {
    id: { $in: [...new Set(orders.map((order) => order.customerId))] },
  });
  const now = useNow();
  const open = usePickupStore((state) => state.open);
  const openOrder = usePickupStore((state) => state.openOrder);
  const notice = usePickupStore((state) => state.notice);
  const setNotice = usePickupStore((state) => state.setNotice);

  const rows = useMemo(
    () => pickupQueue(orders, pickups, config.storeId, now),
    [orders, pickups, config.storeId, now],
  );
  const nameOf = new Map(customers.map((customer) => [customer.id, customer.name]));
  // Another store's customer is not held here: the server names them, so the panel never
  // shows a customer id (issue #18).
  const [askedNames, setAskedNames] = useState<Record<string, string>>({});
  const openCustomerId = open?.order.customerId;
  const openCustomerHeld = openCustomerId !== undefined && nameOf.has(openCustomerId);
  useEffect(() => {
    if (!openCustomerId || openCustomerHeld) return;
    let current = true;
    void serverApi()
      .call('customers/get', { id: openCustomerId })
      .then((reply) => {
        if (current && reply.ok)
          setAskedNames((names) => ({ ...names, [openCustomerId]: reply.value.customer.name }));
      });
    return () => {
      current = false;
    };
  }, [openCustomerId, openCustomerHeld]);
  const money = (amount: Minor, order?: WebOrderDoc) =>
    formatMoney(amount, order?.currency ?? 'VND', locale);

  function show(found: FoundDocument): void {
    if (found.kind === 'sale') {
      setNotice({ kind: 'info', text: t('lookup.saleFound') });
      return;
    }
    const next = { order: found.order, pickups: found.pickups, serverChecked: found.serverChecked };
    openOrder(next, toPickNow(next));
  }

  function openFromQueue(orderId: string): void {
    const order = orders.find((candidate) => candidate.id === orderId);
    if (!order) return;
    const next = {
      order,
      pickups: pickups.filter((pickup) => pickup.orderId === orderId),
      serverChecked: false,
    };
    openOrder(next, toPickNow(next));
  }

  return (
    <main className="screen" data-testid="pickup-screen">
      <header className="screen-header">
        <h1>{t('pickup.title')}</h1>
        <button type="button" className="button-secondary" onClick={() => navigate('/')}>
          {t('common.back')}
        </button>
      </header>
      <DocumentLookupForm testId="order-lookup" onFound={show} />
      {notice && (
        <p
          className={notice.kind === 'error' ? 'error' : 'notice'}
          role="status"
          data-testid="pickup-notice"
        >
          {notice.text}
        </p>
      )}
      {open ? (
        <OrderPanel
          customerName={nameOf.get(open.order.customerId) ?? askedNames[open.order.customerId]}
        />
      ) : (
        <section className="panel">
          <h2>{t('pickup.queue', { count: rows.length })}</h2>
          {rows.length === 0 ? (
            <p className="muted">{t('pickup.queueEmpty')}</p>
          ) : (
            <table className="cart-table" data-testid="pickup-queue">
              <thead>
                <tr>
                  <th>{t('pickup.order')}</th>
                  <th>{t('pickup.customer')}</th>
                  <th>{t('pickup.state')}</th>
                  <th>{t('pickup.age')}</th>
                  <th>{t('pickup.items')}</th>
                  <th>{t('pickup.due')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.orderId} data-testid="pickup-row" data-order={row.orderNumber}>
                    <td>{row.orderNumber}</td>
                    <td>{nameOf.get(row.customerId) ?? row.customerId}</td>
                    <td>{t(`pickup.state.${row.state}`)}</td>
                    <td>{ageLabel(row.ageMinutes, locale)}</td>
                    <td>{row.itemsToPickUp}</td>
                    <td>{money(row.balanceDue)}</td>
                    <td>
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => openFromQueue(row.orderId)}
                      >
                        {t('pickup.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </main>
  );
}
