/**
 * Owns every scanner of the register and turns their scans into one stream, in arrival order,
 * handled one at a time: the next scan is dispatched only when the handlers of the previous one
 * have finished (a handler may be async, e.g. look a product up), so two quick scans can never
 * add lines to a cart in the wrong order or race each other.
 */
import type { DeviceStatus } from '../../../src/ipc/contract';
import { ListenerSet } from './listener-set';
import type { ScanEvent, ScannerAdapter, ScannerWarning } from './scanner-types';

export type ScanHandler = (scan: ScanEvent) => void | Promise<void>;

interface Owned {
  scanner: ScannerAdapter;
  unsubscribe: (() => void)[];
}

export class ScannerManager {
  private readonly owned = new Map<string, Owned>();
  private readonly handlers = new Set<ScanHandler>();
  private readonly queue: ScanEvent[] = [];
  /** Set synchronously, so a scan that arrives while one is handled only joins the queue. */
  private pumping = false;
  private drained: Promise<void> = Promise.resolve();
  private started = false;
  private readonly statusListeners = new ListenerSet<DeviceStatus>();
  private readonly warningListeners = new ListenerSet<ScannerWarning>();

  constructor(scanners: readonly ScannerAdapter[] = []) {
    for (const scanner of scanners) this.add(scanner);
  }

  /** Adds a scanner; it starts at once if the manager is running. Ids must be unique. */
  add(scanner: ScannerAdapter): void {
    if (this.owned.has(scanner.id)) {
      throw new Error(`A scanner with id "${scanner.id}" is already registered.`);
    }
    const unsubscribe = [
      scanner.onScan((scan) => this.enqueue(scan)),
      scanner.onStatus((status) => this.statusListeners.emit(status)),
      scanner.onWarning((warning) => this.warningListeners.emit(warning)),
    ];
    this.owned.set(scanner.id, { scanner, unsubscribe });
    if (this.started) scanner.start();
  }

  async remove(id: string): Promise<void> {
    const entry = this.owned.get(id);
    if (!entry) return;
    this.owned.delete(id);
    for (const off of entry.unsubscribe) off();
    await entry.scanner.stop();
  }

  start(): void {
    this.started = true;
    for (const { scanner } of this.owned.values()) scanner.start();
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.owned.values()].map(({ scanner }) => scanner.stop()));
  }

  scanners(): ScannerAdapter[] {
    return [...this.owned.values()].map(({ scanner }) => scanner);
  }

  statuses(): DeviceStatus[] {
    return this.scanners().map((scanner) => scanner.status());
  }

  /** Registers a scan handler; returns its unregister function. */
  onScan(handler: ScanHandler): () => void {
    // Wrapped so registering the same function twice gives two independent registrations.
    const entry: ScanHandler = (scan) => handler(scan);
    this.handlers.add(entry);
    return () => {
      this.handlers.delete(entry);
    };
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  onWarning(listener: (warning: ScannerWarning) => void): () => void {
    return this.warningListeners.add(listener);
  }

  /** Resolves when every scan received so far has been handled (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.pumping) await this.drained;
  }

  private enqueue(scan: ScanEvent): void {
    this.queue.push(scan);
    if (this.pumping) return;
    this.pumping = true;
    this.drained = this.pump();
  }

  private async pump(): Promise<void> {
    try {
      for (let scan = this.queue.shift(); scan; scan = this.queue.shift()) {
        await this.dispatch(scan);
      }
    } finally {
      // Cleared in the same step that found the queue empty: no scan can slip in between.
      this.pumping = false;
    }
  }

  private async dispatch(scan: ScanEvent): Promise<void> {
    for (const handler of [...this.handlers]) {
      try {
        await handler(scan);
      } catch (error) {
        this.warningListeners.emit({
          scannerId: scan.scannerId,
          code: 'handler-error',
          message: `A scan handler failed on "${scan.raw}": ${error instanceof Error ? error.message : String(error)}`,
          at: new Date().toISOString(),
        });
      }
    }
  }
}
