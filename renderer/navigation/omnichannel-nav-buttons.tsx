import { navigate } from '../platform/use-hash-route';
import { useOmniTranslate } from '../i18n/use-omni-translate';

/** The status bar's way to the pickup counter, returns and the customer's history. */
export function OmnichannelNavButtons() {
  const t = useOmniTranslate();
  const links = [
    { route: '/orders', label: t('nav.orders'), testId: 'nav-orders' },
    { route: '/returns', label: t('nav.returns'), testId: 'nav-returns' },
    { route: '/customer-history', label: t('nav.customers'), testId: 'nav-customer-history' },
  ];
  return (
    <>
      {links.map((link) => (
        <button
          key={link.route}
          type="button"
          className="button-secondary"
          data-testid={link.testId}
          onClick={() => navigate(link.route)}
        >
          {link.label}
        </button>
      ))}
    </>
  );
}
