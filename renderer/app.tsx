import { useEffect } from 'react';
import { useTranslate } from './i18n/use-translate';
import { LoginScreen } from './screens/login-screen';
import { StatusBar } from './components/status-bar';
import { StaffScreen } from './navigation/staff-screen';
import { useHashRoute } from './navigation/use-hash-route';
import { useAppStore } from './state/app-store';
import { KioskScreen } from './kiosk/kiosk-screen';
import { ManagerScreen, ShiftGate } from './manager';

export function App() {
  const t = useTranslate();
  const phase = useAppStore((state) => state.phase);
  const startupError = useAppStore((state) => state.startupError);
  const catalogCount = useAppStore((state) => state.catalogCount);
  const staff = useAppStore((state) => state.staff);
  const locale = useAppStore((state) => state.locale);
  const route = useHashRoute();
  const kiosk = useAppStore((state) => state.config?.kiosk === true);

  useEffect(() => {
    document.documentElement.lang = locale === 'vi-VN' ? 'vi' : 'en';
  }, [locale]);

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
          {phase === 'loading-catalog'
            ? t('catalog.loading', { count: catalogCount })
            : t('app.loading')}
        </p>
      </main>
    );
  }
  // The kiosk is for customers: no status bar, no sign-in, no way to staff screens.
  if (kiosk || route === '/kiosk') return <KioskScreen />;
  return (
    <div className="app-shell">
      <StatusBar />
      {!staff ? (
        <LoginScreen />
      ) : route === '/manager' ? (
        <ManagerScreen />
      ) : (
        <ShiftGate>
          <StaffScreen route={route} />
        </ShiftGate>
      )}
    </div>
  );
}
