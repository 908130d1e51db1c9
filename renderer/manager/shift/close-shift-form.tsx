import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ShiftDoc } from '../../../src/documents';
import { cashDenominations } from '../../../src/shifts';
import type { TenderCountInput, ZReport } from '../../../src/shifts';
import { useAppStore } from '../../state/app-store';
import { parseAmount } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { CashCountField } from './cash-count-field';
import { EMPTY_CASH_COUNT, resolveCashCount } from './denomination-counts';
import { tenderLabel } from './report-table';
import { closeRegister } from './shift-actions';

/**
 * The blind count: the closer types what is in the drawer per tender without seeing what the
 * movements say should be there, so the count is not nudged toward the expected figure. Cash
 * must be counted, as a total or note by note (the notes are kept in the shift and printed on
 * the Z report); another tender left empty is recorded as not counted.
 */
export function CloseShiftForm(props: {
  shift: ShiftDoc;
  tenders: readonly string[];
  onClosed: (closed: { shift: ShiftDoc; report: ZReport }) => void;
}) {
  const t = useManagerTranslate();
  const staff = useAppStore((state) => state.staff);
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [cash, setCash] = useState(EMPTY_CASH_COUNT);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** The counts to close with, or the message saying what is wrong with them. */
  function parsedCounts(): TenderCountInput[] | string {
    const result: TenderCountInput[] = [];
    for (const tender of props.tenders) {
      if (tender === 'cash') {
        const currency = props.shift.currency;
        const count = resolveCashCount(cash, currency, cashDenominations(currency));
        if (!count.ok) {
          return t(count.problem === 'bad-count' ? 'shift.badCount' : 'shift.badAmount');
        }
        result.push(
          count.denominations === undefined
            ? { tender, total: count.total }
            : { tender, denominations: count.denominations },
        );
        continue;
      }
      const text = counts[tender] ?? '';
      if (!text.trim()) continue;
      const total = parseAmount(text, props.shift.currency);
      if (total === null || total < 0) return t('shift.badAmount');
      result.push({ tender, total });
    }
    return result;
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const parsed = parsedCounts();
    if (typeof parsed === 'string' || !staff) {
      setError(typeof parsed === 'string' ? parsed : t('shift.badAmount'));
      return;
    }
    setError(null);
    if (!confirming) {
      setConfirming(true);
      return;
    }
    try {
      props.onClosed(await closeRegister(props.shift, staff, parsed, note));
    } catch (caught) {
      setConfirming(false);
      setError(t('common.error', { message: (caught as Error).message }));
    }
  }

  return (
    <form className="manager-card" onSubmit={(event) => void submit(event)}>
      <h2>{t('shift.closeTitle')}</h2>
      <p className="muted">{t('shift.closeHint')}</p>
      {props.tenders.map((tender) =>
        tender === 'cash' ? (
          <CashCountField
            key={tender}
            label={t('shift.counted', { tender: tenderLabel(tender, t) })}
            currency={props.shift.currency}
            entry={cash}
            onChange={(entry) => {
              setConfirming(false);
              setCash(entry);
            }}
            testId="count-cash"
          />
        ) : (
          <label key={tender} className="manager-field">
            <span>{t('shift.counted', { tender: tenderLabel(tender, t) })}</span>
            <input
              data-testid={`count-${tender}`}
              inputMode="numeric"
              autoComplete="off"
              value={counts[tender] ?? ''}
              onChange={(event) => {
                setConfirming(false);
                setCounts({ ...counts, [tender]: event.target.value });
              }}
            />
          </label>
        ),
      )}
      <label className="manager-field">
        <span>{t('shift.note')}</span>
        <input
          autoComplete="off"
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <p className="notice" role="alert">
          {t('shift.confirmClose')}
        </p>
      )}
      <button type="submit" className="button-primary" data-testid="close-shift">
        {t('shift.closeButton')}
      </button>
    </form>
  );
}
