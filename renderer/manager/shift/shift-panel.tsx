import { useCallback, useEffect, useState } from 'react';
import type { ShiftDoc } from '../../../src/documents';
import { layoutReceipt, layoutText } from '../../../src/receipt';
import type { Receipt } from '../../../src/receipt';
import type { XReport, ZReport } from '../../../src/shifts';
import { storeStaff } from '../../services';
import { printReceipt } from '../../devices/print-receipt';
import { PrintJobStatus } from '../../devices/print-job-status';
import { useAppStore } from '../../state/app-store';
import { dateTime } from '../manager-format';
import { useManagerTranslate } from '../use-manager-translate';
import { CashMoveForm } from './cash-move-form';
import { CloseShiftForm } from './close-shift-form';
import { OpenRegisterForm } from './open-register-form';
import { useOpenShift } from '../../state/open-shift-store';
import { ReportTable } from './report-table';
import { currentXReport, xReportReceipt, zReportReceipt } from './shift-actions';

/** Tenders the closer is asked to count: cash always, then whatever the shift took. */
const COUNTED_BY_DEFAULT = ['cash', 'card'];

function ReceiptPreview(props: { receipt: Receipt; testId: string }) {
  return (
    <pre className="receipt-preview" data-testid={props.testId}>
      {layoutText(layoutReceipt(props.receipt, 42)).join('\n')}
    </pre>
  );
}

/**
 * Prints a report through the register's print jobs: the job's state, and a failure with its
 * reason and Retry, show in PrintJobStatus as for every other print. `printAtOnce`: the Z report
 * prints as the shift closes, without a press.
 */
function PrintButton(props: { receipt: Receipt; printAtOnce?: boolean }) {
  const t = useManagerTranslate();
  const [jobId, setJobId] = useState<string | null>(null);
  const { receipt, printAtOnce } = props;
  const print = useCallback(() => void printReceipt(receipt).then(setJobId), [receipt]);
  useEffect(() => {
    if (printAtOnce) print();
  }, [printAtOnce, print]);
  return (
    <div className="manager-row">
      <button type="button" className="button-secondary" data-testid="report-print" onClick={print}>
        {t('common.print')}
      </button>
      {jobId && <PrintJobStatus key={jobId} jobId={jobId} />}
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
      <PrintButton receipt={closed.receipt} printAtOnce />
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
              (receipt) => setClosed({ ...result, receipt }),
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
