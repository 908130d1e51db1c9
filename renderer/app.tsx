import { useEffect } from 'react';
import { OverridePrompt } from './components/override-prompt';
import { OfflineBanner } from './navigation/offline-banner';
import { StatusBar } from './navigation/status-bar';
import { dispatchScan, dispatchTypedKey } from './devices/scan-router';
import { installWedgeListener } from './devices/wedge-listener';
import { firstSyncText } from './i18n/first-sync-text';
import { useTranslate } from './i18n/use-translate';
import { CustomerDisplayScreen } from './screens/customer-display-screen';
import { LoginScreen } from './screens/login-screen';
import { useAppStore } from './state/app-store';
import { KioskApp } from './kiosk/kiosk-app';
import { ManagerScreen, ShiftGate } from './manager';
import { StaffScreen } from './navigation/staff-screen';
import { SetupScreen } from './setup/setup-screen';
import { useSetupState } from './setup/setup-state';
import { useHashRoute } from './platform/use-hash-route';

/** The customer-facing window opens the same app at this route. */
export const CUSTOMER_DISPLAY_ROUTE = '#/customer-display';

export function isCustomerDisplay(): boolean {
  // The browser shell serves that screen's page (with its own device token) at this path too.
  return (
    window.location.hash === CUSTOMER_DISPLAY_ROUTE ||
    window.location.pathname === '/customer-display'
  );
}

export function App() {
  const route = useHashRoute();
  const kiosk = useAppStore((state) => state.config?.kiosk === true);
  if (isCustomerDisplay()) return <CustomerDisplayScreen />;
  // The kiosk is for customers: no status bar, no sign-in, no way to staff screens.
  if (kiosk || route === '/kiosk') return <KioskApp />;
  return <CashierApp route={route} />;
}

function CashierApp(props: { route: string }) {
  const t = useTranslate();
  const phase = useAppStore((state) => state.phase);
  const startupError = useAppStore((state) => state.startupError);
  const catalogCount = useAppStore((state) => state.catalogCount);
  const firstSync = useAppStore((state) => state.sync.firstSync ?? null);
  const staff = useAppStore((state) => state.staff);
  const locale = useAppStore((state) => state.locale);
  const setupNeeded = useSetupState((state) => state.needed);

  useEffect(() => {
    document.documentElement.lang = locale === 'vi-VN' ? 'vi' : 'en';
  }, [locale]);

  // One listener for the whole app sees every key first, so a wedge scan never lands in a field.
  useEffect(
    () =>
      installWedgeListener(window, {
        onScan: (raw) => void dispatchScan(raw, 'wedge'),
        onTypedKey: (key, target) => dispatchTypedKey(key, target),
      }),
    [],
  );

  if (setupNeeded) return <SetupScreen />;
  if (phase === 'failed') {
    return (
      <main className="centered" role="alert">
        <h1>{t('app.startFailed')}</h1>
        <p>{startupError}</p>
      </main>
    );
  }
  if (phase !== 'ready') {
    return (
      <main className="centered" aria-busy="true">
        <h1>{t('app.name')}</h1>
        <p data-testid="startup-progress">
          {phase !== 'loading-catalog'
            ? t('app.loading')
            : firstSync
              ? firstSyncText(t, firstSync, locale)
              : t('catalog.loading', { count: catalogCount })}
        </p>
      </main>
    );
  }
  return (
    <div className="app-shell">
      <StatusBar />
      <OfflineBanner />
      {!staff ? (
        <LoginScreen />
      ) : props.route === '/manager' ? (
        <ManagerScreen />
      ) : (
        <ShiftGate>
          <StaffScreen route={props.route} />
        </ShiftGate>
      )}
      <OverridePrompt />
    </div>
  );
}
