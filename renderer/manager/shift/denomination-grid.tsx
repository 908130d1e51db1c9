import type { KeyboardEvent } from 'react';
import type { CurrencyCode, Minor } from '../../../src/money';
import { useAppStore } from '../../state/app-store';
import { money } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { denominationTextsTotal, parseCount, stepCount } from './denomination-counts';
import type { DenominationTexts } from './denomination-counts';

/**
 * Cash counted note by note: a count per note with − and + for touch (ArrowUp and ArrowDown do
 * the same from the keyboard, Tab goes from note to note), each note's amount, and the running
 * total.
 */
export function DenominationGrid(props: {
  currency: CurrencyCode;
  values: readonly Minor[];
  texts: DenominationTexts;
  onChange: (texts: DenominationTexts) => void;
  testId: string;
}) {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const format = (amount: number) => money(amount, props.currency, locale);
  const total = denominationTextsTotal(props.values, props.texts);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>, value: Minor): void {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    props.onChange(stepCount(props.texts, value, event.key === 'ArrowUp' ? 1 : -1));
  }

  return (
    <fieldset className="denomination-grid" data-testid={props.testId}>
      <legend>{t('shift.denominations')}</legend>
      {props.values.map((value) => {
        const note = format(value);
        const text = props.texts[value] ?? '';
        const count = parseCount(text);
        const id = `${props.testId}-${value}`;
        return (
          <div key={value} className="denomination-row">
            <label htmlFor={id}>{note}</label>
            <button
              type="button"
              className="button-secondary"
              tabIndex={-1}
              aria-label={t('shift.fewerNotes', { note })}
              onClick={() => props.onChange(stepCount(props.texts, value, -1))}
            >
              −
            </button>
            <input
              id={id}
              data-testid={id}
              inputMode="numeric"
              autoComplete="off"
              placeholder="0"
              aria-label={t('shift.noteCount', { note })}
              aria-invalid={count === null}
              value={text}
              onChange={(event) => props.onChange({ ...props.texts, [value]: event.target.value })}
              onKeyDown={(event) => onKeyDown(event, value)}
            />
            <button
              type="button"
              className="button-secondary"
              tabIndex={-1}
              aria-label={t('shift.moreNotes', { note })}
              onClick={() => props.onChange(stepCount(props.texts, value, 1))}
            >
              +
            </button>
            <span className="denomination-amount">
              {count === null || count === 0 ? '' : format(value * count)}
            </span>
          </div>
        );
      })}
      <div className="denomination-footer">
        <strong role="status" data-testid={`${props.testId}-total`}>
          {total === null
            ? t('shift.badCount')
            : t('shift.denominationTotal', { amount: format(total) })}
        </strong>
        <button
          type="button"
          className="link-button"
          onClick={() => props.onChange({})}
          disabled={Object.values(props.texts).every((text) => !text.trim())}
        >
          {t('shift.clearNotes')}
        </button>
      </div>
    </fieldset>
  );
}
