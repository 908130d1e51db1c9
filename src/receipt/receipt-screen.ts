/**
 * A receipt as the screen shows it: the printer's own layout (layoutReceipt) with its text lines
 * unchanged and its codes (the receipt's barcode, the e-invoice or order QR) as the text they
 * encode. Paper-only steps (logo, feed, cut) have nothing to show. The screen lays out on 42
 * columns, as the e-receipt page does; a printer on 32 or 48 wraps the same words differently.
 */
import type { TextStyle } from './model';
import type { Receipt } from './model';
import { layoutReceipt } from './receipt-layout';
import type { ReceiptColumns } from './receipt-layout';

export const SCREEN_COLUMNS: ReceiptColumns = 42;

export type ScreenLine =
  | { kind: 'text'; text: string; style: TextStyle }
  | { kind: 'code'; code: 'qr' | 'barcode'; value: string };

export function receiptScreenLines(
  receipt: Receipt,
  columns: ReceiptColumns = SCREEN_COLUMNS,
): ScreenLine[] {
  return layoutReceipt(receipt, columns).lines.flatMap((line): ScreenLine[] => {
    switch (line.kind) {
      case 'text':
        return [{ kind: 'text', text: line.text, style: line.style }];
      case 'qr':
        return [{ kind: 'code', code: 'qr', value: line.value }];
      case 'barcode':
        return [{ kind: 'code', code: 'barcode', value: line.value }];
      case 'logo':
      case 'feed':
      case 'cut':
        return [];
    }
  });
}
