/**
 * A customer display with no hardware, for tests: it keeps the lines it would show, laid out
 * exactly as the real pole display lays them out.
 */
import type { CustomerDisplayState, DeviceResult, DeviceStatus } from '../../../src/ipc/contract';
import { ListenerSet } from '../scanner/listener-set';
import { toDisplayAscii } from './ascii-transliterate';
import { DEFAULT_POLE_MESSAGES, layoutPoleDisplay } from './pole-display-layout';
import type { CustomerDisplayAdapter } from './pole-display';

export class FakePoleDisplay implements CustomerDisplayAdapter {
  readonly shown: [string, string][] = [];
  private current: DeviceStatus;
  private readonly statusListeners = new ListenerSet<DeviceStatus>();

  constructor(
    readonly id: string,
    private readonly columns = 20,
  ) {
    this.current = { id, kind: 'display', name: `Fake display ${id}`, state: 'offline' };
  }

  start(): void {
    this.setStatus('ready');
  }

  stop(): Promise<void> {
    this.setStatus('offline', 'Stopped.');
    return Promise.resolve();
  }

  status(): DeviceStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: DeviceStatus) => void): () => void {
    return this.statusListeners.add(listener);
  }

  show(state: CustomerDisplayState): Promise<DeviceResult> {
    if (this.current.state !== 'ready') {
      return Promise.resolve({
        ok: false,
        code: 'offline',
        message: this.current.message ?? 'Display offline.',
        canRetry: true,
      });
    }
    this.shown.push(
      layoutPoleDisplay(state, {
        columns: this.columns,
        messages: DEFAULT_POLE_MESSAGES[state.locale],
        toDisplayText: toDisplayAscii,
      }),
    );
    return Promise.resolve({ ok: true, value: null });
  }

  setStatus(state: 'ready' | 'offline', message?: string): void {
    const next: DeviceStatus = { id: this.id, kind: 'display', name: this.current.name, state };
    if (message !== undefined) next.message = message;
    this.current = next;
    this.statusListeners.emit({ ...next });
  }
}
