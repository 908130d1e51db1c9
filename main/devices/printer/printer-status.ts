/**
 * Reads DLE EOT answers and words every failure for the cashier. Each answer byte has fixed
 * bits (bit 1 and bit 4 set, bits 0 and 7 clear), which tells a real status byte from noise.
 */
import type { DeviceErrorCode, DeviceState } from '../../../src/ipc/contract';

export interface StatusBytes {
  /** DLE EOT 1: printer status. */
  printer: number | null;
  /** DLE EOT 2: offline cause. */
  offlineCause: number | null;
  /** DLE EOT 4: roll paper sensor. */
  paper: number | null;
}

export interface PrinterCondition {
  state: Extract<DeviceState, 'ready' | 'offline' | 'paper-out' | 'cover-open' | 'error'>;
  message?: string;
}

export function isStatusByte(value: number | null): value is number {
  return value !== null && (value & 0x93) === 0x12;
}

export const MESSAGES = {
  paperOut: 'The receipt printer is out of paper. Load a new roll, then press Retry.',
  coverOpen: 'The receipt printer cover is open. Close it, then press Retry.',
  offline:
    'The receipt printer is offline (an error, or the feed button is held). Check its lights, then press Retry.',
  error: 'The receipt printer reports an error. Turn it off and on again, then press Retry.',
  paperLow: 'The receipt paper is running low. Have a new roll ready.',
} as const;

export function unreachableMessage(kind: 'tcp' | 'serial' | 'file', where: string): string {
  switch (kind) {
    case 'tcp':
      return `The receipt printer at ${where} does not answer. Check it is on and connected, then press Retry.`;
    case 'serial':
      return `The receipt printer on ${where} does not answer. Check it is on and its cable is plugged in, then press Retry.`;
    case 'file':
      return `The receipt printer at ${where} is not connected. Check it is on and its USB cable is plugged in, then press Retry.`;
  }
}

export function interpretStatus(bytes: StatusBytes): PrinterCondition {
  const { printer, offlineCause, paper } = bytes;
  if (isStatusByte(offlineCause) && offlineCause & 0x04) {
    return { state: 'cover-open', message: MESSAGES.coverOpen };
  }
  if (
    (isStatusByte(paper) && paper & 0x60) ||
    (isStatusByte(offlineCause) && offlineCause & 0x20)
  ) {
    return { state: 'paper-out', message: MESSAGES.paperOut };
  }
  if (isStatusByte(offlineCause) && offlineCause & 0x40) {
    return { state: 'error', message: MESSAGES.error };
  }
  if (isStatusByte(printer) && printer & 0x08) {
    return { state: 'offline', message: MESSAGES.offline };
  }
  if (isStatusByte(paper) && paper & 0x0c) return { state: 'ready', message: MESSAGES.paperLow };
  return { state: 'ready' };
}

export function errorCodeFor(state: PrinterCondition['state']): DeviceErrorCode {
  switch (state) {
    case 'paper-out':
      return 'paper-out';
    case 'cover-open':
      return 'cover-open';
    case 'offline':
      return 'offline';
    case 'error':
    case 'ready':
      return 'device-error';
  }
}
