/**
 * The slip printed when a web order (or part of it) is handed over at the counter: the order
 * number, what left the store now and what is still to collect, what was paid here and how, and
 * the order's QR so the customer can come back for the rest or return it in any store.
 */
import { omnitillCodeText } from '../../barcodes/document-reference';
import type { PickupDoc } from '../../documents/pickup';
import type { WebOrderDoc } from '../../documents/web-order';
import { formatAmount, minor, roundDiv } from '../../money';
import type { Locale, Minor } from '../../money';
import type { Receipt, ReceiptBlock } from '../model';
import { centered, itemRow, labelAmount, line, printedAt } from './builder-kit';
import type { ReceiptContext } from './builder-kit';

export interface PickupSlipInput extends ReceiptContext {
  order: WebOrderDoc;
  pickup: PickupDoc;
  /** Per order line, still to pick up after this pickup. */
  remaining: readonly { lineId: string; quantity: number }[];
  customerName?: string;
  staffName?: string;
  /** How the amount collected was paid: label and amount, e.g. cash and change. */
  payment?: { label: string; amount: Minor }[];
  header: readonly string[];
  footer: readonly string[];
}

const LABELS = {
  'vi-VN': {
    title: 'PHIẾU GIAO HÀNG ĐẶT ONLINE',
    order: 'Đơn hàng',
    pickup: 'Mã giao',
    customer: 'Khách hàng',
    staff: 'Nhân viên',
    handedOver: 'Đã giao lần này',
    remaining: 'Còn lại chờ nhận',
    nothingLeft: 'Đã giao đủ đơn hàng',
    prepaid: 'Đã trả online',
    collected: 'Thu tại quầy',
  },
  'en-US': {
    title: 'ONLINE ORDER PICKUP',
    order: 'Order',
    pickup: 'Pickup',
    customer: 'Customer',
    staff: 'Staff',
    handedOver: 'Handed over now',
    remaining: 'Still to collect',
    nothingLeft: 'Order collected in full',
    prepaid: 'Paid online',
    collected: 'Paid at the counter',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export function buildPickupSlip(input: PickupSlipInput): Receipt {
  const { order, pickup } = input;
  const labels = LABELS[input.locale];
  const lineById = new Map(order.lines.map((orderLine) => [orderLine.lineId, orderLine]));
  const blocks: ReceiptBlock[] = [];
  input.header.forEach((text, index) =>
    blocks.push(index === 0 ? centered(text, { bold: true, size: 2 }) : centered(text)),
  );
  blocks.push(
    { kind: 'separator', char: '=' },
    centered(labels.title, { bold: true }),
    centered(printedAt(input)),
    line(`${labels.order}: ${order.orderNumber}`, { bold: true }),
    line(`${labels.pickup}: ${pickup.id}`),
  );
  if (input.customerName) blocks.push(line(`${labels.customer}: ${input.customerName}`));
  if (input.staffName) blocks.push(line(`${labels.staff}: ${input.staffName}`));
  blocks.push({ kind: 'separator', char: '-' }, line(labels.handedOver, { bold: true }));
  for (const handed of pickup.lines) {
    const orderLine = lineById.get(handed.lineId);
    // The line's value pro rata, in integers (the amount collected itself is src/orders' sum).
    const value = orderLine
      ? minor(
          Number(
            roundDiv(
              BigInt(orderLine.lineTotal) * BigInt(handed.quantity),
              BigInt(orderLine.quantity),
              'half-up',
            ),
          ),
        )
      : minor(0);
    blocks.push(itemRow(orderLine?.name ?? handed.lineId, handed.quantity, value, input));
  }
  const left = input.remaining.filter((rest) => rest.quantity > 0);
  blocks.push({ kind: 'separator', char: '-' });
  if (left.length === 0) blocks.push(line(labels.nothingLeft, { bold: true }));
  else {
    blocks.push(line(labels.remaining, { bold: true }));
    for (const rest of left) {
      blocks.push(line(`  ${rest.quantity} x ${lineById.get(rest.lineId)?.name ?? rest.lineId}`));
    }
  }
  blocks.push({ kind: 'separator', char: '-' });
  if (order.prepaid > 0) blocks.push(labelAmount(labels.prepaid, order.prepaid, input));
  blocks.push(labelAmount(labels.collected, pickup.amountCollected, input, { bold: true }));
  for (const part of input.payment ?? []) {
    blocks.push(
      line(`  ${part.label}: ${formatAmount(part.amount, input.currency, input.locale)}`),
    );
  }
  blocks.push({ kind: 'separator', char: '=' });
  for (const text of input.footer) blocks.push(centered(text));
  blocks.push(
    { kind: 'feed', lines: 1 },
    { kind: 'qr', value: omnitillCodeText('order', order.id), cellSize: 4 },
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  );
  return { documentId: pickup.id, kind: 'pickup', blocks };
}
