/**
 * The dynamic VietQR code for a bank transfer at the counter, built on the register itself
 * (offline too): EMVCo merchant-presented QR as profiled by NAPAS for its 24/7 interbank fund
 * transfer (IBFT). Sources and what is verified: docs/PAYMENTS.md.
 */
import { dataObject, VietQrError, withCrc } from './emv-tlv';
import { asciiTransferText, fitTransferText } from './payment-text';
import { isPaymentReference } from './payment-reference';

/** NAPAS's application id in the merchant account information template (tag 38, sub-tag 00). */
export const NAPAS_GUID = 'A000000727';
/** Transfer to an account number, or to a card number. */
export const SERVICE_ACCOUNT = 'QRIBFTTA';
export const SERVICE_CARD = 'QRIBFTTC';
/** EMVCo caps the amount object (54) at 13 characters. */
export const MAX_VIETQR_AMOUNT = 9_999_999_999_999;
/**
 * The purpose of transaction (62/08) is up to 25 characters in the NAPAS profile, and several
 * banks cut transfer content shorter; 25 is what we put in the code.
 */
export const MAX_PURPOSE_LENGTH = 25;
/** The bill number (62/01): EMVCo's limit for it is 25 characters. */
export const MAX_BILL_NUMBER_LENGTH = 25;

/** Digits of an account number (the NAPAS tables allow up to 19) and of a card number. */
export const ACCOUNT_DIGITS = { min: 6, max: 19 } as const;
export const CARD_DIGITS = { min: 16, max: 19 } as const;

/**
 * What is wrong with a bank BIN and account (or card) number, as a VietQrError, or null: the one
 * check for the QR and the admin command (the settings schema's patterns are built from the
 * same limits).
 */
export function bankAccountProblem(
  bankBin: string,
  accountNumber: string,
  toCard = false,
): VietQrError | null {
  if (!/^\d{6}$/.test(bankBin)) {
    return new VietQrError(
      'bankBin',
      `The bank BIN must be the bank's six-digit NAPAS code (e.g. 970436), not "${bankBin}".`,
    );
  }
  const { min, max } = toCard ? CARD_DIGITS : ACCOUNT_DIGITS;
  if (!new RegExp(`^\\d{${min},${max}}$`).test(accountNumber)) {
    return new VietQrError(
      'accountNumber',
      toCard
        ? `A card number is ${min} to ${max} digits, without spaces.`
        : `The account number must be ${min} to ${max} digits, without spaces or dots.`,
    );
  }
  return null;
}

export interface VietQrInput {
  /** The bank's NAPAS BIN, six digits (e.g. 970436 for Vietcombank). */
  bankBin: string;
  /** The store's account number, or a card number when `toCard`. */
  accountNumber: string;
  toCard?: boolean;
  /** VND, a whole number of dong. */
  amount: number;
  /** The payment reference the notification is matched by (payment-reference.ts). */
  reference: string;
  /** Shown on the customer's bank app as the bill number; default the reference. */
  billNumber?: string;
  /** Words after the reference in the purpose ("Omnitill Quan 1"), stripped to ASCII and cut. */
  note?: string;
}

function checkInput(input: VietQrInput): void {
  const accountProblem = bankAccountProblem(input.bankBin, input.accountNumber, input.toCard);
  if (accountProblem) throw accountProblem;
  if (
    !Number.isSafeInteger(input.amount) ||
    input.amount <= 0 ||
    input.amount > MAX_VIETQR_AMOUNT
  ) {
    throw new VietQrError(
      'amount',
      `The amount must be a whole number of dong from 1 to ${MAX_VIETQR_AMOUNT}, not ${input.amount}.`,
    );
  }
  if (!isPaymentReference(input.reference) && !/^[A-Z0-9]{4,16}$/.test(input.reference)) {
    throw new VietQrError(
      'reference',
      `The payment reference must be 4 to 16 capital letters or digits, not "${input.reference}".`,
    );
  }
}

/**
 * The purpose text: the reference first (so cutting never splits it), then the note, ASCII only,
 * within the purpose's 25 characters.
 */
export function vietQrPurpose(reference: string, note?: string): string {
  const extra = note ? asciiTransferText(note) : '';
  if (!extra) return reference;
  return fitTransferText(`${reference} ${extra}`, MAX_PURPOSE_LENGTH);
}

/** The text to encode in the QR. Throws a VietQrError naming the field and what to send. */
export function buildVietQrPayload(input: VietQrInput): string {
  checkInput(input);
  const billNumber = asciiTransferText(input.billNumber ?? input.reference);
  if (billNumber.length === 0 || billNumber.length > MAX_BILL_NUMBER_LENGTH) {
    throw new VietQrError(
      'billNumber',
      `The bill number must be 1 to ${MAX_BILL_NUMBER_LENGTH} characters of plain text.`,
    );
  }
  const beneficiary = dataObject('00', input.bankBin) + dataObject('01', input.accountNumber);
  const merchantAccount =
    dataObject('00', NAPAS_GUID) +
    dataObject('01', beneficiary) +
    dataObject('02', input.toCard ? SERVICE_CARD : SERVICE_ACCOUNT);
  const additional =
    dataObject('01', billNumber) + dataObject('08', vietQrPurpose(input.reference, input.note));
  return withCrc(
    dataObject('00', '01') +
      // 12: a dynamic code, for this one payment (11 would be a static code, used many times).
      dataObject('01', '12') +
      dataObject('38', merchantAccount) +
      dataObject('53', '704') +
      dataObject('54', String(input.amount)) +
      dataObject('58', 'VN') +
      dataObject('62', additional),
  );
}
