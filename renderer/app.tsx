import { useEffect } from 'react';
import { useTranslate } from './i18n/use-translate';
import { LoginScreen } from './screens/login-screen';
import { StatusBar } from './components/status-bar';
import { StaffScreen } from './navigation/staff-screen';
import { useHashRoute } from './navigation/use-hash-route';
import { useAppStore } from './state/app-store';

export function App() {
  const t = useTranslate();
  const phase = useAppStore((state) => state.phase);
  const startupError = useAppStore((state) => state.startupError);
  const catalogCount = useAppStore((state) => state.catalogCount);
  const staff = useAppStore((state) => state.staff);
  const locale = useAppStore((state) => state.locale);
  const route = useHashRoute();

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
  return (
    <div className="app-shell">
      <StatusBar />
      {staff ? <StaffScreen route={route} /> : <LoginScreen />}
    </div>
  );
}
