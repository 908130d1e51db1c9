/**
 * A VietQR bank transfer at the counter, apart from React: the code the register builds itself
 * (src/payments, so it works offline), drawn as an SVG with the `qrcode` package, and the tender
 * it becomes once the money is confirmed, by the bank's notification or by a supervisor's hand.
 */
import QRCode from 'qrcode';
import { create } from 'zustand';
import type { BankTransferSettings } from '../../../src/documents';
import type { Minor } from '../../../src/money';
import { buildVietQrPayload, newPaymentReference, VietQrError } from '../../../src/payments';
import type { BankTransferTender } from '../../../src/tenders';

export interface TransferCode {
  reference: string;
  amount: Minor;
  payload: string;
  /** The QR as an SVG document, drawn big in the panel and on the customer display. */
  svg: string;
  bankBin: string;
  /** The store owner's short name for the bank; absent, screens show the BIN. */
  bankName?: string;
  accountNumber: string;
  accountName: string;
}

export type TransferCodeResult = { ok: true; code: TransferCode } | { ok: false; reason: string };

const randomBytes = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

/** A new reference and its code for this amount; `note` (the store's name) follows it. */
export async function makeTransferCode(
  account: BankTransferSettings,
  amount: Minor,
  note?: string,
): Promise<TransferCodeResult> {
  const reference = newPaymentReference(randomBytes);
  let payload: string;
  try {
    payload = buildVietQrPayload({
      bankBin: account.bankBin,
      accountNumber: account.accountNumber,
      amount,
      reference,
      ...(note ? { note } : {}),
    });
  } catch (error) {
    if (error instanceof VietQrError) return { ok: false, reason: error.message };
    throw error;
  }
  // Error correction M and a quiet zone of 2 modules: banking apps read it from a screen at arm's length.
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    ok: true,
    code: {
      reference,
      amount,
      payload,
      svg,
      bankBin: account.bankBin,
      ...(account.bankName ? { bankName: account.bankName } : {}),
      accountNumber: account.accountNumber,
      accountName: account.accountName,
    },
  };
}

/** The bank as people know it: the owner's name for it, else its BIN (no BIN list is shipped). */
export function bankLabel(code: Pick<TransferCode, 'bankBin' | 'bankName'>): string {
  return code.bankName ?? `BIN ${code.bankBin}`;
}

/** How the transfer was confirmed, for the tender the sale keeps. */
export type TransferConfirmation =
  | { by: 'bank' }
  /** A supervisor confirmed it; `offline` when the server could not be told. */
  | { by: 'hand'; approverId: string; offline: boolean };

export function transferTender(
  tenderId: string,
  code: Pick<TransferCode, 'reference' | 'amount'>,
  confirmation: TransferConfirmation,
): BankTransferTender {
  return {
    tenderId,
    kind: 'bank-transfer',
    amount: code.amount,
    paymentReference: code.reference,
    ...(confirmation.by === 'hand'
      ? {
          confirmedBy: confirmation.approverId,
          ...(confirmation.offline ? { confirmedOffline: true } : {}),
        }
      : {}),
  };
}

/** The code on screen now, for the customer display to show the same. */
export const useShownTransferStore = create<{ code: TransferCode | null }>()(() => ({
  code: null,
}));
