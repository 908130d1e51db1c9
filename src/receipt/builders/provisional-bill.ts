/**
 * The provisional bill ("phiếu tạm tính") printed while a VietQR transfer code is up: the cart's
 * lines and total, what is due by transfer, whose account it goes to and the code itself, so the
 * customer can scan the paper instead of the screen. It is not a receipt and says so: the sale
 * is not paid, nor saved, until the transfer is confirmed.
 *
 * Amounts come from the priced cart (src/pricing) and the transfer code as the payment panel
 * shows it; nothing is computed here but text.
 */
import type { CartInput, PricedCart } from '../../pricing';
import type { Locale, Minor } from '../../money';
import type { Receipt, ReceiptBlock } from '../model';
import { centered, labelAmount, line, pricedCartBlocks, printedAt } from './builder-kit';
import type { ReceiptContext } from './builder-kit';

/** The transfer as the payment panel shows it (renderer/sell/payment TransferCode fits). */
export interface ProvisionalBillTransfer {
  amount: Minor;
  /** The VietQR payload behind the code on screen: printed as is, so both scan the same. */
  payload: string;
  reference: string;
  bankBin: string;
  bankName?: string;
  accountNumber: string;
  accountName: string;
}

export interface ProvisionalBillInput extends ReceiptContext {
  /** The open sale's id, or the transfer's reference before the sale has one. */
  documentId: string;
  /** The cart as rung up: the names and quantities. */
  cart: CartInput;
  /** The same cart priced: what each line and the whole cost. */
  priced: PricedCart;
  transfer: ProvisionalBillTransfer;
}

const LABELS = {
  'vi-VN': {
    title: 'PHIẾU TẠM TÍNH',
    notPaid: 'CHƯA THANH TOÁN',
    notReceipt: 'Phiếu này không phải hóa đơn',
    byTransfer: 'Chuyển khoản',
    bank: 'Ngân hàng',
    account: 'Số TK',
    accountName: 'Chủ TK',
    reference: 'Nội dung',
    scan: 'Quét mã QR bằng ứng dụng ngân hàng',
  },
  'en-US': {
    title: 'PROVISIONAL BILL',
    notPaid: 'NOT PAID',
    notReceipt: 'This bill is not a receipt',
    byTransfer: 'By bank transfer',
    bank: 'Bank',
    account: 'Account',
    accountName: 'Account name',
    reference: 'Reference',
    scan: 'Scan the QR code with a banking app',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** The bank by the name the owner gave it, with the BIN a teller would ask for. */
function bankText(transfer: ProvisionalBillTransfer): string {
  return transfer.bankName
    ? `${transfer.bankName} (${transfer.bankBin})`
    : `BIN ${transfer.bankBin}`;
}

export function buildProvisionalBill(input: ProvisionalBillInput): Receipt {
  const { transfer } = input;
  const labels = LABELS[input.locale];
  const blocks: ReceiptBlock[] = [
    centered(input.storeName, { bold: true, size: 2 }),
    { kind: 'separator', char: '=' },
    centered(labels.title, { bold: true, size: 2 }),
    centered(labels.notPaid, { bold: true, invert: true }),
    centered(labels.notReceipt),
    centered(printedAt(input)),
    { kind: 'separator', char: '-' },
    // The lines and totals as the sale receipt will print them (builder-kit).
    ...pricedCartBlocks(input.cart, input.priced, input),
    labelAmount(labels.byTransfer, transfer.amount, input, { bold: true }),
    { kind: 'separator', char: '-' },
    line(`${labels.bank}: ${bankText(transfer)}`),
    line(`${labels.account}: ${transfer.accountNumber}`),
    line(`${labels.accountName}: ${transfer.accountName}`),
    line(`${labels.reference}: ${transfer.reference}`, { bold: true }),
    { kind: 'feed', lines: 1 },
    centered(labels.scan),
    // Larger cells than the sale receipt's QR: a phone reads it off the counter.
    { kind: 'qr', value: transfer.payload, cellSize: 6 },
    centered(labels.notPaid, { bold: true }),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  ];
  return { documentId: input.documentId, kind: 'provisional-bill', blocks };
}
