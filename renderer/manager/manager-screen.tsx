/**
 * The manager screens (`#/manager`): shift, stock, reports, settings, promotions, pickup
 * check-ins and, in a store that issues e-invoices (its settings' `einvoice`), the e-invoices;
 * each shown only to staff whose role has its permission in the store settings.
 */
import type { Permission } from '../../src/documents';
import { useAppStore } from '../state/app-store';
import type { ManagerMessageKey } from './manager-messages';
import { useManagerStore } from './manager-store';
import type { ManagerArea } from './manager-store';
import { EInvoicesPanel } from './einvoices/einvoices-panel';
import { can } from './permissions';
import { PickupCheckins } from './pickup-checkins-panel';
import { PromotionsPanel } from './promotions/promotions-panel';
import { ReportsPanel } from './reports/reports-panel';
import { SettingsPanel } from './settings/settings-panel';
import { ShiftPanel } from './shift/shift-panel';
import { StockPanel } from './stock/stock-panel';
import { useManagerTranslate } from './use-manager-translate';
import './manager.css';

const AREAS: readonly { area: ManagerArea; permission: Permission; label: ManagerMessageKey }[] = [
  { area: 'shift', permission: 'manage-shift', label: 'manager.tab.shift' },
  { area: 'stock', permission: 'manage-stock', label: 'manager.tab.stock' },
  { area: 'reports', permission: 'view-reports', label: 'manager.tab.reports' },
  { area: 'settings', permission: 'manage-settings', label: 'manager.tab.settings' },
  { area: 'promotions', permission: 'manage-settings', label: 'manager.tab.promotions' },
  { area: 'pickups', permission: 'manage-shift', label: 'manager.tab.pickups' },
  // Resending needs manage-settings on the server (the e-invoice routes), so the tab does too.
  { area: 'einvoices', permission: 'manage-settings', label: 'manager.tab.einvoices' },
];

export function ManagerScreen() {
  const t = useManagerTranslate();
  const staff = useAppStore((state) => state.staff);
  const settings = useAppStore((state) => state.settings);
  const chosen = useManagerStore((state) => state.area);
  const setArea = useManagerStore((state) => state.setArea);
  const allowed = AREAS.filter(
    (entry) =>
      can(staff, settings, entry.permission) &&
      (entry.area !== 'einvoices' || settings?.einvoice !== undefined),
  );
  const area = allowed.find((entry) => entry.area === chosen)?.area ?? allowed[0]?.area;

  if (!area) {
    return (
      <main className="manager-screen">
        <p className="error" role="alert" data-testid="manager-not-allowed">
          {t('manager.notAllowed')}
        </p>
        <a className="button-secondary link-button" href="#/">
          {t('manager.back')}
        </a>
      </main>
    );
  }
  return (
    <main className="manager-screen" data-testid="manager-screen">
      <header className="manager-header">
        <h1>{t('manager.title')}</h1>
        <nav className="manager-tabs" aria-label={t('manager.tabs')}>
          {allowed.map((entry) => (
            <button
              key={entry.area}
              type="button"
              aria-current={entry.area === area ? 'page' : undefined}
              className={entry.area === area ? 'button-primary' : 'button-secondary'}
              data-testid={`manager-tab-${entry.area}`}
              onClick={() => setArea(entry.area)}
            >
              {t(entry.label)}
            </button>
          ))}
        </nav>
        <a className="button-secondary link-button" href="#/" data-testid="manager-back">
          {t('manager.back')}
        </a>
      </header>
      {area === 'shift' && <ShiftPanel />}
      {area === 'stock' && <StockPanel />}
      {area === 'reports' && <ReportsPanel />}
      {area === 'settings' && <SettingsPanel />}
      {area === 'promotions' && <PromotionsPanel />}
      {area === 'pickups' && <PickupCheckins />}
      {area === 'einvoices' && <EInvoicesPanel />}
    </main>
  );
}
