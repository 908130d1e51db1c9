/**
 * A scanner with no hardware, for tests and demos: the test says what was scanned and when the
 * cable comes out, and everything downstream (manager, IPC, cart) sees a normal scanner.
 */
import type { DeviceStatus } from '../../../src/ipc/contract';
import { ListenerSet } from './listener-set';
import type { ScanEvent, ScannerAdapter, ScannerWarning } from './scanner-types';

export class FakeScanner implements ScannerAdapter {
  private current: DeviceStatus;
  private readonly scanListeners = new ListenerSet<ScanEvent>();
  private readonly statusListeners = new ListenerSet<DeviceStatus>();
  private readonly warningListeners = new ListenerSet<ScannerWarning>();
  started = false;

  constructor(
    readonly id: string,
    name = `Fake scanner ${id}`,
  ) {
    this.current = { id, kind: 'scanner', name, state: 'offline', message: 'Not started.' };
  }

  start(): void {
    this.started = true;
    this.setStatus('ready');
  }

  stop(): Promise<void> {
    this.started = false;
    this.setStatus('offline', 'Stopped.');
    return Promise.resolve();
  }

  status(): DeviceStatus {
    return { ...this.current };
  }

  /** Plays a scan as if the hardware had sent it (ignored while offline, like a real one). */
  scan(raw: string, at: Date = new Date()): void {
    if (this.current.state !== 'ready') return;
    this.scanListeners.emit({ scannerId: this.id, raw, at: at.toISOString() });
  }

  warn(code: ScannerWarning['code'], message: string): void {
    this.warningListeners.emit({ scannerId: this.id, code, message, at: new Date().toISOString() });
  }

  setStatus(state: 'ready' | 'offline', message?: string): void {
    const next: DeviceStatus = { id: this.id, kind: 'scanner', name: this.current.name, state };
    if (message !== undefined) next.message = message;
    this.current = next;
    this.statusListeners.emit({ ...next });
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
}
