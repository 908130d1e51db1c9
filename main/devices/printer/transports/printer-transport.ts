/**
 * How bytes reach a printer. Transports only move bytes; they throw TransportError, which the
 * printer adapter turns into a DeviceResult with words for the cashier.
 */
import type { PrinterAddress } from '../printer-settings';

export interface PrinterTransport {
  readonly kind: PrinterAddress['kind'];
  /** Where the printer is, in the words used in messages ("192.168.1.50:9100"). */
  readonly where: string;
  /** Sends one whole job and resolves once the bytes have left this machine. */
  send(bytes: Uint8Array): Promise<void>;
  /**
   * Sends each request and waits for a one-byte answer; null for a request nobody answered in
   * time. Absent when the interface cannot read (a USB printer device file).
   */
  exchange?(requests: readonly Uint8Array[], answerTimeoutMs: number): Promise<(number | null)[]>;
}

export type TransportFailure = 'unreachable' | 'not-found' | 'not-allowed' | 'timeout' | 'io';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly causeCode?: string,
  ) {
    super(message);
  }
}

export function failureFromErrno(code: string | undefined): TransportFailure {
  switch (code ?? '') {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return 'not-found';
    case 'EACCES':
    case 'EPERM':
      return 'not-allowed';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unreachable';
    default:
      return 'io';
  }
}

export function errnoOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
