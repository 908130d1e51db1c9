import { useCallback, useEffect, useState } from 'react';
import type { ShiftDoc } from '../../../src/documents';
import { layoutReceipt, layoutText } from '../../../src/receipt';
import type { Receipt } from '../../../src/receipt';
import type { XReport, ZReport } from '../../../src/shifts';
import { storeStaff } from '../../services';
import { useAppStore } from '../../state/app-store';
import { dateTime } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { CashMoveForm } from './cash-move-form';
import { CloseShiftForm } from './close-shift-form';
import { OpenRegisterForm } from './open-register-form';
import { useOpenShift } from '../../state/open-shift-store';
import { ReportTable } from './report-table';
import { currentXReport, printReceipt, xReportReceipt, zReportReceipt } from './shift-actions';

/** Tenders the closer is asked to count: cash always, then whatever the shift took. */
const COUNTED_BY_DEFAULT = ['cash', 'card'];

function ReceiptPreview(props: { receipt: Receipt; testId: string }) {
  return (
    <pre className="receipt-preview" data-testid={props.testId}>
      {layoutText(layoutReceipt(props.receipt, 42)).join('\n')}
    </pre>
  );
}

function PrintButton(props: { receipt: Receipt }) {
  const t = useManagerTranslate();
  const [result, setResult] = useState<string | null>(null);
  return (
    <div className="manager-row">
      <button
        type="button"
        className="button-secondary"
        onClick={() =>
          void printReceipt(props.receipt).then((outcome) =>
            setResult(
              outcome.ok
                ? t('common.printed', { state: outcome.message })
                : t('common.printFailed', { message: outcome.message }),
            ),
          )
        }
      >
        {t('common.print')}
      </button>
      {result && (
        <span className="muted" role="status" data-testid="print-status">
          {result}
        </span>
      )}
    </div>
  );
}

/** The shift area: open with a float, cash moves, X report, blind close and the Z report. */
export function ShiftPanel() {
  const t = useManagerTranslate();
  const locale = useAppStore((state) => state.locale);
  const shift = useOpenShift();
  const [x, setX] = useState<{ report: XReport; receipt: Receipt } | null>(null);
  const [closed, setClosed] = useState<{
    shift: ShiftDoc;
    report: ZReport;
    receipt: Receipt;
    printed: string;
  } | null>(null);
  const [openerName, setOpenerName] = useState('');

  useEffect(() => {
    if (!shift) return;
    void storeStaff().then((staff) =>
      setOpenerName(staff.find((member) => member.id === shift.openedBy)?.name ?? shift.openedBy),
    );
  }, [shift]);

  const refreshX = useCallback(async (open: ShiftDoc) => {
    const report = await currentXReport(open);
    setX({ report, receipt: await xReportReceipt(report) });
  }, []);

  const closedView = closed && (
    <section className="manager-card manager-wide" data-testid="z-report">
      <h2>{t('shift.zReport')}</h2>
      <p className="notice">{t('shift.closedDone')}</p>
      <ReportTable
        report={closed.report}
        currency={closed.shift.currency}
        closing={closed.report.lines}
        totalOverShort={closed.report.totalOverShort}
        testId="z-report-table"
      />
      <p className="muted" data-testid="print-status">
        {closed.printed}
      </p>
      <PrintButton receipt={closed.receipt} />
      <ReceiptPreview receipt={closed.receipt} testId="z-receipt" />
    </section>
  );

  if (!shift) {
    return (
      <div className="manager-columns">
        {closedView}
        {shift === null && <OpenRegisterForm />}
      </div>
    );
  }
  const tenders = [
    ...new Set([...COUNTED_BY_DEFAULT, ...(x?.report.tenders.map((entry) => entry.tender) ?? [])]),
  ];
  return (
    <div className="manager-columns">
      <div>
        <p data-testid="shift-info" data-shift-id={shift.id}>
          {t('shift.openedAt', {
            id: shift.id,
            time: dateTime(shift.openedAt, locale),
            name: openerName,
          })}
        </p>
        <CashMoveForm shift={shift} onRecorded={() => x && void refreshX(shift)} />
        <CloseShiftForm
          shift={shift}
          tenders={tenders}
          onClosed={(result) => {
            setX(null);
            void zReportReceipt(result.report, result.shift.closing?.closedBy ?? '').then(
              async (receipt) => {
                setClosed({ ...result, receipt, printed: '' });
                const outcome = await printReceipt(receipt);
                setClosed({
                  ...result,
                  receipt,
                  printed: outcome.ok
                    ? t('common.printed', { state: outcome.message })
                    : t('common.printFailed', { message: outcome.message }),
                });
              },
            );
          }}
        />
      </div>
      <section className="manager-card">
        <h2>{t('shift.xReport')}</h2>
        <p className="muted">{t('shift.xReportHint')}</p>
        <button
          type="button"
          className="button-secondary"
          data-testid="x-report-button"
          onClick={() => void refreshX(shift)}
        >
          {t('shift.xReport')}
        </button>
        {x && (
          <>
            <ReportTable report={x.report} currency={shift.currency} testId="x-report-table" />
            <PrintButton receipt={x.receipt} />
          </>
        )}
      </section>
    </div>
  );
}
