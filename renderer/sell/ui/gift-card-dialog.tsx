import { useEffect, useState } from 'react';
import { formatMoney } from '../../../src/money';
import {
  giftCardLoadBounds,
  isGiftCardNumber,
  normalizeStoredValueNumber,
} from '../../../src/stored-value';
import { ConfirmActions, Dialog } from '../../components/dialog';
import { onScan } from '../../devices/scan-router';
import { useTranslate } from '../../i18n/use-translate';
import { readTypedAmount } from '../../platform/typed-amount';
import { useAppStore } from '../../state/app-store';
import { useCartStore } from '../cart-store';
import { giftCardIssuable } from '../payment/stored-value-holds';
import { useSellUiStore } from '../sell-ui-store';

/**
 * Selling a gift card (docs/CASHIER.md "Gift cards"): the card's number, scanned or typed, and the
 * amount to load, typed as every amount is. Online the server says whether the card was issued
 * before (a card is sold once, never topped up); offline the server checks when the sale syncs.
 */
export function GiftCardDialog() {
  const t = useTranslate();
  const close = useSellUiStore((state) => state.close);
  const addGiftCard = useCartStore((state) => state.addGiftCard);
  const setNotice = useCartStore((state) => state.setNotice);
  const locale = useAppStore((state) => state.locale);
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  const [number, setNumber] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const bounds = giftCardLoadBounds(currency);
  const range = {
    min: formatMoney(bounds.min, currency, locale),
    max: formatMoney(bounds.max, currency, locale),
  };

  // A card scanned while the dialog is open is its number, not a product for the cart.
  useEffect(
    () =>
      onScan(({ raw }) => {
        setNumber(raw.trim());
        return true;
      }),
    [],
  );

  async function submit(): Promise<void> {
    const card = normalizeStoredValueNumber(number);
    if (!isGiftCardNumber(card)) {
      setError(t('giftCard.badNumber'));
      return;
    }
    const read = readTypedAmount(amount, currency, locale);
    if (!read.ok) {
      setError(read.message);
      return;
    }
    if (read.amount < bounds.min || read.amount > bounds.max) {
      setError(t('giftCard.badAmount', range));
      return;
    }
    setChecking(true);
    setError(null);
    const issuable = await giftCardIssuable(card);
    setChecking(false);
    if (issuable === 'issued') {
      setError(t('giftCard.exists', { number: card }));
      return;
    }
    if (!addGiftCard(card, read.amount)) {
      setError(t('giftCard.inCart', { number: card }));
      return;
    }
    const added = t('giftCard.added', {
      number: card,
      amount: formatMoney(read.amount, currency, locale),
    });
    setNotice({
      kind: 'info',
      text: issuable === 'offline' ? `${added} ${t('giftCard.offline')}` : added,
    });
    close();
  }

  return (
    <Dialog title={t('giftCard.title')} testId="gift-card-dialog" onSubmit={() => void submit()}>
      <label>
        {t('giftCard.number')}
        <input
          autoFocus
          autoComplete="off"
          data-testid="gift-card-number"
          value={number}
          onChange={(event) => setNumber(event.target.value)}
        />
      </label>
      <label>
        {t('giftCard.amount')}
        <input
          inputMode="numeric"
          autoComplete="off"
          data-testid="gift-card-amount"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
        />
      </label>
      <p className="muted">{t('giftCard.bounds', range)}</p>
      {checking && <p className="muted">{t('giftCard.checking')}</p>}
      {error && (
        <p className="error" role="alert" data-testid="gift-card-error">
          {error}
        </p>
      )}
      <ConfirmActions
        onCancel={close}
        confirmLabel={t('giftCard.add')}
        confirmTestId="gift-card-add"
        disabled={checking}
      />
    </Dialog>
  );
}
