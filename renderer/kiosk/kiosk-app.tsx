/**
 * The kiosk's own top level: start-up progress, then the kiosk screen. Scanner bursts are taken
 * by the same wedge detector the till uses and sent to the kiosk whatever has the focus, so a
 * customer can scan at any moment without touching the scan field first.
 */
import { useEffect } from 'react';
import { dispatchScan, onScan } from '../devices/scan-router';
import { installWedgeListener } from '../devices/wedge-listener';
import { useAppStore } from '../state/app-store';
import { KioskScreen } from './kiosk-screen';
import { useKioskStore } from './kiosk-store';
import { useKioskTranslate } from './use-kiosk-translate';

export function KioskApp() {
  const t = useKioskTranslate();
  const phase = useAppStore((state) => state.phase);
  const locale = useAppStore((state) => state.locale);

  useEffect(() => {
    document.documentElement.lang = locale === 'vi-VN' ? 'vi' : 'en';
  }, [locale]);
  useEffect(
    () => installWedgeListener(window, { onScan: (raw) => void dispatchScan(raw, 'wedge') }),
    [],
  );
  // Wedge and serial scans alike come through the app's scan router, classified once.
  useEffect(
    () =>
      onScan(({ scan }) => {
        if (useAppStore.getState().phase === 'ready') useKioskStore.getState().scan(scan);
        return true;
      }),
    [],
  );

  if (phase !== 'ready') {
    return (
      <main className="kiosk centered" aria-busy={phase !== 'failed'}>
        <h1>{t('kiosk.welcome')}</h1>
      </main>
    );
  }
  return <KioskScreen />;
}
