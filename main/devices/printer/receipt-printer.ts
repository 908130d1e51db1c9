/**
 * The receipt printer as the rest of the app sees it. Like every device adapter it reports
 * instead of throwing: each call resolves to a DeviceResult the UI can show, with whether a
 * retry may help. Drivers (ESC/POS over TCP, serial, USB device file) and the fake used in
 * tests implement this.
 */
import type { DeviceResult, DeviceStatus } from '../../../src/ipc/contract';
import type { Receipt } from '../../../src/receipt/model';
import type { DrawerPin } from './printer-settings';

export interface PrintReport {
  /** Bytes sent to the printer. */
  bytes: number;
  /** Characters the printer's code page could not show, printed as '?'. */
  unmapped: string[];
}

export interface ReceiptPrinter {
  readonly id: string;
  readonly name: string;
  print(receipt: Receipt): Promise<DeviceResult<PrintReport>>;
  status(): Promise<DeviceStatus>;
  /** Pulses the drawer port; omitted arguments come from the printer's drawer settings. */
  kickDrawer(pin?: DrawerPin, onMs?: number, offMs?: number): Promise<DeviceResult>;
}

export function failure(
  code: Extract<DeviceResult, { ok: false }>['code'],
  message: string,
  canRetry: boolean,
): Extract<DeviceResult, { ok: false }> {
  return { ok: false, code, message, canRetry };
}
