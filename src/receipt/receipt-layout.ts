/**
 * Lays a receipt model out on a fixed grid of character cells: 32 columns on 58 mm paper, 42 or
 * 48 on 80 mm. Every text line comes out exactly as wide as the printer prints it (half the
 * columns for double-size text), so drivers only encode and send, and the renderer can preview
 * the very lines the printer gets.
 */
import type { Align, Receipt, ReceiptBlock, ReceiptColumn, TextStyle } from './model';
import { cellCount, looksNumeric, padCells, truncateCells, wrapCells } from './text-cells';

export type ReceiptColumns = 32 | 42 | 48;
export const RECEIPT_COLUMNS: readonly ReceiptColumns[] = [32, 42, 48];

/** Printed at the top of every reprint, in both languages the stores use. */
export const COPY_HEADER = 'BẢN SAO / COPY';

export type LayoutLine =
  | {
      kind: 'text';
      /** Exactly `width` cells (code points after NFC). */
      text: string;
      /** `columns`, or half of it for double-size text. */
      width: number;
      style: TextStyle;
    }
  | { kind: 'barcode'; symbology: 'CODE128' | 'EAN13'; value: string; showText: boolean }
  | { kind: 'qr'; value: string; cellSize: number }
  | { kind: 'logo' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface ReceiptLayout {
  columns: ReceiptColumns;
  documentId: string;
  copy: boolean;
  lines: LayoutLine[];
}

export function isReceiptColumns(value: unknown): value is ReceiptColumns {
  return value === 32 || value === 42 || value === 48;
}

export function lineWidth(columns: ReceiptColumns, style: TextStyle | undefined): number {
  return style?.size === 2 ? Math.floor(columns / 2) : columns;
}

export function layoutReceipt(receipt: Receipt, columns: ReceiptColumns): ReceiptLayout {
  if (!isReceiptColumns(columns)) {
    throw new RangeError(`A receipt is laid out on 32, 42 or 48 columns, not ${String(columns)}.`);
  }
  const blocks: ReceiptBlock[] = receipt.copy
    ? [
        { kind: 'text', text: COPY_HEADER, align: 'center', style: { bold: true } },
        { kind: 'separator', char: '=' },
        ...receipt.blocks,
      ]
    : receipt.blocks;
  const lines: LayoutLine[] = [];
  for (const block of blocks) lines.push(...layoutBlock(block, columns));
  return { columns, documentId: receipt.documentId, copy: receipt.copy === true, lines };
}

function layoutBlock(block: ReceiptBlock, columns: ReceiptColumns): LayoutLine[] {
  switch (block.kind) {
    case 'text': {
      const style = block.style ?? {};
      const width = lineWidth(columns, style);
      const align = block.align ?? 'left';
      return wrapCells(block.text, width).map((text) => ({
        kind: 'text',
        text: padCells(text, width, align),
        width,
        style,
      }));
    }
    case 'columns': {
      const style = block.style ?? {};
      const width = lineWidth(columns, style);
      return [{ kind: 'text', text: layoutColumns(block.columns, width), width, style }];
    }
    case 'separator':
      return [
        { kind: 'text', text: (block.char ?? '-').repeat(columns), width: columns, style: {} },
      ];
    case 'barcode':
      return [
        {
          kind: 'barcode',
          symbology: block.symbology,
          value: block.value,
          showText: block.showText ?? true,
        },
      ];
    case 'qr':
      return [{ kind: 'qr', value: block.value, cellSize: block.cellSize ?? 4 }];
    case 'logo':
      return [{ kind: 'logo' }];
    case 'feed':
      return [{ kind: 'feed', lines: Math.max(0, Math.floor(block.lines)) }];
    case 'cut':
      return [{ kind: 'cut' }];
  }
}

/**
 * One line of cells separated by single spaces. Widths follow the weights (largest remainder,
 * so they always add up); a number that does not fit takes room from the widest text column,
 * because a cut-off amount is wrong while a cut-off product name is only short.
 */
export function layoutColumns(columns: readonly ReceiptColumn[], width: number): string {
  if (columns.length === 0) return ' '.repeat(width);
  const gap = width - (columns.length - 1) >= columns.length ? 1 : 0;
  const available = width - gap * (columns.length - 1);
  const widths = splitByWeight(
    available,
    columns.map((c) => Math.max(0, c.weight)),
  );
  const numeric = columns.map((c) => looksNumeric(c.text));
  columns.forEach((column, index) => {
    if (!numeric[index]) return;
    let short = cellCount(column.text) - (widths[index] ?? 0);
    while (short > 0) {
      const donor = widestTextColumn(widths, numeric);
      if (donor < 0) break;
      widths[donor] = (widths[donor] ?? 0) - 1;
      widths[index] = (widths[index] ?? 0) + 1;
      short -= 1;
    }
  });
  const parts = columns.map((column, index) => {
    const cellWidth = widths[index] ?? 0;
    const align: Align = column.align ?? (numeric[index] ? 'right' : 'left');
    return padCells(truncateCells(column.text, cellWidth), cellWidth, align);
  });
  return parts.join(' '.repeat(gap));
}

function widestTextColumn(widths: readonly number[], numeric: readonly boolean[]): number {
  let best = -1;
  widths.forEach((w, index) => {
    if (numeric[index] || w <= 1) return;
    if (best < 0 || w > (widths[best] ?? 0)) best = index;
  });
  return best;
}

function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const safe = sum > 0 ? weights : weights.map(() => 1);
  const safeSum = sum > 0 ? sum : safe.length;
  const shares = safe.map((weight, index) => {
    const exact = (total * weight) / safeSum;
    return { index, floor: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let leftover = total - shares.reduce((a, s) => a + s.floor, 0);
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const share of order) {
    if (leftover <= 0) break;
    share.floor += 1;
    leftover -= 1;
  }
  return shares.map((s) => s.floor);
}

/** The text lines alone, as the cashier would read them (previews, tests, the fake printer). */
export function layoutText(layout: ReceiptLayout): string[] {
  return layout.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
}
