/** `npm run devices -- print-test`: prints the test receipt, and kicks the drawer if asked. */
import { parseArgs } from 'node:util';
import { buildTestReceipt } from '../../../src/receipt/builders/test-receipt';
import { createReceiptPrinter } from '../printer/escpos-printer';
import type { PrinterSettingsInput } from '../printer/printer-settings';
import { UsageError } from './cli-command';
import type { CliCommand, CliIo } from './cli-command';

const USAGE = `Usage: npm run devices -- print-test --printer URL [options]

Prints the test receipt (Vietnamese sample, prices, barcode, QR code, cut).

  --printer URL        tcp://192.168.1.50:9100, serial:/dev/ttyUSB0?baud=19200 or file:/dev/usb/lp0
  --type epson|star    printer command set (default epson)
  --width 58|80        paper width in mm (default 80)
  --columns 32|42|48   characters per line (default 32 on 58 mm, 48 on 80 mm)
  --mode codepage|raster   Vietnamese through the printer's code page, or drawn as an image
  --codepage cp1258|tcvn3  which Vietnamese code page (default cp1258)
  --drawer             also open the cash drawer
  --store NAME         store name printed at the top
  --timeout MS         how long to wait for the printer (default 3000)
  --help               this help`;

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) throw new UsageError(`--${name} must be a number, not "${value}".`);
  return parsed;
}

export const printTestCommand: CliCommand = {
  name: 'print-test',
  summary: 'print the test receipt (and open the drawer with --drawer)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        printer: { type: 'string' },
        type: { type: 'string' },
        width: { type: 'string' },
        columns: { type: 'string' },
        mode: { type: 'string' },
        codepage: { type: 'string' },
        drawer: { type: 'boolean', default: false },
        store: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!values.printer)
      throw new UsageError('Say which printer: --printer tcp://host:9100 (see --help).');
    const input: PrinterSettingsInput = { url: values.printer, name: 'Test printer' };
    if (values.type !== undefined) input.type = values.type;
    if (values.mode !== undefined) input.mode = values.mode;
    if (values.codepage !== undefined) input.codepage = values.codepage;
    const width = numberOption(values.width, 'width');
    const columns = numberOption(values.columns, 'columns');
    const timeout = numberOption(values.timeout, 'timeout');
    if (width !== undefined) input.paperWidth = width;
    if (columns !== undefined) input.columns = columns;
    if (timeout !== undefined) input.timeoutMs = timeout;
    const created = createReceiptPrinter(input);
    if (!created.ok) throw new UsageError(created.message);
    const printer = created.value;
    const receipt = buildTestReceipt({
      storeName: values.store ?? 'Omnitill',
      locale: 'vi-VN',
      currency: 'VND',
      now: new Date(),
      printerLabel: `${printer.settings.type.toUpperCase()} ${printer.settings.paperWidth} mm, ${printer.settings.mode === 'raster' ? 'raster' : printer.settings.codepage}`,
    });
    const printed = await printer.print(receipt);
    if (!printed.ok) {
      io.err(printed.message);
      return 1;
    }
    io.out(`Printed the test receipt on ${printer.settings.url} (${printed.value.bytes} bytes).`);
    if (printed.value.unmapped.length > 0) {
      io.err(
        `Warning: ${printed.value.unmapped.length} character(s) printed as "?" because code page ${printer.settings.codepage} has no place for them: ${[...new Set(printed.value.unmapped)].join(' ')}`,
      );
    }
    if (values.drawer) return kick(printer, io);
    return 0;
  },
};

async function kick(
  printer: { kickDrawer: () => Promise<{ ok: boolean; message?: string }> },
  io: CliIo,
): Promise<number> {
  const kicked = await printer.kickDrawer();
  if (!kicked.ok) {
    io.err(kicked.message ?? 'The cash drawer did not open.');
    return 1;
  }
  io.out('Sent the cash drawer pulse.');
  return 0;
}
