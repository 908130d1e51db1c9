/**
 * A device-independent receipt: what to print, not how. Builders in src/receipt turn sales,
 * returns and reports into this model; printer drivers in main/ turn it into bytes; the renderer
 * can preview it. Text is kept as Unicode (Vietnamese diacritics intact) until a driver encodes it.
 */
export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  bold?: boolean;
  underline?: boolean;
  /** 2 = double width and height. */
  size?: 1 | 2;
  invert?: boolean;
}

export interface ReceiptColumn {
  text: string;
  /** Relative width; the layout engine turns weights into characters for 32, 42 or 48 columns. */
  weight: number;
  align?: Align;
}

export type ReceiptBlock =
  | { kind: 'text'; text: string; align?: Align; style?: TextStyle }
  | { kind: 'columns'; columns: ReceiptColumn[]; style?: TextStyle }
  | { kind: 'separator'; char?: '-' | '=' | '.' }
  | { kind: 'barcode'; symbology: 'CODE128' | 'EAN13'; value: string; showText?: boolean }
  | { kind: 'qr'; value: string; cellSize?: number }
  | { kind: 'logo' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export type ReceiptKind =
  | 'sale'
  | 'return'
  | 'exchange'
  | 'pickup'
  | 'x-report'
  | 'z-report'
  | 'test'
  // Printed while a VietQR transfer is pending; not a receipt (builders/provisional-bill.ts).
  | 'provisional-bill';

export interface Receipt {
  /** The id of the document the receipt is for (a sale, a return, a shift). */
  documentId: string;
  kind: ReceiptKind;
  /** Reprints are marked as copies. */
  copy?: boolean;
  blocks: ReceiptBlock[];
}
