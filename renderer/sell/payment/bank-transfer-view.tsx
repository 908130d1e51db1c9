import { useState } from 'react';
import type { Minor } from '../../../src/money';
import type { Translate } from '../../i18n/translate';
import { bankLabel } from './bank-transfer';
import type { TransferCode } from './bank-transfer';
import type { BillPrintState } from './provisional-bill-printing';
import type { useBankTransfer } from './use-bank-transfer';

/**
 * The VietQR code while the customer pays: big, with the amount, the bank and whom they pay,
 * what the register is waiting for, and the cashier's two ways out (cancel, or a supervisor
 * confirms by hand). The same code shows on the customer display (use-customer-display.ts).
 */
export function BankTransferView(props: {
  t: Translate;
  money: (amount: Minor) => string;
  transfer: ReturnType<typeof useBankTransfer>;
  /** The provisional bill with this code (provisional-bill-printing.ts). */
  bill: { status: BillPrintState | null; print: (code: TransferCode) => Promise<void> };
}) {
  const { t, money, transfer, bill } = props;
  const [pin, setPin] = useState('');
  const [askingPin, setAskingPin] = useState(false);
  const state = transfer.transfer;
  if (!state) return null;
  const { code } = state;
  const billStatus = bill.status?.reference === code.reference ? bill.status : null;
  return (
    <div
      className="transfer-qr"
      data-testid="transfer-qr"
      data-reference={code.reference}
      data-recorded={String(state.recorded)}
    >
      <p className="muted">{t('payment.transfer.scan')}</p>
      {/* The SVG is qrcode's own output for a payload src/payments built: no user markup. */}
      <div
        className="qr-image"
        data-testid="transfer-qr-image"
        data-payload={code.payload}
        dangerouslySetInnerHTML={{ __html: code.svg }}
      />
      <dl className="totals">
        <dt>{t('payment.transfer.amount')}</dt>
        <dd className="grand-total" data-testid="transfer-amount">
          {money(code.amount)}
        </dd>
        <dt>{t('payment.transfer.bank')}</dt>
        <dd data-testid="transfer-bank">{bankLabel(code)}</dd>
        <dt>{t('payment.transfer.account')}</dt>
        <dd>{code.accountNumber}</dd>
        <dt>{t('payment.transfer.accountName')}</dt>
        <dd>{code.accountName}</dd>
        <dt>{t('payment.transfer.reference')}</dt>
        <dd data-testid="transfer-reference">{code.reference}</dd>
      </dl>
      <p className={state.offline ? 'error' : 'muted'} data-testid="transfer-status">
        {state.offline ? t('payment.transfer.offline') : t('payment.transfer.waiting')}
      </p>
      {billStatus?.state === 'sent' && (
        <p className="muted" data-testid="transfer-bill-status" data-job-id={billStatus.jobId}>
          {t('payment.transfer.billSent')}
        </p>
      )}
      {billStatus?.state === 'failed' && (
        <p className="error" role="alert" data-testid="transfer-bill-status">
          {billStatus.message}
        </p>
      )}
      {askingPin ? (
        <form
          className="tender-form"
          onSubmit={(event) => {
            event.preventDefault();
            const typed = pin;
            setPin('');
            void transfer.confirmByHand(typed);
          }}
        >
          <label>
            {t('payment.transfer.byHandPin')}
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              data-testid="transfer-pin"
              value={pin}
              onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
            />
          </label>
          <button
            type="submit"
            className="button-primary"
            data-testid="transfer-pin-submit"
            disabled={transfer.confirming || !pin}
          >
            {t('payment.transfer.byHandConfirm')}
          </button>
        </form>
      ) : null}
      <div className="dialog-actions">
        <button
          type="button"
          className="button-secondary"
          data-testid="transfer-cancel"
          onClick={transfer.cancel}
        >
          {t('payment.transfer.cancel')}
        </button>
        <button
          type="button"
          className="button-secondary"
          data-testid="transfer-print-bill"
          disabled={billStatus?.state === 'sending'}
          onClick={() => void bill.print(code)}
        >
          {t('payment.transfer.printBill')}
        </button>
        {!askingPin && (
          <button
            type="button"
            className="button-secondary"
            data-testid="transfer-by-hand"
            onClick={() => setAskingPin(true)}
          >
            {t('payment.transfer.byHand')}
          </button>
        )}
      </div>
    </div>
  );
}
