/**
 * The customer kiosk (`#/kiosk`, or AppConfig.kiosk): price checks, loyalty points and pickup
 * check-ins in big type, touch only, Vietnamese and English. It has no status bar, no sign-in
 * and no link to staff screens; keyboard shortcuts and the context menu are swallowed, and after
 * a spell without a touch it returns to its start screen, forgetting what was shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { dispatchScan } from '../devices/scan-router';
import { useAppStore } from '../state/app-store';
import { useKioskStore } from './kiosk-store';
import type { KioskView } from './kiosk-store';
import { LoyaltyView } from './loyalty-view';
import { PickupView } from './pickup-view';
import { PriceCheckView } from './price-check-view';
import { kioskIdleMs, useIdleReset } from './use-idle-reset';
import { useKioskTranslate } from './use-kiosk-translate';
import './kiosk.css';

const CHOICES: readonly {
  view: KioskView;
  label: 'kiosk.priceCheck' | 'kiosk.loyalty' | 'kiosk.pickup';
}[] = [
  { view: 'price', label: 'kiosk.priceCheck' },
  { view: 'loyalty', label: 'kiosk.loyalty' },
  { view: 'pickup', label: 'kiosk.pickup' },
];

/** Keys that would reach browser or app functions: reload, devtools, address bar, new windows. */
function isShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.altKey || event.metaKey || /^F\d+$/.test(event.key);
}

export function KioskScreen() {
  const t = useKioskTranslate();
  const storeName = useAppStore((state) => state.settings?.name);
  const toggleLocale = useAppStore((state) => state.toggleLocale);
  const defaultLocale = useAppStore((state) => state.config?.locale ?? 'vi-VN');
  const view = useKioskStore((state) => state.view);
  const product = useKioskStore((state) => state.product);
  const notice = useKioskStore((state) => state.notice);
  const show = useKioskStore((state) => state.show);
  const reset = useKioskStore((state) => state.reset);
  const [entry, setEntry] = useState('');
  const scanInput = useRef<HTMLInputElement>(null);
  // Read once when the kiosk starts: a later change of the address does not change it.
  const [idleMs] = useState(() => kioskIdleMs(window.location.hash));

  const goIdle = useCallback(() => {
    reset();
    setEntry('');
    // The next customer starts in the store's language.
    if (useAppStore.getState().locale !== defaultLocale) toggleLocale();
  }, [reset, toggleLocale, defaultLocale]);
  useIdleReset(view !== 'home' || notice !== null, idleMs, goIdle);

  useEffect(() => {
    const swallow = (event: KeyboardEvent): void => {
      if (isShortcut(event)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const noMenu = (event: Event): void => event.preventDefault();
    window.addEventListener('keydown', swallow, true);
    window.addEventListener('contextmenu', noMenu, true);
    // Serial and wedge scans reach the kiosk through the app's scan router (kiosk-app.tsx).
    return () => {
      window.removeEventListener('keydown', swallow, true);
      window.removeEventListener('contextmenu', noMenu, true);
    };
  }, []);

  function submit(event: FormEvent): void {
    event.preventDefault();
    void dispatchScan(entry, 'typed');
    setEntry('');
  }

  return (
    <main className="kiosk" data-testid="kiosk" data-view={view}>
      <header className="kiosk-header">
        <strong>{storeName}</strong>
        <span className="kiosk-spacer" />
        <button type="button" className="kiosk-button" onClick={toggleLocale}>
          {t('kiosk.language')}
        </button>
      </header>
      <form onSubmit={submit} className="kiosk-scan">
        <input
          ref={scanInput}
          data-testid="kiosk-scan"
          aria-label={t('kiosk.scanLabel')}
          placeholder={t('kiosk.scanHint')}
          autoComplete="off"
          autoFocus
          value={entry}
          onChange={(event) => setEntry(event.target.value)}
        />
      </form>
      {notice && (
        <p className="kiosk-error" role="alert" data-testid="kiosk-notice">
          {t(notice)}
        </p>
      )}
      {view === 'home' && (
        <section className="kiosk-home" data-testid="kiosk-home">
          <h1>{t('kiosk.welcome')}</h1>
          <p>{t('kiosk.scanHint')}</p>
          <div className="kiosk-choices">
            {CHOICES.map((choice) => (
              <button
                key={choice.view}
                type="button"
                className="kiosk-choice"
                data-testid={`kiosk-choice-${choice.view}`}
                onClick={() => {
                  show(choice.view);
                  scanInput.current?.focus();
                }}
              >
                {t(choice.label)}
              </button>
            ))}
          </div>
        </section>
      )}
      {view === 'price' && product && <PriceCheckView product={product} />}
      {view === 'price' && !product && !notice && (
        <p className="kiosk-panel">{t('kiosk.scanProduct')}</p>
      )}
      {view === 'loyalty' && <LoyaltyView />}
      {view === 'pickup' && <PickupView />}
      {view !== 'home' && (
        <button
          type="button"
          className="kiosk-button kiosk-home-button"
          data-testid="kiosk-home-button"
          onClick={goIdle}
        >
          {t('kiosk.home')}
        </button>
      )}
    </main>
  );
}
