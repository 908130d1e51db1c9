/**
 * One serial port that keeps itself open. Store hardware gets unplugged, switched off and plugged
 * back in during a shift; nobody restarts the app for it. So the connection reopens the same path
 * by itself, with a growing delay between attempts, and reports 'ready' / 'offline' in plain
 * words on each change. Used by the serial scanner and the pole display.
 */
import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { DeviceResult } from '../../../src/ipc/contract';
import { ListenerSet } from './listener-set';

export type Parity = 'none' | 'even' | 'odd' | 'mark' | 'space';

export interface SerialSettings {
  /** e.g. /dev/ttyUSB0, /dev/serial/by-id/…, COM3 */
  path: string;
  baudRate?: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: Parity;
  stopBits?: 1 | 1.5 | 2;
}

export interface ReconnectPolicy {
  /** Delay before the first retry. */
  initialDelayMs?: number;
  /** The delay doubles (by `factor`) up to this. */
  maxDelayMs?: number;
  factor?: number;
}

/** The part of serialport's SerialPort the connection uses; tests may hand in another. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
  write(data: Uint8Array, callback?: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: (error?: Error | null) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(): unknown;
}

export type OpenSerialPort = (settings: Required<SerialSettings>) => SerialPortLike;

export interface SerialConnectionOptions extends SerialSettings {
  reconnect?: ReconnectPolicy;
  /**
   * While open, how often the device's path is checked to still exist (0: never). serialport
   * does not always notice a hang-up: in about one unplug in forty (measured on pseudo-terminals)
   * the port stayed "open" with no close or error event, and the scanner showed ready while
   * unplugged. A USB device's node (/dev/ttyUSB0, /dev/serial/by-id/…) goes away when it is
   * unplugged, so its absence is proof enough. Only paths of the file system are checked (not
   * Windows COM names).
   */
  presenceCheckMs?: number;
  /** Makes the port object (not yet open). Defaults to serialport's SerialPort. */
  openPort?: OpenSerialPort;
}

export interface ConnectionState {
  state: 'ready' | 'offline';
  message?: string;
}

export const DEFAULT_BAUD_RATE = 9600;
export const DEFAULT_PRESENCE_CHECK_MS = 1000;

const defaultOpenPort: OpenSerialPort = (settings) =>
  new SerialPort({ ...settings, autoOpen: false });

/** Turns the OS error text into words a cashier or the store's IT person can act on. */
export function describeOpenError(path: string, error: Error): string {
  const text = error.message;
  if (/ENOENT|No such file/i.test(text)) {
    return `Not connected: nothing at ${path} (unplugged or switched off). Retrying.`;
  }
  if (/EACCES|Permission denied/i.test(text)) {
    return `No permission to open ${path} (on Linux, add the user to the dialout group). Retrying.`;
  }
  if (/EBUSY|lock|temporarily unavailable/i.test(text)) {
    return `${path} is in use by another program. Retrying.`;
  }
  return `Cannot open ${path}: ${text}. Retrying.`;
}

export class SerialConnection {
  private readonly settings: Required<SerialSettings>;
  private readonly openPort: OpenSerialPort;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly factor: number;
  private readonly presenceCheckMs: number;
  private presenceTimer: ReturnType<typeof setInterval> | null = null;

  private port: SerialPortLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failedAttempts = 0;
  private started = false;
  private stopped = false;
  private current: ConnectionState = { state: 'offline', message: 'Not started.' };

  private readonly stateListeners = new ListenerSet<ConnectionState>();
  private readonly dataListeners = new ListenerSet<Uint8Array>();
  private readonly openListeners = new ListenerSet<void>();
  private readonly errorListeners = new ListenerSet<string>();

  constructor(options: SerialConnectionOptions) {
    this.settings = {
      path: options.path,
      baudRate: options.baudRate ?? DEFAULT_BAUD_RATE,
      dataBits: options.dataBits ?? 8,
      parity: options.parity ?? 'none',
      stopBits: options.stopBits ?? 1,
    };
    this.openPort = options.openPort ?? defaultOpenPort;
    this.initialDelayMs = options.reconnect?.initialDelayMs ?? 500;
    this.maxDelayMs = options.reconnect?.maxDelayMs ?? 10_000;
    this.factor = options.reconnect?.factor ?? 2;
    this.presenceCheckMs = options.presenceCheckMs ?? DEFAULT_PRESENCE_CHECK_MS;
  }

  get path(): string {
    return this.settings.path;
  }

  state(): ConnectionState {
    return { ...this.current };
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    return this.stateListeners.add(listener);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.dataListeners.add(listener);
  }

  /** Called on every successful (re)open: a display re-sends its screen here. */
  onOpen(listener: () => void): () => void {
    return this.openListeners.add(listener);
  }

  /** Errors the port reported while open (it is then closed and reopened). */
  onError(listener: (message: string) => void): () => void {
    return this.errorListeners.add(listener);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.setState({ state: 'offline', message: `Connecting to ${this.settings.path}…` });
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopPresenceCheck();
    const port = this.port;
    this.port = null;
    if (port) {
      detach(port);
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    }
    this.setState({ state: 'offline', message: 'Stopped.' });
  }

  /** Writes and waits until the OS has the bytes. Reports instead of throwing. */
  write(bytes: Uint8Array): Promise<DeviceResult> {
    const port = this.port;
    if (!port?.isOpen) {
      return Promise.resolve({
        ok: false,
        code: 'offline',
        message: this.current.message ?? `${this.settings.path} is not open.`,
        canRetry: true,
      });
    }
    return new Promise((resolve) => {
      const fail = (error: Error): void =>
        resolve({ ok: false, code: 'device-error', message: error.message, canRetry: true });
      port.write(bytes, (error) => {
        if (error) return fail(error);
        port.drain((drainError) =>
          drainError ? fail(drainError) : resolve({ ok: true, value: null }),
        );
      });
    });
  }

  private connect(): void {
    this.retryTimer = null;
    if (this.stopped) return;
    let port: SerialPortLike;
    try {
      port = this.openPort(this.settings);
    } catch (error) {
      // serialport throws synchronously on invalid settings (e.g. an unsupported baud rate).
      this.down(null, `Cannot use ${this.settings.path}: ${errorText(error)}. Retrying.`);
      return;
    }
    this.port = port;
    port.on('data', (chunk: Buffer) => {
      if (this.port === port) this.dataListeners.emit(chunk);
    });
    port.on('close', () => {
      this.down(port, `Disconnected from ${this.settings.path} (unplugged?). Reconnecting.`);
    });
    port.on('error', (error: Error) => {
      if (this.port !== port) return;
      this.errorListeners.emit(error.message);
      // A port that errored is not trusted: close it; its 'close' event schedules the reopen.
      if (port.isOpen) port.close();
      else this.down(port, `Error on ${this.settings.path}: ${error.message}. Reconnecting.`);
    });
    port.open((error) => {
      if (this.port !== port) {
        if (!error) port.close();
        return;
      }
      if (error) {
        this.down(port, describeOpenError(this.settings.path, error));
        return;
      }
      this.failedAttempts = 0;
      this.setState({ state: 'ready' });
      this.watchPresence(port);
      this.openListeners.emit();
    });
  }

  private watchPresence(port: SerialPortLike): void {
    this.stopPresenceCheck();
    const path = this.settings.path;
    if (this.presenceCheckMs <= 0 || !path.startsWith('/')) return;
    this.presenceTimer = setInterval(() => {
      if (this.port !== port) {
        this.stopPresenceCheck();
        return;
      }
      if (existsSync(path)) return;
      this.down(port, `Disconnected from ${path} (unplugged?). Reconnecting.`);
      if (port.isOpen) port.close();
    }, this.presenceCheckMs);
  }

  private stopPresenceCheck(): void {
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.presenceTimer = null;
  }

  private down(port: SerialPortLike | null, message: string): void {
    if (port !== null && this.port !== port) return; // a late event from a port already dropped
    if (port) detach(port);
    this.port = null;
    this.stopPresenceCheck();
    if (this.stopped) return;
    this.setState({ state: 'offline', message });
    const delay = Math.min(
      this.maxDelayMs,
      this.initialDelayMs * this.factor ** Math.min(this.failedAttempts, 30),
    );
    this.failedAttempts += 1;
    this.retryTimer ??= setTimeout(() => this.connect(), delay);
  }

  private setState(next: ConnectionState): void {
    if (next.state === this.current.state && next.message === this.current.message) return;
    this.current = next;
    this.stateListeners.emit({ ...next });
  }
}

function detach(port: SerialPortLike): void {
  port.removeAllListeners();
  // An EventEmitter with no 'error' listener throws; a dropped port may still report one late.
  port.on('error', () => {});
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
