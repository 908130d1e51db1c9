import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useAppStore } from '../state/app-store';
import { useKioskStore } from './kiosk-store';
import {
  lockRemaining,
  memberByCard,
  memberByPhone,
  memberView,
  recordAttempt,
} from './member-lookup';
import type { MemberView } from './member-lookup';
import { useKioskTranslate } from './use-kiosk-translate';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

/** Points and tier for a scanned card, or for a phone number with the card's last four digits. */
export function LoyaltyView() {
  const t = useKioskTranslate();
  const locale = useAppStore((state) => state.locale);
  const cardNumber = useKioskStore((state) => state.cardNumber);
  const [phone, setPhone] = useState('');
  const [last4, setLast4] = useState('');
  const [field, setField] = useState<'phone' | 'last4'>('phone');
  const [member, setMember] = useState<MemberView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!cardNumber) return;
    void memberByCard(cardNumber).then(async (customer) => {
      if (customer) setMember(await memberView(customer));
      else setError(t('kiosk.noMatch'));
    });
  }, [cardNumber, t]);

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    const locked = lockRemaining(Date.now());
    if (locked > 0) {
      setError(t('kiosk.locked', { seconds: Math.ceil(locked / 1000) }));
      return;
    }
    const customer = await memberByPhone(phone, last4);
    recordAttempt(customer !== null, Date.now());
    setLast4('');
    if (!customer) {
      const lockedNow = lockRemaining(Date.now());
      setError(
        lockedNow > 0
          ? t('kiosk.locked', { seconds: Math.ceil(lockedNow / 1000) })
          : t('kiosk.noMatch'),
      );
      return;
    }
    setError(null);
    setMember(await memberView(customer));
  }

  function press(key: (typeof KEYS)[number]): void {
    const set = field === 'phone' ? setPhone : setLast4;
    const max = field === 'phone' ? 15 : 4;
    if (key === 'clear') set('');
    else if (key === 'back') set((current) => current.slice(0, -1));
    else set((current) => (current.length < max ? current + key : current));
  }

  if (member) {
    const tierName = (tier: { name: { vi: string; en: string } }) =>
      locale === 'vi-VN' ? tier.name.vi : tier.name.en;
    return (
      <section className="kiosk-panel" data-testid="kiosk-member">
        <h2>{t('kiosk.member', { name: member.name })}</h2>
        <p>{t('kiosk.points')}</p>
        <p className="kiosk-price" data-testid="kiosk-points">
          {t('kiosk.pointsValue', { points: member.points.toLocaleString(locale) })}
        </p>
        {member.standing && (
          <>
            <p data-testid="kiosk-tier">
              {member.standing.tier
                ? t('kiosk.tier', { tier: tierName(member.standing.tier) })
                : t('kiosk.noTier')}
            </p>
            {member.standing.next && (
              <p className="kiosk-muted">
                {t('kiosk.nextTier', {
                  points: member.standing.next.pointsNeeded.toLocaleString(locale),
                  tier: tierName(member.standing.next.tier),
                })}
              </p>
            )}
          </>
        )}
      </section>
    );
  }
  return (
    <form className="kiosk-panel" onSubmit={(event) => void submit(event)}>
      <p>{t('kiosk.loyaltyHint')}</p>
      <label className="kiosk-field">
        <span>{t('kiosk.phone')}</span>
        <input
          data-testid="kiosk-phone"
          inputMode="tel"
          autoComplete="off"
          value={phone}
          onFocus={() => setField('phone')}
          onChange={(event) => setPhone(event.target.value.replace(/[^\d+]/g, ''))}
        />
      </label>
      <label className="kiosk-field">
        <span>{t('kiosk.cardLast4')}</span>
        <input
          data-testid="kiosk-last4"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={last4}
          onFocus={() => setField('last4')}
          onChange={(event) => setLast4(event.target.value.replace(/\D/g, '').slice(0, 4))}
        />
      </label>
      <div className="kiosk-keypad">
        {KEYS.map((key) => (
          <button key={key} type="button" className="kiosk-key" onClick={() => press(key)}>
            {key === 'clear' ? t('kiosk.clear') : key === 'back' ? t('kiosk.back') : key}
          </button>
        ))}
      </div>
      {error && (
        <p className="kiosk-error" role="alert" data-testid="kiosk-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="kiosk-button kiosk-primary"
        data-testid="kiosk-show-points"
        disabled={phone.length < 9 || last4.length !== 4}
      >
        {t('kiosk.show')}
      </button>
    </form>
  );
}
