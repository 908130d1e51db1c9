import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ShiftDoc } from '../../../src/documents';
import type { CashMoveKind } from '../../../src/shifts';
import { useAppStore } from '../../state/app-store';
import { money, parseAmount } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { recordMove } from './shift-actions';

const KINDS: readonly CashMoveKind[] = ['paid-in', 'paid-out', 'drop', 'float'];

/** Paid in, paid out (with a reason), cash drops to the safe and float top-ups. */
export function CashMoveForm(props: { shift: ShiftDoc; onRecorded: () => void }) {
  const t = useManagerTranslate();
  const staff = useAppStore((state) => state.staff);
  const locale = useAppStore((state) => state.locale);
  const [kind, setKind] = useState<CashMoveKind>('paid-out');
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const amount = parseAmount(amountText, props.shift.currency);
    if (amount === null || amount <= 0 || !staff) {
      setMessage({ error: true, text: t('shift.badAmount') });
      return;
    }
    try {
      await recordMove(props.shift, staff, kind, amount, reason);
      setMessage({
        error: false,
        text: t('shift.moveRecorded', {
          kind: t(`shift.kind.${kind}`),
          amount: money(amount, props.shift.currency, locale),
        }),
      });
      setAmountText('');
      setReason('');
      props.onRecorded();
    } catch (caught) {
      setMessage({ error: true, text: t('common.error', { message: (caught as Error).message }) });
    }
  }

  return (
    <form className="manager-card" onSubmit={(event) => void submit(event)}>
      <h2>{t('shift.cashMoves')}</h2>
      <div className="segmented" role="radiogroup" aria-label={t('shift.cashMoves')}>
        {KINDS.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={kind === option}
            className={kind === option ? 'button-primary' : 'button-secondary'}
            data-testid={`cash-kind-${option}`}
            onClick={() => setKind(option)}
          >
            {t(`shift.kind.${option}`)}
          </button>
        ))}
      </div>
      <label className="manager-field">
        <span>{t('common.amount')}</span>
        <input
          data-testid="cash-amount"
          inputMode="numeric"
          autoComplete="off"
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
        />
      </label>
      <label className="manager-field">
        <span>{t('common.reason')}</span>
        <input
          data-testid="cash-reason"
          autoComplete="off"
          maxLength={300}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      </label>
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status" data-testid="cash-message">
          {message.text}
        </p>
      )}
      <button type="submit" className="button-primary" data-testid="record-cash-move">
        {t('shift.record')}
      </button>
    </form>
  );
}
