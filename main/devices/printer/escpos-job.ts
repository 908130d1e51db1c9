/**
 * Turns a laid-out receipt into the bytes of one print job. node-thermal-printer builds the
 * command-set specific parts (styles, barcodes, QR, cut) for EPSON and STAR; Omnitill adds what
 * the library gets wrong or leaves out: ESC @ first, the Vietnamese code table selection, text
 * already encoded by our own tables (the library's automatic code-page switching would pick
 * tables the printer may not have), raster text and the drawer pulse.
 */
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { CodeTable } from '../../../src/receipt/encoding/encoded-text';
import { encodeVietnamese } from '../../../src/receipt/encoding/vietnamese-encoding';
import type { TextStyle } from '../../../src/receipt/model';
import type { LayoutLine, ReceiptLayout } from '../../../src/receipt/receipt-layout';
import { EPSON_CODE_TABLES, INITIALIZE, rasterImage, selectCodeTable } from './escpos-commands';
import type { PrinterSettings } from './printer-settings';
import type { RasterRenderer } from './raster-renderer';

export interface JobBytes {
  bytes: Uint8Array;
  /** Characters printed as '?' because the code page has no place for them. */
  unmapped: string[];
}

const LF = Uint8Array.of(0x0a);

export function tableNumber(settings: PrinterSettings, table: CodeTable): number {
  // An override replaces the main table only; TCVN-3 capitals stay one above small letters.
  if (settings.codepageNumber === undefined) return EPSON_CODE_TABLES[table];
  return table === 'tcvn3-capitals' ? settings.codepageNumber + 1 : settings.codepageNumber;
}

function commandBuilder(settings: PrinterSettings): ThermalPrinter {
  return new ThermalPrinter({
    type: settings.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    // Only used to build bytes; Omnitill's transports send them. The library wants an
    // interface string and never touches it until execute(), which is never called.
    interface: '/dev/null',
    width: settings.columns,
  });
}

function sameStyle(a: TextStyle | null, b: TextStyle): boolean {
  return (
    a !== null &&
    (a.bold ?? false) === (b.bold ?? false) &&
    (a.underline ?? false) === (b.underline ?? false) &&
    (a.invert ?? false) === (b.invert ?? false) &&
    (a.size ?? 1) === (b.size ?? 1)
  );
}

export async function buildJobBytes(
  layout: ReceiptLayout,
  settings: PrinterSettings,
  raster: RasterRenderer | null,
): Promise<JobBytes> {
  const printer = commandBuilder(settings);
  const add = (bytes: Uint8Array): void => printer.add(Buffer.from(bytes));
  const unmapped: string[] = [];
  let table: CodeTable | null = null;
  let style: TextStyle | null = null;
  add(INITIALIZE);

  const text = (line: Extract<LayoutLine, { kind: 'text' }>): void => {
    if (!sameStyle(style, line.style)) {
      // Size first: ESC ! (Epson's size command) also clears bold and underline.
      if (line.style.size === 2) printer.setTextQuadArea();
      else printer.setTextNormal();
      printer.bold(line.style.bold ?? false);
      printer.underline(line.style.underline ?? false);
      printer.invert(line.style.invert ?? false);
      style = line.style;
    }
    const encoded = encodeVietnamese(line.text, settings.codepage);
    unmapped.push(...encoded.unmapped);
    for (const run of encoded.runs) {
      if (run.table !== table) {
        add(selectCodeTable(settings.type, tableNumber(settings, run.table)));
        table = run.table;
      }
      add(run.bytes);
    }
    add(LF);
  };

  for (const line of layout.lines) {
    switch (line.kind) {
      case 'text':
        if (raster === null) {
          text(line);
        } else if (settings.type === 'star') {
          await printer.printImageBuffer(await raster.renderPng(line));
        } else {
          const image = raster.render(line);
          add(rasterImage(image.widthBytes, image.height, image.bits));
        }
        break;
      case 'barcode':
        printer.alignCenter();
        if (settings.type === 'star') add(starBarcode(settings, line));
        else
          printer.printBarcode(line.value, line.symbology === 'CODE128' ? 73 : 67, {
            hriPos: line.showText ? 2 : 0,
            hriFont: 0,
            width: settings.paperWidth === 58 ? 2 : 3,
            height: 80,
          });
        printer.alignLeft();
        break;
      case 'qr':
        printer.alignCenter();
        printer.printQR(line.value, {
          cellSize: Math.min(8, Math.max(1, line.cellSize)),
          correction: 'M',
          model: 2,
        });
        add(LF);
        printer.alignLeft();
        break;
      case 'feed':
        if (line.lines > 0) add(Uint8Array.of(0x1b, 0x64, Math.min(255, line.lines)));
        break;
      case 'cut':
        printer.cut({ verticalTabAmount: 1 });
        // The library's cut ends with ESC @, which resets the code table and styles.
        table = null;
        style = null;
        break;
      case 'logo':
        // No logo is stored in the printer yet (NV graphics are set up per store later).
        break;
    }
  }
  return { bytes: Uint8Array.from(printer.getBuffer()), unmapped };
}

/** Star line mode barcode (ESC b n1 n2 n3 n4 data RS); the library's Star helper has no EAN-13. */
function starBarcode(
  settings: PrinterSettings,
  line: Extract<LayoutLine, { kind: 'barcode' }>,
): Uint8Array {
  const data = Array.from(line.value, (c) => c.charCodeAt(0) & 0x7f);
  // n1: 6 = CODE128, 3 = JAN13/EAN-13; n2: 2 = text under the bars; n3: narrow module width.
  const type = line.symbology === 'CODE128' ? 6 : 3;
  const width = settings.paperWidth === 58 ? 1 : 2;
  return Uint8Array.of(0x1b, 0x62, type, line.showText ? 2 : 1, width, 80, ...data, 0x1e);
}
