import { describe, expect, it } from 'vitest';
import { buildTestReceipt, VIETNAMESE_SAMPLE } from '../../../src/receipt/builders/test-receipt';
import type { Receipt } from '../../../src/receipt/model';
import {
  COPY_HEADER,
  layoutColumns,
  layoutReceipt,
  layoutText,
  RECEIPT_COLUMNS,
} from '../../../src/receipt/receipt-layout';
import { cellCount } from '../../../src/receipt/text-cells';

const testReceipt = buildTestReceipt({
  storeName: 'Cửa hàng Omnitill Quận 1',
  locale: 'vi-VN',
  currency: 'VND',
  now: new Date('2025-03-04T05:06:07Z'),
  documentId: 'sale_LAYOUT01',
});

const one = (blocks: Receipt['blocks'], copy = false): Receipt => ({
  documentId: 'd',
  kind: 'sale',
  blocks,
  copy,
});

describe.each(RECEIPT_COLUMNS)('layout on %i columns', (columns) => {
  const layout = layoutReceipt(testReceipt, columns);

  it('makes every text line exactly as wide as the printer prints it', () => {
    for (const line of layout.lines) {
      if (line.kind !== 'text') continue;
      expect(cellCount(line.text)).toBe(line.width);
      expect(line.width).toBe(line.style.size === 2 ? columns / 2 : columns);
    }
  });

  it('keeps the Vietnamese sample intact and centered', () => {
    const line = layoutText(layout).find((l) => l.includes('Cảm ơn'));
    expect(line?.trim()).toBe(VIETNAMESE_SAMPLE);
    const left = (line ?? '').length - (line ?? '').trimStart().length;
    const right = (line ?? '').length - (line ?? '').trimEnd().length;
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
  });

  it('right-aligns the amounts, formatted for vi-VN, against the right margin', () => {
    const lines = layoutText(layout);
    expect(lines.find((l) => l.startsWith('Cà phê sữa đá'))).toMatch(/ 58\.000$/);
    expect(lines.find((l) => l.startsWith('TỔNG CỘNG'))).toMatch(/ 123\.000$/);
  });

  it('draws separators across the whole line and keeps barcode, QR and cut in order', () => {
    expect(layoutText(layout)).toContain('='.repeat(columns));
    const kinds = layout.lines.map((l) => l.kind).filter((k) => k !== 'text' && k !== 'feed');
    expect(kinds).toEqual(['barcode', 'qr', 'cut']);
  });
});

describe('columns by weight', () => {
  it('splits 32 columns 6:1:3 with single spaces and pads to the exact width', () => {
    const line = layoutColumns(
      [
        { text: 'Bánh mì', weight: 6 },
        { text: '2', weight: 1 },
        { text: '70.000', weight: 3 },
      ],
      32,
    );
    expect(line).toBe('Bánh mì              2    70.000');
    expect(cellCount(line)).toBe(32);
  });

  it('truncates a long name cleanly, never an amount', () => {
    const line = layoutColumns(
      [
        { text: 'Bánh mì thịt nướng đặc biệt siêu to khổng lồ', weight: 1 },
        { text: '1.234.567.890', weight: 1 },
      ],
      20,
    );
    expect(line).toBe('Bánh m 1.234.567.890');
    expect(cellCount(line)).toBe(20);
  });

  it('counts a letter typed as base + combining marks as one cell', () => {
    const decomposed = 'Hẹn gặp lại'.normalize('NFD');
    const line = layoutColumns([{ text: decomposed, weight: 1 }], 12);
    expect(line).toBe('Hẹn gặp lại ');
    expect(line.normalize('NFC')).toBe(line);
  });
});

describe('text blocks', () => {
  it('wraps long text at word boundaries and splits a word longer than a line', () => {
    const lines = layoutText(
      layoutReceipt(
        one([
          {
            kind: 'text',
            text: 'Xin chào quý khách thân mến ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
          },
        ]),
        32,
      ),
    );
    expect(lines.map((l) => l.trimEnd())).toEqual([
      'Xin chào quý khách thân mến',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
      '6789',
    ]);
  });

  it('aligns right and prints double size on half the columns', () => {
    const layout = layoutReceipt(
      one([
        { kind: 'text', text: 'Tổng', align: 'right' },
        { kind: 'text', text: 'ĐÃ THANH TOÁN', align: 'center', style: { size: 2, bold: true } },
      ]),
      42,
    );
    expect(layoutText(layout)).toEqual([`${' '.repeat(38)}Tổng`, '    ĐÃ THANH TOÁN    ']);
  });

  it('heads a reprint with BẢN SAO / COPY', () => {
    const lines = layoutText(layoutReceipt({ ...testReceipt, copy: true }, 48));
    expect(lines[0]?.trim()).toBe(COPY_HEADER);
    expect(layoutText(layoutReceipt(testReceipt, 48))).not.toContain(lines[0]);
  });

  it('rejects a width no printer has', () => {
    expect(() => layoutReceipt(testReceipt, 40 as 42)).toThrow(/32, 42 or 48/);
  });
});
