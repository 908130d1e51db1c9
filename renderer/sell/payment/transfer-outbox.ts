/**
 * Payments a supervisor confirmed by hand while the server could not be reached: the server
 * has no record of them, so the bank's notification would arrive as `payment-unmatched`. They
 * wait here (localStorage, so a restart keeps them) and are recorded (`payments/open`) once the
 * server answers, as docs/PAYMENTS.md asks; the arriving transfer then settles that payment.
 */
import type { Minor } from '../../../src/money';
import type { ServerApi } from '../../platform/server-api';

export interface UnrecordedPayment {
  reference: string;
  saleId: string;
  amount: Minor;
  registerId: string;
}

export const OUTBOX_KEY = 'omnitill.unrecordedTransfers';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function createTransferOutbox(deps: { api: Pick<ServerApi, 'call'>; storage: Storage }) {
  function read(): UnrecordedPayment[] {
    try {
      const saved: unknown = JSON.parse(deps.storage.getItem(OUTBOX_KEY) ?? '[]');
      return Array.isArray(saved) ? (saved as UnrecordedPayment[]) : [];
    } catch {
      return [];
    }
  }
  const write = (list: UnrecordedPayment[]): void =>
    deps.storage.setItem(OUTBOX_KEY, JSON.stringify(list));

  return {
    pending: read,
    add(payment: UnrecordedPayment): void {
      write([...read().filter((entry) => entry.reference !== payment.reference), payment]);
    },
    /** Records what it can; keeps what waits for the network. Resolves with how many are left. */
    async flush(): Promise<number> {
      const tried = read();
      const waiting = new Set<string>();
      for (const payment of tried) {
        const reply = await deps.api.call('payments/open', payment);
        // A refusal (a reference another sale holds) will not change by asking again.
        if (!reply.ok && (reply.offline || reply.status >= 500)) waiting.add(payment.reference);
        else if (!reply.ok) {
          console.warn(`Payment ${payment.reference} was not recorded: ${reply.reason}`);
        }
      }
      // Payments added while this ran stay as well.
      const triedNow = new Set(tried.map((payment) => payment.reference));
      const left = read().filter(
        (payment) => !triedNow.has(payment.reference) || waiting.has(payment.reference),
      );
      write(left);
      return left.length;
    },
  };
}
