import { cashDenominations } from '../../../src/shifts';
import type { CurrencyCode } from '../../../src/money';
import { useAppStore } from '../../state/app-store';
import { money } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { denominationTextsTotal, hasNoteCounts } from './denomination-counts';
import type { CashCountEntry } from './denomination-counts';
import { DenominationGrid } from './denomination-grid';

/**
 * Cash counted into or out of the drawer: the total can be typed as it is, or the notes counted
 * in the grid below (for a currency with a note table), which then make the total.
 */
export function CashCountField(props: {
  label: string;
  currency: CurrencyCode;
  entry: CashCountEntry;
  onChange: (entry: CashCountEntry) => void;
  /** The total field's test id; the grid's is `<testId>-notes`. */
  testId: string;
}) {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const values = cashDenominations(props.currency);
  const byNotes = values !== undefined && hasNoteCounts(props.entry.notes);
  const fromNotes = values ? denominationTextsTotal(values, props.entry.notes) : null;
  return (
    <>
      <label className="manager-field">
        <span>{props.label}</span>
        <input
          data-testid={props.testId}
          inputMode="numeric"
          autoComplete="off"
          readOnly={byNotes}
          aria-describedby={byNotes ? `${props.testId}-from-notes` : undefined}
          value={
            byNotes
              ? fromNotes === null
                ? ''
                : money(fromNotes, props.currency, locale)
              : props.entry.totalText
          }
          onChange={(event) => props.onChange({ ...props.entry, totalText: event.target.value })}
        />
        {byNotes && (
          <small className="muted" id={`${props.testId}-from-notes`}>
            {t('shift.totalFromNotes')}
          </small>
        )}
      </label>
      {values && (
        <DenominationGrid
          currency={props.currency}
          values={values}
          texts={props.entry.notes}
          onChange={(notes) => props.onChange({ ...props.entry, notes })}
          testId={`${props.testId}-notes`}
        />
      )}
    </>
  );
}
