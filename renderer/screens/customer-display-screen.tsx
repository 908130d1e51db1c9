import { useEffect, useState } from 'react';
import type { CustomerDisplayState } from '../../src/ipc/contract';
import { translator } from '../i18n/translate';
import { connectDeviceApi } from '../platform/device-api';

/**
 * The customer-facing window (`#/customer-display`): follows the cashier's sale through the
 * 'display/state' event, in the language the cashier uses; a welcome when idle, a thank-you
 * with the points earned when the sale is done. It opens no database: the sale comes by event.
 */
export function CustomerDisplayScreen() {
  const [state, setState] = useState<CustomerDisplayState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stop: (() => void) | null = null;
    connectDeviceApi()
      .then((api) => {
        stop = api.on('display/state', setState);
      })
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      );
    return () => stop?.();
  }, []);

  const locale = state?.locale ?? 'vi-VN';
  const t = translator(locale);
  useEffect(() => {
    document.documentElement.lang = locale === 'vi-VN' ? 'vi' : 'en';
  }, [locale]);

  if (error) {
    return (
      <main className="customer-display centered" role="alert">
        {error}
      </main>
    );
  }
  if (!state || state.mode === 'idle') {
    return (
      <main className="customer-display centered" data-testid="customer-display" data-mode="idle">
        <h1>{t('display.welcome')}</h1>
        <p className="muted">{t('app.name')}</p>
      </main>
    );
  }
  if (state.mode === 'thank-you') {
    return (
      <main
        className="customer-display centered"
        data-testid="customer-display"
        data-mode="thank-you"
      >
        <h1>{t('display.thanks')}</h1>
        <p className="display-total">
          {t('display.total')}: {state.total}
        </p>
        {state.loyalty && (
          <p className="display-points" data-testid="display-points">
            {t('display.pointsEarned', { points: state.loyalty.pointsEarned })} ·{' '}
            {t('display.pointsBalance', { points: state.loyalty.balanceAfter })}
          </p>
        )}
      </main>
    );
  }
  if (state.transfer) {
    const transfer = state.transfer;
    // Paying by bank transfer: the code fills the screen, with whom and how much they pay.
    return (
      <main
        className="customer-display centered"
        data-testid="customer-display"
        data-mode="transfer"
      >
        <h1>{t('payment.transfer.scan')}</h1>
        <div
          className="qr-image display-qr"
          data-testid="display-qr"
          dangerouslySetInnerHTML={{ __html: transfer.svg }}
        />
        <p className="display-total" data-testid="display-transfer-amount">
          {transfer.amount}
        </p>
        <p>
          {transfer.accountName} · {transfer.accountNumber} ·{' '}
          <span data-testid="display-transfer-bank">
            {transfer.bankName ?? `BIN ${transfer.bankBin}`}
          </span>
        </p>
        <p className="muted">
          {t('payment.transfer.reference')}: {transfer.reference}
        </p>
      </main>
    );
  }
  return (
    <main className="customer-display" data-testid="customer-display" data-mode="sale">
      <ul className="display-lines">
        {state.lines.map((line, index) => (
          <li key={index} className={line.name === state.lastItem?.name ? 'last-line' : undefined}>
            <span>{line.name}</span>
            <span>{line.quantity}</span>
            <span>{line.amount}</span>
          </li>
        ))}
      </ul>
      {state.lastItem && (
        <p className="display-last">
          {state.lastItem.name}: {state.lastItem.amount}
        </p>
      )}
      {state.loyalty && (
        <p className="display-points">
          {t('display.pointsBalance', { points: state.loyalty.balanceAfter })}
        </p>
      )}
      <p className="display-total" data-testid="display-total">
        {t('display.total')}: {state.total}
      </p>
    </main>
  );
}
