/**
 * A receipt printer that prints into memory, for tests and for running the app with no
 * hardware. Its condition can be set, so the queue and the UI can be driven through paper-out,
 * offline and recovery without a device.
 */
import type { DeviceResult, DeviceStatus } from '../../../src/ipc/contract';
import type { Receipt } from '../../../src/receipt/model';
import { layoutReceipt, layoutText } from '../../../src/receipt/receipt-layout';
import type { ReceiptColumns } from '../../../src/receipt/receipt-layout';
import { MESSAGES } from './printer-status';
import type { DrawerPin } from './printer-settings';
import { failure } from './receipt-printer';
import type { PrintReport, ReceiptPrinter } from './receipt-printer';

export type FakePrinterState = 'ready' | 'offline' | 'paper-out' | 'cover-open';

export class FakeReceiptPrinter implements ReceiptPrinter {
  readonly id = 'fake-printer';
  readonly name = 'Fake receipt printer';
  state: FakePrinterState = 'ready';
  readonly printed: { receipt: Receipt; lines: string[] }[] = [];
  readonly drawerKicks: { pin: DrawerPin; onMs: number; offMs: number }[] = [];

  constructor(private readonly columns: ReceiptColumns = 48) {}

  print(receipt: Receipt): Promise<DeviceResult<PrintReport>> {
    const problem = this.problem();
    if (problem) return Promise.resolve(problem);
    const lines = layoutText(layoutReceipt(receipt, this.columns));
    this.printed.push({ receipt, lines });
    return Promise.resolve({ ok: true, value: { bytes: lines.join('\n').length, unmapped: [] } });
  }

  status(): Promise<DeviceStatus> {
    const problem = this.problem();
    const status: DeviceStatus = {
      id: this.id,
      kind: 'printer',
      name: this.name,
      state: this.state,
    };
    if (problem) status.message = problem.message;
    return Promise.resolve(status);
  }

  kickDrawer(pin: DrawerPin = 2, onMs = 50, offMs = 500): Promise<DeviceResult> {
    const problem = this.state === 'offline' ? this.problem() : null;
    if (problem) return Promise.resolve(problem);
    this.drawerKicks.push({ pin, onMs, offMs });
    return Promise.resolve({ ok: true, value: null });
  }

  private problem(): Extract<DeviceResult, { ok: false }> | null {
    switch (this.state) {
      case 'ready':
        return null;
      case 'offline':
        return failure('offline', 'The fake receipt printer is switched off. Press Retry.', true);
      case 'paper-out':
        return failure('paper-out', MESSAGES.paperOut, true);
      case 'cover-open':
        return failure('cover-open', MESSAGES.coverOpen, true);
    }
  }
}
