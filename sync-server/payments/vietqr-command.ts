/**
 * `npm run admin -- vietqr --bin 970436 --account 0011000123456 --amount 125000 --ref HD000123`:
 * the VietQR payload a register would show for these inputs, so a store owner can paste it into
 * a QR generator and scan it with a banking app before going live. The payload alone is the last
 * line (for scripts); nothing is sent anywhere.
 */
import { buildVietQrPayload, vietQrPurpose, VietQrError } from '../../src/payments';

export interface VietQrCommandValues {
  bin?: string;
  account?: string;
  amount?: string;
  ref?: string;
  note?: string;
  card?: boolean;
}

export const VIETQR_USAGE =
  'vietqr --bin BIN --account NUMBER --amount VND --ref REFERENCE [--note TEXT] [--card]';

/** The lines to print, the payload last; a VietQrError says which input to fix. */
export function vietQrCommandLines(values: VietQrCommandValues): string[] {
  if (!values.bin || !values.account || !values.amount || !values.ref) {
    throw new VietQrError('usage', `vietqr needs all of: ${VIETQR_USAGE}`);
  }
  const amountText = values.amount.replace(/[.,_ ]/g, '');
  const amount = /^\d+$/.test(amountText) ? Number(amountText) : Number.NaN;
  const input = {
    bankBin: values.bin,
    accountNumber: values.account,
    amount,
    reference: values.ref.toUpperCase(),
    ...(values.card ? { toCard: true } : {}),
    ...(values.note ? { note: values.note } : {}),
  };
  const payload = buildVietQrPayload(input);
  return [
    `bank BIN:     ${input.bankBin}`,
    `${values.card ? 'card number: ' : 'account:     '} ${input.accountNumber}`,
    `amount:       ${amount.toLocaleString('vi-VN')} ₫`,
    `reference:    ${input.reference}`,
    `purpose:      ${vietQrPurpose(input.reference, values.note)}`,
    'Encode the line below as a QR code and scan it with a banking app: the app should show',
    'this account, the amount and the purpose. Do not pay it unless you mean to.',
    payload,
  ];
}
