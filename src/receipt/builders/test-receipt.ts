/**
 * The test page a technician prints when setting up a register: store name, the Vietnamese
 * sample line (every driver must print it back intact), priced lines in the store's currency,
 * a barcode, a QR code and a cut, so one page shows that text, code pages, symbols and the
 * cutter all work.
 */
import { add, minor } from '../../money';
import type { Minor } from '../../money';
import type { Receipt, ReceiptBlock } from '../model';
import { centered, itemRow, labelAmount, line, printedAt } from './builder-kit';
import type { ReceiptContext } from './builder-kit';

export const VIETNAMESE_SAMPLE = 'Cảm ơn quý khách! Hẹn gặp lại.';
/** Every Vietnamese letter with its own base shape, capital and small. */
export const VIETNAMESE_LETTERS = 'ĂÂĐÊÔƠƯ ăâđêôơư';

export interface TestReceiptInput extends ReceiptContext {
  /** Printed under the title so the technician can tell printers apart. */
  printerLabel?: string;
  documentId?: string;
}

interface SampleItem {
  name: string;
  quantity: number;
  unitPrice: Minor;
}

const SAMPLE_ITEMS: readonly SampleItem[] = [
  { name: 'Cà phê sữa đá', quantity: 2, unitPrice: minor(29_000) },
  { name: 'Bánh mì thịt nướng đặc biệt', quantity: 1, unitPrice: minor(35_000) },
  { name: 'Nước suối', quantity: 3, unitPrice: minor(10_000) },
];

export function buildTestReceipt(input: TestReceiptInput): Receipt {
  const amounts = SAMPLE_ITEMS.map((item) => minor(item.unitPrice * item.quantity));
  const total = add(...amounts);
  const documentId = input.documentId ?? `test-${input.now.toISOString()}`;
  const blocks: ReceiptBlock[] = [
    centered(input.storeName, { bold: true, size: 2 }),
    centered('IN THỬ / TEST PRINT', { bold: true }),
    centered(printedAt(input)),
  ];
  if (input.printerLabel) blocks.push(centered(input.printerLabel));
  blocks.push(
    { kind: 'separator', char: '=' },
    {
      kind: 'columns',
      columns: [
        { text: 'Mặt hàng', weight: 6 },
        { text: 'SL', weight: 1, align: 'right' },
        { text: input.currency, weight: 3, align: 'right' },
      ],
      style: { bold: true },
    },
    ...SAMPLE_ITEMS.map((item, index) =>
      itemRow(item.name, item.quantity, amounts[index] ?? minor(0), input),
    ),
    { kind: 'separator', char: '-' },
    labelAmount('TỔNG CỘNG', total, input, { bold: true }),
    { kind: 'separator', char: '-' },
    line(VIETNAMESE_LETTERS),
    centered(VIETNAMESE_SAMPLE),
    { kind: 'feed', lines: 1 },
    { kind: 'barcode', symbology: 'CODE128', value: 'OMNITILL-TEST', showText: true },
    { kind: 'qr', value: `omnitill:test:${documentId}`, cellSize: 4 },
    { kind: 'feed', lines: 2 },
    { kind: 'cut' },
  );
  return { documentId, kind: 'test', blocks };
}
