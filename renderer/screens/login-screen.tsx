import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { hostPinMac, PinLockout, replicaLockoutStore, staffByPin } from '../auth/pin';
import { useTranslate } from '../i18n/use-translate';
import { services, storeStaff } from '../services';
import { useAppStore } from '../state/app-store';
import { useCartStore } from '../sell/cart-store';

/** The clock, read in event handlers only (kept out of render on purpose). */
const now = (): number => Date.now();
let opened: Promise<PinLockout> | null = null;
/** The keypad's lockout, read once from the replica (it survives reloads and cleared storage). */
const pinLockout = (): Promise<PinLockout> =>
  (opened ??= PinLockout.open(replicaLockoutStore(services().db)));
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'ok'] as const;

/** PIN sign-in, offline: the PIN is checked against the hashes in the local replica. */
export function LoginScreen() {
  const t = useTranslate();
  const signIn = useAppStore((state) => state.signIn);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [noStaff, setNoStaff] = useState(false);
  const openLines = useCartStore((state) => state.lines.length);

  useEffect(() => {
    void storeStaff().then((staff) => setNoStaff(staff.length === 0));
  }, []);

  async function submit(event?: FormEvent): Promise<void> {
    event?.preventDefault();
    const lockout = await pinLockout();
    const remaining = lockout.remaining(now());
    if (remaining > 0) {
      setMessage(t('login.lockedOut', { seconds: Math.ceil(remaining / 1000) }));
      return;
    }
    if (!pin) return;
    setChecking(true);
    // Counted before the check, cleared if it matches: a reload mid-check cannot undo it.
    await lockout.recordFailure(now());
    const { member, problem } = await staffByPin(
      pin,
      await storeStaff(),
      hostPinMac(services().api),
    );
    setChecking(false);
    setPin('');
    if (problem) {
      // Not a wrong PIN: nothing was checked. The attempt stays counted (it was counted first).
      setMessage(problem);
      return;
    }
    if (member) {
      await lockout.recordSuccess();
      signIn(member);
      return;
    }
    const locked = lockout.remaining(now());
    setMessage(
      locked > 0
        ? t('login.lockedOut', { seconds: Math.ceil(locked / 1000) })
        : t('login.wrongPin', { left: lockout.attemptsLeft() }),
    );
  }

  function press(key: (typeof KEYS)[number]): void {
    if (key === 'clear') setPin('');
    else if (key === 'ok') void submit();
    else setPin((current) => (current.length < 8 ? current + key : current));
  }

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={(event) => void submit(event)}>
        <h1>{t('login.title')}</h1>
        <label htmlFor="pin">{t('login.prompt')}</label>
        <input
          id="pin"
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          value={pin}
          maxLength={8}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          disabled={checking}
        />
        {noStaff && <p className="notice">{t('login.noStaff')}</p>}
        {openLines > 0 && (
          <p className="notice" data-testid="open-sale-kept">
            {t('login.openSale', { count: openLines })}
          </p>
        )}
        {message && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <div className="pin-pad">
          {KEYS.map((key) => (
            <button
              key={key}
              type="button"
              className={key === 'ok' ? 'button-primary' : 'button-secondary'}
              onClick={() => press(key)}
              disabled={checking}
            >
              {key === 'clear' ? t('login.clear') : key === 'ok' ? t('login.submit') : key}
            </button>
          ))}
        </div>
      </form>
    </main>
  );
}
