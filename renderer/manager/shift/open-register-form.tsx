import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppStore } from '../../state/app-store';
import { parseAmount } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { openRegister } from './shift-actions';

/** Opening the register: the float counted into the drawer starts the shift. */
export function OpenRegisterForm() {
  const t = useManagerTranslate();
  const staff = useAppStore((state) => state.staff);
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  const [floatText, setFloatText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const amount = parseAmount(floatText, currency);
    if (amount === null || amount < 0 || !staff) {
      setError(t('shift.badAmount'));
      return;
    }
    setBusy(true);
    try {
      await openRegister(staff, amount);
      setFloatText('');
      setError(null);
    } catch (caught) {
      setError(t('common.error', { message: (caught as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="manager-card" onSubmit={(event) => void submit(event)}>
      <h2>{t('shift.openTitle')}</h2>
      <label className="manager-field">
        <span>{t('shift.float')}</span>
        <input
          data-testid="opening-float"
          inputMode="numeric"
          autoComplete="off"
          value={floatText}
          onChange={(event) => setFloatText(event.target.value)}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy} data-testid="open-shift">
        {t('shift.openButton')}
      </button>
    </form>
  );
}
