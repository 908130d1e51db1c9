/**
 * The on-screen receipt (issue #18): the very lines the printer prints, from the same model and
 * layout (src/receipt receiptScreenLines), with Print copy and Close. A copy is the same model
 * marked `copy` (the layout heads it BẢN SAO / COPY) and goes into the audit trail with who
 * printed it. Everything it reads is in the local replica, so it works offline.
 */
import { useState } from 'react';
import type { CSSProperties } from 'react';
import { receiptScreenLines } from '../../src/receipt';
import type { Receipt, ScreenLine } from '../../src/receipt';
import { recordReprint } from '../audit/reprints';
import { printReceipt } from '../devices/print-receipt';
import { useTranslate } from '../i18n/use-translate';
import { Dialog } from './dialog';

/** Prints the receipt again as a copy and records who did. */
export async function printReceiptCopy(
  receipt: Receipt,
  label?: string,
): Promise<{ ok: boolean; message?: string }> {
  const copy: Receipt = { ...receipt, copy: true };
  const printed = await printReceipt(copy);
  await recordReprint(copy, label);
  return printed;
}

function lineStyle(line: Extract<ScreenLine, { kind: 'text' }>): CSSProperties {
  return {
    ...(line.style.bold ? { fontWeight: 700 } : {}),
    ...(line.style.underline ? { textDecoration: 'underline' } : {}),
    ...(line.style.size === 2 ? { fontSize: '200%' } : {}),
  };
}

type CopyState = 'idle' | 'sending' | 'sent' | { failed: string };

export function ReceiptViewer(props: {
  receipt: Receipt;
  /** The number people read (receipt, return or order number), for the audit trail. */
  label?: string;
  onClose: () => void;
}) {
  const t = useTranslate();
  const [copy, setCopy] = useState<CopyState>('idle');
  const lines = receiptScreenLines(props.receipt);

  async function printCopy(): Promise<void> {
    setCopy('sending');
    const printed = await printReceiptCopy(props.receipt, props.label);
    setCopy(printed.ok ? 'sent' : { failed: printed.message ?? '' });
  }

  return (
    <Dialog title={t('receiptView.title')} testId="receipt-view" wide>
      <div
        className="receipt-paper"
        data-testid="receipt-view-paper"
        data-document-id={props.receipt.documentId}
        data-kind={props.receipt.kind}
        tabIndex={0}
      >
        {lines.map((line, index) =>
          line.kind === 'text' ? (
            <div
              key={index}
              className={line.style.invert ? 'receipt-line receipt-invert' : 'receipt-line'}
              style={lineStyle(line)}
            >
              {line.text}
            </div>
          ) : (
            <div key={index} className="receipt-code" data-testid="receipt-view-code">
              [{line.code === 'qr' ? t('receiptView.qr') : t('receiptView.barcode')}] {line.value}
            </div>
          ),
        )}
      </div>
      {copy !== 'idle' && (
        <p
          className={typeof copy === 'object' ? 'error' : 'notice'}
          role="status"
          data-testid="receipt-view-status"
        >
          {copy === 'sending'
            ? t('receiptView.copySending')
            : copy === 'sent'
              ? t('receiptView.copySent')
              : t('receiptView.copyFailed', { reason: copy.failed })}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="button-secondary"
          data-testid="receipt-view-print"
          disabled={copy === 'sending'}
          onClick={() => void printCopy()}
        >
          {t('receiptView.printCopy')}
        </button>
        <button
          type="button"
          className="button-primary"
          data-testid="receipt-view-close"
          onClick={props.onClose}
        >
          {t('receiptView.close')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * "View receipt": builds the receipt when pressed (from the replica) and shows it. Any screen
 * that has a document puts this button next to it.
 */
export function ViewReceiptButton(props: {
  load: () => Promise<Receipt>;
  label?: string;
  testId?: string;
}) {
  const t = useTranslate();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | { failed: string }>('idle');

  async function open(): Promise<void> {
    setState('loading');
    try {
      setReceipt(await props.load());
      setState('idle');
    } catch (error) {
      setState({ failed: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <>
      <button
        type="button"
        className="button-secondary"
        data-testid={props.testId ?? 'view-receipt'}
        disabled={state === 'loading'}
        onClick={() => void open()}
      >
        {state === 'loading' ? t('receiptView.loading') : t('receiptView.open')}
      </button>
      {typeof state === 'object' && (
        <span className="error" role="alert">
          {t('receiptView.failed', { reason: state.failed })}
        </span>
      )}
      {receipt && (
        <ReceiptViewer
          receipt={receipt}
          {...(props.label ? { label: props.label } : {})}
          onClose={() => setReceipt(null)}
        />
      )}
    </>
  );
}
