import { useEffect } from 'react';
import { useCheckinStore } from '../checkins/pickup-checkins';
import { navigate } from '../platform/use-hash-route';
import { useOmniTranslate } from '../i18n/use-omni-translate';

/** How often the counter asks the server who checked in at the kiosk. */
const CHECKIN_POLL_MS = 15_000;

/**
 * The status bar's way to the pickup counter, returns and the customer's history. The pickup
 * counter's button says how many customers checked in at the kiosk and wait (the cashier is told
 * at the till, not only on the manager's list).
 */
export function OmnichannelNavButtons() {
  const t = useOmniTranslate();
  const waiting = useCheckinStore((state) => state.checkins.length);
  const refresh = useCheckinStore((state) => state.refresh);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), CHECKIN_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const links = [
    {
      route: '/orders',
      label: waiting > 0 ? t('nav.ordersWaiting', { count: waiting }) : t('nav.orders'),
      testId: 'nav-orders',
      attention: waiting > 0,
    },
    { route: '/returns', label: t('nav.returns'), testId: 'nav-returns' },
    { route: '/customer-history', label: t('nav.customers'), testId: 'nav-customer-history' },
  ];
  return (
    <>
      {links.map((link) => (
        <button
          key={link.route}
          type="button"
          className={'attention' in link && link.attention ? 'button-primary' : 'button-secondary'}
          data-testid={link.testId}
          onClick={() => navigate(link.route)}
        >
          {link.label}
        </button>
      ))}
    </>
  );
}
