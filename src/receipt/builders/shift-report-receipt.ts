/**
 * The X report (mid-shift, changes nothing) and the Z report (the close) as printed receipts:
 * the shift, each tender's opening, sales, refunds and cash moves, what is expected, and at close
 * what was counted (note by note when it was counted so) and the over or short. Figures come from src/shifts (xReport / zReport):
 * nothing is computed here but text.
 */
import { formatAmount, minor } from '../../money';
import type { Locale, Minor } from '../../money';
import type { MovementKind, TenderSummary, XReport, ZReport } from '../../shifts/shift-report';
import type { Receipt, ReceiptBlock } from '../model';
import { centered, line, printedAt, textAmount } from './builder-kit';
import type { ReceiptContext } from './builder-kit';

export interface ShiftReportReceiptInput extends ReceiptContext {
  /** StoreSettingsDoc.receipt.header: the store's name and address on top. */
  header?: readonly string[];
  /** Names for the staff ids on the report (who opened, who closed). */
  staffNames?: Readonly<Record<string, string>>;
  /** Z report: the staff id of who closed (the ShiftDoc's closing.closedBy). */
  closedBy?: string;
}

const LABELS = {
  'vi-VN': {
    x: 'BÁO CÁO X (GIỮA CA)',
    z: 'BÁO CÁO Z (KẾT CA)',
    shift: 'Ca',
    register: 'Quầy',
    openedAt: 'Mở ca',
    openedBy: 'Người mở',
    asOf: 'Tính đến',
    closedAt: 'Kết ca',
    closedBy: 'Người kết',
    opening: 'Tiền đầu ca',
    sale: 'Bán hàng',
    refund: 'Hoàn tiền',
    float: 'Thêm tiền lẻ',
    'paid-in': 'Thu khác',
    'paid-out': 'Chi khác',
    drop: 'Nộp két',
    expected: 'Dự kiến',
    counted: 'Đếm được',
    notes: 'tờ',
    overShort: 'Thừa/thiếu',
    notCounted: 'không đếm',
    totalExpected: 'TỔNG DỰ KIẾN',
    totalOverShort: 'TỔNG THỪA/THIẾU',
    movements: 'giao dịch',
    cash: 'Tiền mặt',
    card: 'Thẻ',
    'store-credit': 'Phiếu mua hàng',
    'gift-card': 'Thẻ quà tặng',
    'loyalty-points': 'Điểm thưởng',
    noChange: 'Báo cáo X không thay đổi ca.',
    giftCardsSold: 'Thẻ quà tặng đã bán',
    giftCardsNote: '(không phải doanh thu; đã tính trong Bán)',
  },
  'en-US': {
    x: 'X REPORT (MID-SHIFT)',
    z: 'Z REPORT (CLOSE)',
    shift: 'Shift',
    register: 'Register',
    openedAt: 'Opened',
    openedBy: 'Opened by',
    asOf: 'As of',
    closedAt: 'Closed',
    closedBy: 'Closed by',
    opening: 'Opening float',
    sale: 'Sales',
    refund: 'Refunds',
    float: 'Float added',
    'paid-in': 'Paid in',
    'paid-out': 'Paid out',
    drop: 'Cash drops',
    expected: 'Expected',
    counted: 'Counted',
    notes: 'notes',
    overShort: 'Over/short',
    notCounted: 'not counted',
    totalExpected: 'TOTAL EXPECTED',
    totalOverShort: 'TOTAL OVER/SHORT',
    movements: 'movements',
    cash: 'Cash',
    card: 'Card',
    'store-credit': 'Store credit',
    'gift-card': 'Gift card',
    'loyalty-points': 'Loyalty points',
    noChange: 'An X report changes nothing.',
    giftCardsSold: 'Gift cards sold',
    giftCardsNote: '(not sales revenue; included in Sales)',
  },
} as const satisfies Record<Locale, Record<string, string>>;

type Labels = (typeof LABELS)[Locale];

const KINDS: readonly MovementKind[] = ['sale', 'refund', 'float', 'paid-in', 'paid-out', 'drop'];

function tenderName(tender: string, labels: Labels): string {
  return tender in labels ? labels[tender as keyof Labels] : tender;
}

function timeText(iso: string, context: ReceiptContext): string {
  return printedAt({ ...context, now: new Date(iso) });
}

/** Over shows a plus sign, short a minus: the sign is the point of the line. */
function signed(amount: Minor, context: ReceiptContext): string {
  const text = formatAmount(amount, context.currency, context.locale);
  return amount > 0 ? `+${text}` : text;
}

/** Text on the left, an amount on the right, as on every other paper (builder-kit.ts). */
const row = textAmount;

function heading(
  report: XReport,
  title: string,
  input: ShiftReportReceiptInput,
  labels: Labels,
): ReceiptBlock[] {
  const name = (id: string) => input.staffNames?.[id] ?? id;
  const blocks: ReceiptBlock[] = [];
  const header = input.header?.length ? input.header : [input.storeName];
  header.forEach((text, index) =>
    blocks.push(index === 0 ? centered(text, { bold: true, size: 2 }) : centered(text)),
  );
  blocks.push(
    { kind: 'separator', char: '=' },
    centered(title, { bold: true }),
    centered(printedAt(input)),
    line(`${labels.shift}: ${report.shiftId}`),
    line(`${labels.register}: ${report.registerId}`),
    line(`${labels.openedAt}: ${timeText(report.openedAt, input)}`),
    line(`${labels.openedBy}: ${name(report.openedBy)}`),
  );
  return blocks;
}

function tenderBlocks(summary: TenderSummary, input: ShiftReportReceiptInput, labels: Labels) {
  const money = (amount: Minor) => formatAmount(amount, input.currency, input.locale);
  const blocks: ReceiptBlock[] = [
    { kind: 'separator', char: '-' },
    line(`${tenderName(summary.tender, labels)} (${summary.movementCount} ${labels.movements})`, {
      bold: true,
    }),
  ];
  if (summary.opening !== 0 || summary.tender === 'cash') {
    blocks.push(row(`  ${labels.opening}`, money(summary.opening)));
  }
  for (const kind of KINDS) {
    if (summary.byKind[kind] !== 0)
      blocks.push(row(`  ${labels[kind]}`, money(summary.byKind[kind])));
  }
  blocks.push(row(`  ${labels.expected}`, money(summary.expected), true));
  return blocks;
}

/** Gift cards sold in the shift, on their own line: in the tenders' sales, but no revenue. */
function giftCardBlocks(report: XReport, input: ShiftReportReceiptInput, labels: Labels) {
  const sold = report.giftCardsSold;
  if (sold.count === 0) return [];
  return [
    row(
      `${labels.giftCardsSold} (${sold.count})`,
      formatAmount(sold.amount, input.currency, input.locale),
    ),
    line(labels.giftCardsNote),
  ];
}

export function buildXReportReceipt(report: XReport, input: ShiftReportReceiptInput): Receipt {
  const labels = LABELS[input.locale];
  const blocks = heading(report, labels.x, input, labels);
  blocks.push(line(`${labels.asOf}: ${timeText(report.asOf, input)}`));
  for (const summary of report.tenders) blocks.push(...tenderBlocks(summary, input, labels));
  blocks.push(
    { kind: 'separator', char: '=' },
    row(
      labels.totalExpected,
      formatAmount(report.totalExpected, input.currency, input.locale),
      true,
    ),
    ...giftCardBlocks(report, input, labels),
    centered(labels.noChange),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  );
  return { documentId: report.shiftId, kind: 'x-report', blocks };
}

export function buildZReportReceipt(report: ZReport, input: ShiftReportReceiptInput): Receipt {
  const labels = LABELS[input.locale];
  const money = (amount: Minor) => formatAmount(amount, input.currency, input.locale);
  const blocks = heading(report, labels.z, input, labels);
  blocks.push(line(`${labels.closedAt}: ${timeText(report.closedAt, input)}`));
  const { closedBy } = input;
  if (closedBy) {
    blocks.push(line(`${labels.closedBy}: ${input.staffNames?.[closedBy] ?? closedBy}`));
  }
  for (const summary of report.tenders) {
    blocks.push(...tenderBlocks(summary, input, labels));
    const close = report.lines.find((entry) => entry.tender === summary.tender);
    if (!close || close.counted === null || close.overShort === null) {
      blocks.push(row(`  ${labels.counted}`, labels.notCounted));
      continue;
    }
    blocks.push(row(`  ${labels.counted}`, money(close.counted)));
    // Counted note by note: one line per note, largest first, so the count can be checked.
    for (const note of [...(close.denominations ?? [])].sort((a, b) => b.value - a.value)) {
      if (note.count === 0) continue;
      blocks.push(
        row(
          `    ${money(note.value)} × ${note.count} ${labels.notes}`,
          money(minor(note.value * note.count)),
        ),
      );
    }
    blocks.push(row(`  ${labels.overShort}`, signed(close.overShort, input), true));
  }
  blocks.push(
    { kind: 'separator', char: '=' },
    row(labels.totalExpected, money(report.totalExpected), true),
    row(labels.totalOverShort, signed(report.totalOverShort, input), true),
    ...giftCardBlocks(report, input, labels),
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  );
  return { documentId: report.shiftId, kind: 'z-report', blocks };
}
