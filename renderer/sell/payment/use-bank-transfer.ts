/**
 * The VietQR tender while its code is up: records the payment on the server (payments/open,
 * tried again each second while the server cannot be reached, since a payment the server does
 * not know cannot be confirmed by the bank), asks about every second whether the bank's
 * notification settled it, and hands the tender over once it did. Cancel releases it on the
 * server; "confirm by hand" takes a supervisor's PIN: the server checks it when it can be
 * reached, otherwise the register does and the tender records who approved it, offline.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffDoc } from '../../../src/documents';
import type { Minor } from '../../../src/money';
import type { BankTransferTender } from '../../../src/tenders';
import { hostPinMac, staffByPin } from '../../auth/pin';
import { transferApproverProblem } from '../../../src/staff/transfer-approver';
import type { Translate } from '../../i18n/translate';
import { createServerApi } from '../../platform/server-api';
import { services, storeStaff } from '../../services';
import { useAppStore } from '../../state/app-store';
import { newId } from '../cart-store';
import { makeTransferCode, transferTender, useShownTransferStore } from './bank-transfer';
import type { TransferCode, TransferConfirmation } from './bank-transfer';
import { createTransferOutbox } from './transfer-outbox';

/** How often the register asks whether the transfer arrived. */
export const TRANSFER_POLL_MS = 1000;
/** How often payments confirmed by hand offline are offered to the server while paying. */
const OUTBOX_RETRY_MS = 15_000;

export interface TransferState {
  code: TransferCode;
  /** The server holds the payment: the bank's notification can confirm it. */
  recorded: boolean;
  /** The last call could not reach the server. */
  offline: boolean;
}

function api() {
  return createServerApi(services().config);
}

function outbox() {
  return createTransferOutbox({ api: api(), storage: localStorage });
}

/** One flush at a time: a slow server must not have the same payment sent twice at once. */
let flushing = false;

export function useBankTransfer(input: {
  saleId: string | null;
  t: Translate;
  /** Puts the tender on the sale; false when the sale refuses it (the message is shown). */
  onPaid: (tender: BankTransferTender) => boolean;
  setError: (message: string | null) => void;
}) {
  const { saleId, t, onPaid, setError } = input;
  const settings = useAppStore((state) => state.settings);
  const [transfer, setTransfer] = useState<TransferState | null>(null);
  const [confirming, setConfirming] = useState(false);
  // The poll's callbacks read the latest ones without restarting the timer.
  const paid = useRef(onPaid);
  const say = useRef({ t, setError });
  useEffect(() => {
    paid.current = onPaid;
    say.current = { t, setError };
  });

  const reference = transfer?.code.reference ?? null;
  const recorded = transfer?.recorded ?? false;

  // The customer display shows the code while it is up, and drops it when the panel goes.
  const shown = useRef<TransferState | null>(null);
  useEffect(() => {
    shown.current = transfer;
    useShownTransferStore.setState({ code: transfer?.code ?? null });
  }, [transfer]);
  useEffect(
    () => () => {
      useShownTransferStore.setState({ code: null });
      // Leaving payment with the code up: the sale is not paid by it, so the server is told,
      // and a transfer that still arrives is flagged for refund.
      const left = shown.current;
      if (left?.recorded) void api().call('payments/cancel', { reference: left.code.reference });
    },
    [],
  );

  // While the payment panel is open, payments confirmed by hand offline are recorded on the
  // server as soon as it answers again.
  useEffect(() => {
    const flush = (): void => {
      if (flushing || outbox().pending().length === 0) return;
      flushing = true;
      void outbox()
        .flush()
        .finally(() => (flushing = false));
    };
    flush();
    const timer = setInterval(flush, OUTBOX_RETRY_MS);
    return () => clearInterval(timer);
  }, []);

  const settle = useCallback((code: TransferCode, confirmation: TransferConfirmation): void => {
    setTransfer(null);
    paid.current(transferTender(newId('tender'), code, confirmation));
  }, []);

  // A new code or a newly recorded payment restarts the poll; the rest is read through refs.
  useEffect(() => {
    const code = shown.current?.code;
    if (!reference || !code || !saleId) return undefined;
    const registerId = services().config.registerId;
    let live = true;
    let busy = false;
    const tick = async (): Promise<void> => {
      if (busy) return;
      busy = true;
      try {
        if (!recorded) {
          const opened = await api().call('payments/open', {
            reference: code.reference,
            saleId,
            amount: code.amount,
            registerId,
          });
          if (!live) return;
          if (opened.ok) setTransfer((now) => now && { ...now, recorded: true, offline: false });
          else setTransfer((now) => now && { ...now, offline: opened.offline });
          if (!opened.ok && !opened.offline) {
            say.current.setError(
              say.current.t('payment.transfer.refused', { reason: opened.reason }),
            );
          }
          return;
        }
        const status = await api().call('payments/status', { reference: code.reference });
        if (!live) return;
        if (!status.ok) {
          setTransfer((now) => now && { ...now, offline: status.offline });
          return;
        }
        const intent = status.value.intent;
        if (intent.status === 'confirmed') {
          settle(
            code,
            intent.manual
              ? { by: 'hand', approverId: intent.manual.approverId, offline: false }
              : { by: 'bank' },
          );
        }
      } finally {
        busy = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), TRANSFER_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [reference, recorded, saleId, settle]);

  async function start(amount: Minor): Promise<void> {
    const account = settings?.bankTransfer;
    if (!account) {
      setError(t('payment.transfer.notSetUp'));
      return;
    }
    if (transfer) {
      setError(t('payment.transfer.oneAtATime'));
      return;
    }
    const made = await makeTransferCode(account, amount, settings.name);
    if (!made.ok) {
      setError(t('payment.transfer.badQr', { reason: made.reason }));
      return;
    }
    setError(null);
    setTransfer({ code: made.code, recorded: false, offline: false });
  }

  function cancel(): void {
    if (!transfer) return;
    // The server flags a transfer that still arrives for refund; offline there is nothing to tell.
    if (transfer.recorded) {
      void api().call('payments/cancel', { reference: transfer.code.reference });
    }
    setTransfer(null);
    setError(null);
  }

  /** A supervisor saw the money in the bank app and types their PIN. */
  async function confirmByHand(pin: string): Promise<void> {
    if (!transfer || !pin) return;
    const code = transfer.code;
    setConfirming(true);
    try {
      const checked = await staffByPin(pin, await storeStaff(), hostPinMac(services().api));
      const approver: StaffDoc | null = checked.member;
      if (checked.problem) {
        setError(checked.problem);
        return;
      }
      if (!approver) {
        setError(t('override.wrongPin'));
        return;
      }
      // The server's rule (src/staff/transfer-approver.ts): storeStaff already holds only
      // active members of this store, so what is left to refuse here is a cashier.
      if (transferApproverProblem(approver, services().config.storeId)) {
        setError(t('payment.transfer.notSupervisor', { name: approver.name }));
        return;
      }
      if (transfer.recorded) {
        const reply = await api().call('payments/confirm-by-hand', {
          reference: code.reference,
          staffId: approver.id,
          pin,
        });
        if (!reply.ok && !reply.offline) {
          setError(t('payment.transfer.refused', { reason: reply.reason }));
          return;
        }
        settle(code, { by: 'hand', approverId: approver.id, offline: !reply.ok });
      } else {
        if (saleId) {
          outbox().add({
            reference: code.reference,
            saleId,
            amount: code.amount,
            registerId: services().config.registerId,
          });
        }
        settle(code, { by: 'hand', approverId: approver.id, offline: true });
      }
      setError(null);
    } finally {
      setConfirming(false);
    }
  }

  return {
    available: Boolean(settings?.bankTransfer),
    transfer,
    confirming,
    start,
    cancel,
    confirmByHand,
  };
}
