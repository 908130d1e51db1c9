import { useEffect } from 'react';
import { useCheckinStore } from '../checkins/pickup-checkins';
import { useAppStore } from '../state/app-store';
import { dateTime } from './manager-format';
import { useManagerTranslate } from './use-manager-translate';

/** Customers who checked in at the kiosk for a web-order pickup, oldest first. */
export function PickupCheckins() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const checkins = useCheckinStore((state) => state.checkins);
  const served = useCheckinStore((state) => state.served);
  const refresh = useCheckinStore((state) => state.refresh);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 5000);
    return () => clearInterval(timer);
  }, [refresh]);
  return (
    <section className="manager-card" data-testid="pickup-checkins">
      <h2>{t('pickups.title')}</h2>
      {checkins.length === 0 && <p className="muted">{t('pickups.none')}</p>}
      <ul>
        {checkins.map((checkin) => (
          <li key={checkin.orderId} className="manager-row">
            <strong>{t('pickups.order', { number: checkin.orderNumber })}</strong>
            {checkin.customerName && <span>{checkin.customerName}</span>}
            <span className="muted">{t('pickups.at', { time: dateTime(checkin.at, locale) })}</span>
            <button
              type="button"
              className="button-secondary"
              onClick={() => served(checkin.orderId)}
            >
              {t('pickups.done')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
