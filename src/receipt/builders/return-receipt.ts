/**
 * The customer's receipt for a return: which document the goods came from (a till sale of any
 * store or a web order), every line taken back with its refund and where it went (shelf or
 * damaged), the refund per tender (a card refund names the original approval code so the
 * terminal can find the payment), the loyalty points taken back and given back, and the return
 * id as a Code 128 and an OMNITILL QR. An exchange prints the store credit to spend.
 *
 * Amounts come from the ReturnDoc as src/returns planned them: nothing is computed here but text.
 */
import { omnitillCodeText } from '../../barcodes/document-reference';
import type { ReturnDoc } from '../../documents/return';
import type { Locale } from '../../money';
import type { RefundTender } from '../../documents/parts/tender';
import type { Receipt, ReceiptBlock } from '../model';
import { centered, itemRow, labelAmount, line, printedAt } from './builder-kit';
import type { ReceiptContext } from './builder-kit';

export interface ReturnReceiptInput extends ReceiptContext {
  returnDoc: ReturnDoc;
  /** What the customer knows the original by: a sale id or a web order number. */
  originalLabel?: string;
  header: readonly string[];
  footer: readonly string[];
  staffName?: string;
  approverName?: string;
  customer?: { name: string; cardNumber?: string };
  copy?: boolean;
}

const LABELS = {
  'vi-VN': {
    title: 'PHIẾU TRẢ HÀNG',
    exchangeTitle: 'PHIẾU ĐỔI HÀNG',
    number: 'Số phiếu',
    original: 'Hóa đơn gốc',
    noReceipt: 'Trả hàng không hóa đơn',
    register: 'Quầy',
    staff: 'Thu ngân',
    approved: 'Quản lý duyệt',
    restocked: 'nhập lại kho',
    damaged: 'hàng lỗi',
    refund: 'TỔNG HOÀN TRẢ',
    rounding: 'Làm tròn tiền mặt',
    cash: 'Hoàn tiền mặt',
    card: 'Hoàn về thẻ',
    approval: 'mã duyệt gốc',
    storeCredit: 'Phiếu mua hàng',
    giftCard: 'Hoàn vào thẻ quà tặng',
    points: 'Hoàn điểm',
    pointsUnit: 'điểm',
    customer: 'Khách hàng',
    earnedReversed: 'Điểm bị trừ',
    redeemedReturned: 'Điểm được hoàn',
    creditNote: 'Dùng phiếu này để thanh toán hàng đổi',
  },
  'en-US': {
    title: 'RETURN RECEIPT',
    exchangeTitle: 'EXCHANGE RECEIPT',
    number: 'Return',
    original: 'Original',
    noReceipt: 'Return without receipt',
    register: 'Register',
    staff: 'Cashier',
    approved: 'Approved by',
    restocked: 'back to stock',
    damaged: 'damaged',
    refund: 'TOTAL REFUND',
    rounding: 'Cash rounding',
    cash: 'Cash refund',
    card: 'Refund to card',
    approval: 'original approval',
    storeCredit: 'Store credit',
    giftCard: 'Refund to gift card',
    points: 'Points back',
    pointsUnit: 'points',
    customer: 'Customer',
    earnedReversed: 'Points taken back',
    redeemedReturned: 'Points given back',
    creditNote: 'Use this credit to pay for the exchanged goods',
  },
} as const satisfies Record<Locale, Record<string, string>>;

type Labels = (typeof LABELS)[Locale];

/** A short label beside the amount, and the detail the terminal or the customer needs below. */
function refundLabel(
  tender: RefundTender,
  labels: Labels,
  returnId: string,
): { label: string; detail?: string } {
  switch (tender.kind) {
    case 'cash':
      return { label: labels.cash };
    case 'card':
      return tender.originalApprovalCode
        ? { label: labels.card, detail: `${labels.approval} ${tender.originalApprovalCode}` }
        : { label: labels.card };
    case 'store-credit':
      return { label: labels.storeCredit, detail: returnId };
    case 'gift-card':
      return tender.cardNumber
        ? { label: labels.giftCard, detail: tender.cardNumber }
        : { label: labels.giftCard };
    case 'loyalty-points':
      return { label: `${labels.points} (${tender.points ?? 0} ${labels.pointsUnit})` };
  }
}

export function buildReturnReceipt(input: ReturnReceiptInput): Receipt {
  const doc = input.returnDoc;
  const labels = LABELS[input.locale];
  const exchange = doc.exchangeSaleId !== undefined;
  const blocks: ReceiptBlock[] = [];
  input.header.forEach((text, index) =>
    blocks.push(index === 0 ? centered(text, { bold: true, size: 2 }) : centered(text)),
  );
  blocks.push(
    { kind: 'separator', char: '=' },
    centered(exchange ? labels.exchangeTitle : labels.title, { bold: true }),
    centered(printedAt(input)),
    line(`${labels.number}: ${doc.id}`),
    line(
      doc.original
        ? `${labels.original}: ${input.originalLabel ?? doc.original.documentId}${doc.original.storeId && doc.original.storeId !== doc.storeId ? ` (${doc.original.storeId})` : ''}`
        : labels.noReceipt,
    ),
    line(
      `${labels.register}: ${doc.registerId}${input.staffName ? `  ${labels.staff}: ${input.staffName}` : ''}`,
    ),
  );
  if (input.approverName) blocks.push(line(`${labels.approved}: ${input.approverName}`));
  blocks.push({ kind: 'separator', char: '-' });
  for (const returned of doc.lines) {
    blocks.push(itemRow(returned.name, returned.quantity, returned.refund, input));
    blocks.push(
      line(
        `  ${returned.restock ? labels.restocked : labels.damaged}${returned.reason ? ` - ${returned.reason}` : ''}`,
      ),
    );
  }
  blocks.push(
    { kind: 'separator', char: '-' },
    labelAmount(labels.refund, doc.totals.refund, input, { bold: true }),
  );
  if (doc.cashRoundingAdjustment !== 0) {
    blocks.push(labelAmount(labels.rounding, doc.cashRoundingAdjustment, input));
  }
  for (const tender of doc.tenders) {
    const { label, detail } = refundLabel(tender, labels, doc.id);
    blocks.push(labelAmount(label, tender.amount, input));
    if (detail) blocks.push(line(`  ${detail}`));
  }
  if (exchange) blocks.push(line(labels.creditNote));
  const { pointsEarnedReversed, pointsRedeemedReturned } = doc.loyalty;
  if (input.customer || pointsEarnedReversed > 0 || pointsRedeemedReturned > 0) {
    blocks.push({ kind: 'separator', char: '-' });
    if (input.customer) {
      const card = input.customer.cardNumber ? ` (${input.customer.cardNumber})` : '';
      blocks.push(line(`${labels.customer}: ${input.customer.name}${card}`));
    }
    if (pointsEarnedReversed > 0) {
      blocks.push(line(`${labels.earnedReversed}: -${pointsEarnedReversed}`));
    }
    if (pointsRedeemedReturned > 0) {
      blocks.push(line(`${labels.redeemedReturned}: +${pointsRedeemedReturned}`));
    }
  }
  blocks.push({ kind: 'separator', char: '=' });
  for (const text of input.footer) blocks.push(centered(text));
  blocks.push(
    { kind: 'feed', lines: 1 },
    { kind: 'barcode', symbology: 'CODE128', value: doc.id, showText: true },
    { kind: 'qr', value: omnitillCodeText('return', doc.id), cellSize: 4 },
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  );
  return {
    documentId: doc.id,
    kind: exchange ? 'exchange' : 'return',
    ...(input.copy ? { copy: true } : {}),
    blocks,
  };
}
