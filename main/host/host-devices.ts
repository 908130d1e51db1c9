/**
 * The store hardware one register drives, made from its configuration: the receipt printer
 * behind a durable print queue, the cash drawer on the printer's port, serial scanners and a
 * pole display. Each is optional; what is not configured reports `not-configured`.
 */
import type { DeviceStatus } from '../../src/ipc/contract';
import { PoleDisplay } from '../devices/display';
import { PrintQueue } from '../devices/print-queue';
import { createReceiptPrinter } from '../devices/printer';
import type { ReceiptPrinter } from '../devices/printer/receipt-printer';
import { ScannerManager, SerialScanner } from '../devices/scanner';
import type { RegisterConfig } from './host-options';

export interface HostDevices {
  printer: ReceiptPrinter | null;
  /** Why the configured printer could not be set up, in words. */
  printerProblem: string | null;
  queue: PrintQueue;
  scanners: ScannerManager;
  poleDisplay: PoleDisplay | null;
  statuses(): Promise<DeviceStatus[]>;
  close(): Promise<void>;
}

export async function openHostDevices(
  config: RegisterConfig,
  dataDir: string,
): Promise<HostDevices> {
  let printer: ReceiptPrinter | null = null;
  let printerProblem: string | null = null;
  if (config.printer) {
    const made = createReceiptPrinter({
      id: 'printer',
      url: config.printer.url,
      type: config.printer.type,
      paperWidth: config.printer.widthMm,
      mode: config.printer.mode,
      codepage: config.printer.codepage,
      drawer: config.printer.drawer,
    });
    if (made.ok) printer = made.value;
    else printerProblem = made.message;
  }
  const queue = await PrintQueue.open({ dataDir, printer: () => printer });

  const scanners = new ScannerManager(
    config.scanners.map(
      (scanner) =>
        new SerialScanner({ id: scanner.id, path: scanner.path, baudRate: scanner.baudRate }),
    ),
  );
  scanners.start();

  const poleDisplay = config.poleDisplay
    ? new PoleDisplay({
        id: 'pole-display',
        path: config.poleDisplay.path,
        baudRate: config.poleDisplay.baudRate,
      })
    : null;
  poleDisplay?.start();

  return {
    printer,
    printerProblem,
    queue,
    scanners,
    poleDisplay,
    async statuses() {
      const printerStatus: DeviceStatus = printer
        ? await printer.status()
        : {
            id: 'printer',
            kind: 'printer',
            name: config.printer?.url ?? 'Receipt printer',
            state: config.printer ? 'error' : 'not-configured',
            message: printerProblem ?? 'No receipt printer is set up.',
          };
      return [
        printerStatus,
        ...scanners.statuses(),
        ...(poleDisplay ? [poleDisplay.status()] : []),
      ];
    },
    async close() {
      await queue.idle();
      await scanners.stop();
      await poleDisplay?.stop();
    },
  };
}
