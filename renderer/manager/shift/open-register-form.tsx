import { useState } from 'react';
import type { FormEvent } from 'react';
import { cashDenominations } from '../../../src/shifts';
import { useAppStore } from '../../state/app-store';
import { useManagerTranslate } from '../use-manager-translate';
import { CashCountField } from './cash-count-field';
import { EMPTY_CASH_COUNT, resolveCashCount } from './denomination-counts';
import { openRegister } from './shift-actions';

/** Opening the register: the float counted into the drawer, as a total or note by note. */
export function OpenRegisterForm() {
  const t = useManagerTranslate();
  const staff = useAppStore((state) => state.staff);
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  const [entry, setEntry] = useState(EMPTY_CASH_COUNT);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const count = resolveCashCount(entry, currency, cashDenominations(currency));
    if (!count.ok || !staff) {
      setError(
        t(count.ok || count.problem === 'bad-amount' ? 'shift.badAmount' : 'shift.badCount'),
      );
      return;
    }
    setBusy(true);
    try {
      await openRegister(staff, count.total, count.denominations);
      setEntry(EMPTY_CASH_COUNT);
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
      <CashCountField
        label={t('shift.float')}
        currency={currency}
        entry={entry}
        onChange={setEntry}
        testId="opening-float"
      />
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
