/**
 * A barcode scanner on a serial port (RS-232, or USB in CDC/virtual COM mode). Bytes become scans
 * through the ScanFramer; a scan whose terminator never comes is dropped after a quiet-line
 * timeout and reported, never delivered. The port reconnects by itself when unplugged.
 */
import type { DeviceStatus } from '../../../src/ipc/contract';
import { ListenerSet } from './listener-set';
import { ScanFramer } from './scan-framer';
import type { FramerOutput, ScanSuffix } from './scan-framer';
import { SerialConnection } from './serial-connection';
import type {
  ConnectionState,
  OpenSerialPort,
  ReconnectPolicy,
  SerialSettings,
} from './serial-connection';
import type { ScanEvent, ScannerAdapter, ScannerWarning } from './scanner-types';

export interface SerialScannerOptions extends SerialSettings {
  /** Stable id used in events and settings, e.g. 'scanner-1'. */
  id: string;
  /** Shown to staff, e.g. 'Checkout scanner'. */
  name?: string;
  /** Terminator the scanner sends after each scan. Default 'auto' (CR, LF or CR LF). */
  suffix?: ScanSuffix;
  /** Longest accepted scan in bytes. */
  maxLength?: number;
  /**
   * Quiet time after which an unfinished scan is discarded. A scanner sends a whole scan in one
   * go (about 1 ms per byte at 9600 baud), so a gap this long means the rest is not coming.
   */
  interCharTimeoutMs?: number;
  reconnect?: ReconnectPolicy;
  openPort?: OpenSerialPort;
  /** See SerialConnectionOptions.presenceCheckMs. */
  presenceCheckMs?: number;
  /** Clock for the `at` of scans and warnings (tests pin it). */
  now?: () => Date;
}

export const DEFAULT_INTER_CHAR_TIMEOUT_MS = 200;

export class SerialScanner implements ScannerAdapter {
  readonly id: string;
  readonly name: string;
  private readonly connection: SerialConnection;
  private readonly framer: ScanFramer;
  private readonly interCharTimeoutMs: number;
  private readonly now: () => Date;
  private quietTimer: ReturnType<typeof setTimeout> | null = null;

  private readonly warningListeners = new ListenerSet<ScannerWarning>();
  private readonly scanListeners = new ListenerSet<ScanEvent>((error) =>
    this.warn('handler-error', `A scan handler failed: ${String(error)}`),
  );
  private readonly statusListeners = new ListenerSet<DeviceStatus>();

  constructor(options: SerialScannerOptions) {
    this.id = options.id;
    this.name = options.name ?? `Scanner on ${options.path}`;
    this.interCharTimeoutMs = options.interCharTimeoutMs ?? DEFAULT_INTER_CHAR_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
    this.framer = new ScanFramer({ suffix: options.suffix, maxLength: options.maxLength });
    this.connection = new SerialConnection(options);
    this.connection.onData((chunk) => this.receive(chunk));
    this.connection.onState((state) => this.connectionChanged(state));
    this.connection.onError((message) =>
      this.warn('port-error', `The port reported an error: ${message}`),
    );
  }

  get path(): string {
    return this.connection.path;
  }

  start(): void {
    this.connection.start();
  }

  async stop(): Promise<void> {
    this.clearQuietTimer();
    this.framer.reset();
    await this.connection.stop();
  }

  status(): DeviceStatus {
    return this.toStatus(this.connection.state());
  }

  onScan(listener: (scan: ScanEvent) => void): () => void {
    return this.scanListeners.add(listener);
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  onWarning(listener: (warning: ScannerWarning) => void): () => void {
    return this.warningListeners.add(listener);
  }

  private receive(chunk: Uint8Array): void {
    this.clearQuietTimer();
    this.deliver(this.framer.push(chunk));
    if (this.framer.hasPartial) {
      this.quietTimer = setTimeout(() => {
        this.quietTimer = null;
        this.deliver(this.framer.discardPartial());
      }, this.interCharTimeoutMs);
    }
  }

  private deliver(outputs: FramerOutput[]): void {
    for (const output of outputs) {
      if (output.kind === 'scan') {
        this.scanListeners.emit({
          scannerId: this.id,
          raw: output.raw,
          at: this.now().toISOString(),
        });
      } else {
        this.warn(output.code, output.message, output.detail);
      }
    }
  }

  private connectionChanged(state: ConnectionState): void {
    if (state.state !== 'ready') {
      // Bytes from before the cable came out are not the start of the next scan.
      this.clearQuietTimer();
      this.deliver(this.framer.discardPartial());
    }
    this.statusListeners.emit(this.toStatus(state));
  }

  private warn(code: ScannerWarning['code'], message: string, detail?: string): void {
    const warning: ScannerWarning = {
      scannerId: this.id,
      code,
      message,
      at: this.now().toISOString(),
    };
    if (detail !== undefined) warning.detail = detail;
    this.warningListeners.emit(warning);
  }

  private clearQuietTimer(): void {
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = null;
  }

  private toStatus(state: ConnectionState): DeviceStatus {
    const status: DeviceStatus = {
      id: this.id,
      kind: 'scanner',
      name: this.name,
      state: state.state,
    };
    if (state.message !== undefined) status.message = state.message;
    return status;
  }
}
