/**
 * The ESC/POS (and Star line mode) receipt printer adapter. Before each job it asks the printer
 * for its real-time status where the interface can answer (TCP, serial), so an empty roll or an
 * open cover is reported as such instead of as a job that silently vanished.
 */
import type { DeviceErrorCode, DeviceResult, DeviceStatus } from '../../../src/ipc/contract';
import type { Receipt } from '../../../src/receipt/model';
import { layoutReceipt } from '../../../src/receipt/receipt-layout';
import { drawerKick, realTimeStatus } from './escpos-commands';
import { buildJobBytes } from './escpos-job';
import { interpretStatus, unreachableMessage, errorCodeFor } from './printer-status';
import type { PrinterCondition } from './printer-status';
import { PrinterSettingsError, printableDots, resolvePrinterSettings } from './printer-settings';
import type { DrawerPin, PrinterSettings, PrinterSettingsInput } from './printer-settings';
import { RasterFontError, RasterRenderer } from './raster-renderer';
import { failure } from './receipt-printer';
import type { PrintReport, ReceiptPrinter } from './receipt-printer';
import { FileTransport, TransportError, createTransport, messageOf } from './transports';
import type { PrinterTransport } from './transports';

/** Real-time status answers come within milliseconds; waiting longer only delays the sale. */
const STATUS_ANSWER_MS = 1000;

/** The printer's condition, with the result code to report when it is not ready. */
type Readiness = PrinterCondition & { code?: DeviceErrorCode };

export class EscPosPrinter implements ReceiptPrinter {
  readonly id: string;
  readonly name: string;
  private raster: RasterRenderer | null = null;

  constructor(
    readonly settings: PrinterSettings,
    private readonly transport: PrinterTransport = createTransport(
      settings.address,
      settings.timeoutMs,
    ),
  ) {
    this.id = settings.id;
    this.name = settings.name;
  }

  async print(receipt: Receipt): Promise<DeviceResult<PrintReport>> {
    let job;
    try {
      job = await buildJobBytes(
        layoutReceipt(receipt, this.settings.columns),
        this.settings,
        this.rasterRenderer(),
      );
    } catch (error) {
      if (error instanceof RasterFontError) return failure('not-configured', error.message, false);
      return failure('bad-request', `This receipt cannot be printed: ${messageOf(error)}`, false);
    }
    const condition = await this.condition();
    if (condition.state !== 'ready') {
      return failure(
        condition.code ?? errorCodeFor(condition.state),
        condition.message ?? 'The receipt printer is not ready.',
        true,
      );
    }
    try {
      await this.transport.send(job.bytes);
    } catch (error) {
      return this.transportFailure(error);
    }
    return { ok: true, value: { bytes: job.bytes.length, unmapped: job.unmapped } };
  }

  async status(): Promise<DeviceStatus> {
    const condition = await this.condition();
    const status: DeviceStatus = {
      id: this.id,
      kind: 'printer',
      name: this.name,
      state: condition.state,
    };
    if (condition.message !== undefined) status.message = condition.message;
    return status;
  }

  async kickDrawer(pin?: DrawerPin, onMs?: number, offMs?: number): Promise<DeviceResult> {
    if (pin !== undefined && pin !== 2 && pin !== 5) {
      return failure('bad-request', `Drawer pin ${String(pin)} does not exist. Use 2 or 5.`, false);
    }
    const drawer = {
      pin: pin ?? this.settings.drawer.pin,
      onMs: onMs ?? this.settings.drawer.onMs,
      offMs: offMs ?? this.settings.drawer.offMs,
    };
    try {
      // No ESC @ here: it would wipe a receipt still in the printer's buffer.
      await this.transport.send(drawerKick(this.settings.type, drawer));
      return { ok: true, value: null };
    } catch (error) {
      return this.transportFailure(error);
    }
  }

  private rasterRenderer(): RasterRenderer | null {
    if (this.settings.mode !== 'raster') return null;
    this.raster ??= RasterRenderer.create(
      printableDots(this.settings.paperWidth),
      this.settings.columns,
      this.settings.fontPath,
    );
    return this.raster;
  }

  /** Reachability and, where the interface can answer, DLE EOT paper/cover/offline status. */
  private async condition(): Promise<Readiness> {
    const transport = this.transport;
    try {
      if (transport instanceof FileTransport) {
        await transport.check();
        return { state: 'ready' };
      }
      if (!transport.exchange) return { state: 'ready' };
      // Star line mode has no DLE EOT; opening the connection still proves the printer is there.
      const requests =
        this.settings.type === 'epson'
          ? [realTimeStatus(1), realTimeStatus(2), realTimeStatus(4)]
          : [];
      const [printer = null, offlineCause = null, paper = null] = await transport.exchange(
        requests,
        Math.min(STATUS_ANSWER_MS, this.settings.timeoutMs),
      );
      const silent =
        requests.length > 0 && printer === null && offlineCause === null && paper === null;
      // A serial port opens whether or not a printer is at the other end: silence means "off".
      if (silent && transport.kind === 'serial') {
        return {
          state: 'offline',
          message: unreachableMessage('serial', transport.where),
          code: 'offline',
        };
      }
      return interpretStatus({ printer, offlineCause, paper });
    } catch (error) {
      const result = this.transportFailure(error);
      return { state: 'offline', message: result.message, code: result.code };
    }
  }

  private transportFailure(error: unknown): Extract<DeviceResult, { ok: false }> {
    const where = this.transport.where;
    if (!(error instanceof TransportError)) {
      return failure(
        'device-error',
        `The receipt printer at ${where} failed: ${messageOf(error)}`,
        true,
      );
    }
    switch (error.failure) {
      case 'unreachable':
      case 'timeout':
      case 'not-found':
        return failure('offline', unreachableMessage(this.transport.kind, where), true);
      case 'not-allowed':
        return failure(
          'not-allowed',
          `Omnitill may not use the receipt printer at ${where}. Give the user running Omnitill access to it (on Linux, the lp or dialout group), then press Retry.`,
          true,
        );
      case 'io':
        return failure(
          'device-error',
          `Sending to the receipt printer at ${where} failed (${error.message}). Press Retry.`,
          true,
        );
    }
  }
}

/** Builds the adapter from stored or typed-in settings; bad settings become a plain result. */
export function createReceiptPrinter(input: PrinterSettingsInput): DeviceResult<EscPosPrinter> {
  try {
    return { ok: true, value: new EscPosPrinter(resolvePrinterSettings(input)) };
  } catch (error) {
    if (error instanceof PrinterSettingsError) return failure('bad-request', error.message, false);
    throw error;
  }
}
