/**
 * What every scanner adapter (serial, fake, later others) promises the rest of the host. Scans
 * leave the adapter raw: the AIM symbology prefix and GS separators are passed through, because
 * reading them is the classifier's job (src/barcodes), not the transport's.
 */
import type { DeviceEvents, DeviceStatus } from '../../../src/ipc/contract';

/** One scan as it crosses the IPC boundary: `{ scannerId, raw, at }` with `at` an ISO time. */
export type ScanEvent = DeviceEvents['scanner/scan'];

export type ScannerWarningCode =
  /** Bytes that cannot be part of a barcode (control characters, invalid UTF-8). */
  | 'garbage'
  /** A scan started but its terminator never came within the inter-character timeout. */
  | 'incomplete'
  /** A frame grew past the configured maximum length before its terminator. */
  | 'too-long'
  /** The port reported an error (it is closed and reopened). */
  | 'port-error'
  /** A scan handler threw or rejected; the next scan is still delivered. */
  | 'handler-error';

export interface ScannerWarning {
  scannerId: string;
  code: ScannerWarningCode;
  /** Plain words for logs and the device screen. */
  message: string;
  /** The bytes concerned, hex-escaped where not printable, shortened for logs. */
  detail?: string;
  at: string;
}

/** The adapter interface: serial scanners and the test fake both implement it. */
export interface ScannerAdapter {
  readonly id: string;
  /** Starts connecting; failures are reported through onStatus, never thrown. */
  start(): void;
  /** Stops for good: closes the port and cancels any reconnect. */
  stop(): Promise<void>;
  status(): DeviceStatus;
  onScan(listener: (scan: ScanEvent) => void): () => void;
  onStatus(listener: (status: DeviceStatus) => void): () => void;
  onWarning(listener: (warning: ScannerWarning) => void): () => void;
}
