import type { DeviceState } from '../../src/ipc/contract';
import { deviceProblem } from '../i18n/device-text';
import { useTranslate } from '../i18n/use-translate';
import { useAppStore } from '../state/app-store';
import { retryPrintJob, usePrintStore } from './print-jobs';

/**
 * How a slip or receipt printed outside the sale (a pickup slip, a return receipt) is doing, in
 * the screen's language, with Retry when it failed. It never says "printing" while the register
 * has no printer set up: the printer's own status (the one the status bar shows) says so first.
 */
export function PrintJobStatus(props: { jobId: string }) {
  const t = useTranslate();
  const job = usePrintStore((state) => state.jobs[props.jobId]);
  const printer = useAppStore((state) => state.devices.find((device) => device.kind === 'printer'));
  const noPrinter: DeviceState | undefined =
    printer?.state === 'not-configured' ? printer.state : undefined;
  const failed = job?.state === 'failed' || (noPrinter !== undefined && job?.state !== 'printed');
  const code = job?.state === 'failed' ? job.code : noPrinter;
  const canRetry = job?.state === 'failed' ? job.canRetry : failed;
  return (
    <p
      className={failed ? 'error print-job-status' : 'notice print-job-status'}
      role="status"
      data-testid="print-job-status"
      data-state={failed ? 'failed' : (job?.state ?? 'sending')}
    >
      <span>
        {failed
          ? t('printJob.notPrinted', { reason: deviceProblem(t, 'printer', code) })
          : job?.state === 'printed'
            ? t('printJob.done')
            : t('printJob.sending')}
      </span>{' '}
      {failed && canRetry && (
        <button
          type="button"
          className="button-secondary"
          data-testid="print-job-retry"
          onClick={() => void retryPrintJob(props.jobId)}
        >
          {t('printJob.retry')}
        </button>
      )}
    </p>
  );
}
