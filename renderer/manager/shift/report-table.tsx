import type { ShiftTenderClose } from '../../../src/documents';
import type { CurrencyCode } from '../../../src/money';
import type { XReport } from '../../../src/shifts';
import { useAppStore } from '../../state/app-store';
import { money, signedMoney } from '../manager-format';
import type { ManagerMessageKey } from '../manager-messages';
import { useManagerTranslate } from '../use-manager-translate';

export function tenderLabel(tender: string, t: (key: ManagerMessageKey) => string): string {
  const key = `tender.${tender}` as ManagerMessageKey;
  return key in TENDER_KEYS ? t(key) : tender;
}

const TENDER_KEYS: Record<string, true> = {
  'tender.cash': true,
  'tender.card': true,
  'tender.store-credit': true,
  'tender.gift-card': true,
  'tender.loyalty-points': true,
};

/**
 * An X report's figures per tender, and with `closing` lines a Z report's count and gap. Gift
 * cards sold get a line of their own under the total: their money is in the tenders' sales (and
 * the drawer), but it is no sales revenue (src/stored-value/gift-card-sales.ts).
 */
export function ReportTable(props: {
  report: XReport;
  currency: CurrencyCode;
  closing?: readonly ShiftTenderClose[];
  totalOverShort?: number;
  testId: string;
}) {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const show = (amount: number) => money(amount, props.currency, locale);
  return (
    <table className="manager-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{t('report.tender')}</th>
          <th className="number">{t('report.opening')}</th>
          <th className="number">{t('report.sales')}</th>
          <th className="number">{t('report.refunds')}</th>
          <th className="number">{t('report.cashMoves')}</th>
          <th className="number">{t('report.expected')}</th>
          {props.closing && <th className="number">{t('report.counted')}</th>}
          {props.closing && <th className="number">{t('report.overShort')}</th>}
        </tr>
      </thead>
      <tbody>
        {props.report.tenders.map((summary) => {
          const close = props.closing?.find((entry) => entry.tender === summary.tender);
          const moves =
            summary.byKind.float +
            summary.byKind['paid-in'] +
            summary.byKind['paid-out'] +
            summary.byKind.drop;
          return (
            <tr key={summary.tender} data-testid={`report-row-${summary.tender}`}>
              <td>{tenderLabel(summary.tender, t)}</td>
              <td className="number">{show(summary.opening)}</td>
              <td className="number">{show(summary.byKind.sale)}</td>
              <td className="number">{show(summary.byKind.refund)}</td>
              <td className="number">{show(moves)}</td>
              <td className="number" data-testid="expected">
                {show(summary.expected)}
              </td>
              {props.closing && (
                <td className="number" data-testid="counted">
                  {close?.counted === null || close === undefined
                    ? t('report.notCounted')
                    : show(close.counted)}
                </td>
              )}
              {props.closing && (
                <td
                  className={`number ${(close?.overShort ?? 0) < 0 ? 'short' : ''}`}
                  data-testid="over-short"
                >
                  {close?.overShort === null || close === undefined
                    ? '—'
                    : signedMoney(close.overShort, props.currency, locale)}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th>{t('report.total')}</th>
          <td colSpan={4} />
          <td className="number" data-testid="total-expected">
            {show(props.report.totalExpected)}
          </td>
          {props.closing && <td />}
          {props.closing && (
            <td className="number" data-testid="total-over-short">
              {signedMoney(props.totalOverShort ?? 0, props.currency, locale)}
            </td>
          )}
        </tr>
        {props.report.giftCardsSold.count > 0 && (
          <tr data-testid="report-gift-cards">
            <th>{t('report.giftCards', { count: props.report.giftCardsSold.count })}</th>
            <td colSpan={props.closing ? 7 : 5} className="muted">
              <span data-testid="gift-cards-amount">{show(props.report.giftCardsSold.amount)}</span>{' '}
              {t('report.giftCardsNote')}
            </td>
          </tr>
        )}
      </tfoot>
    </table>
  );
}
