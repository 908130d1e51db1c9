/**
 * Where VietQR payments wait and what the banks said about them, in the server's own database
 * (never replicated, never reachable through /db): one `intent_<reference>` per payment a
 * register showed a QR for, and one `txn_<source>_<transaction id>` per transfer a service
 * reported. Both ids are derived from what they are about, so a second write of the same thing
 * conflicts in the database itself: two server processes on one CouchDB, or a restart between a
 * retry and the next, never confirm a transfer twice (ARCHITECTURE.md rule 4: serialised through
 * document revisions, never in one process's memory).
 */
import { intentAfter, judgeTransfer, referencesIn } from '../../src/payments';
import type { BankNotification, PaymentIntent, TransferVerdict } from '../../src/payments';
import type { DocumentStore, StoredDoc } from '../storage/document-store';
import {
  intentDocId as intentId,
  intentOf,
  PAYMENTS_DB,
  PaymentIntents,
} from '../storage/payment-intents';
import type { FlagDraft } from '../gate/push-checks/push-check';

export { IntentConflict, PAYMENTS_DB } from '../storage/payment-intents';

const transactionDocId = (source: string, transactionId: string) =>
  `txn_${source}_${encodeURIComponent(transactionId)}`;

/** The notification as first recorded (a repeat is judged on what arrived first). */
function recordedNotification(doc: StoredDoc): BankNotification {
  const { _id: _i, _rev: _r, receivedAt: _at, ...notification } = doc;
  return notification as unknown as BankNotification;
}

/** What happened to a notification, as the webhook answers it. */
export interface ReceiveResult {
  /** The same transaction was reported before (a service's retry, or a replay). */
  duplicate: boolean;
  verdict: TransferVerdict;
}

const MAX_ATTEMPTS = 8;

/** The payments (storage/payment-intents.ts) and what the banks said about them. */
export class PaymentLedger extends PaymentIntents {
  constructor(
    store: DocumentStore,
    private readonly raiseFlags: (flags: readonly FlagDraft[]) => Promise<void>,
  ) {
    super(store);
  }

  /**
   * One transfer a service reported: recorded once by its transaction id, then judged against
   * the intents its text names, the intent settled and flags raised as the verdict says. A
   * repeat is judged again (so a crash between recording and settling heals on the service's
   * retry) but can only ever find the transfer already applied.
   */
  async receive(notification: BankNotification, now: string): Promise<ReceiveResult> {
    const txnId = transactionDocId(notification.source, notification.transactionId);
    const [row] = await this.store.bulkDocs(
      PAYMENTS_DB,
      [{ _id: txnId, ...notification, receivedAt: now }],
      true,
    );
    if (!row?.ok && row?.error !== 'conflict') {
      throw new Error(`Recording ${txnId} failed: ${row?.reason}`);
    }
    const duplicate = !row.ok;
    // A repeat whose body differs from the first delivery is judged on the first: the record is
    // what was accepted, and one transaction id never means two transfers.
    const recorded = duplicate
      ? (await this.store.getCurrent(PAYMENTS_DB, [txnId])).get(txnId)
      : undefined;
    const accepted = recorded ? recordedNotification(recorded) : notification;
    const verdict = await this.settle(accepted, now);
    await this.raiseFlags(flagsFor(verdict, accepted, txnId, await this.storeOf(verdict)));
    return { duplicate, verdict };
  }

  private async settle(notification: BankNotification, now: string): Promise<TransferVerdict> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const { intents, revs } = await this.intentsNamedIn(notification);
      const verdict = judgeTransfer(notification, intents);
      if (verdict.kind !== 'settles' && verdict.kind !== 'matches-manual') return verdict;
      const intent = intents.get(verdict.reference);
      const after = intent && intentAfter(intent, verdict, notification, now);
      if (!after) return verdict;
      const id = intentId(verdict.reference);
      const [row] = await this.store.bulkDocs(
        PAYMENTS_DB,
        [{ ...after, _id: id, _rev: revs.get(verdict.reference) }],
        true,
      );
      if (row?.ok) return verdict;
      if (row?.error !== 'conflict') throw new Error(`Writing ${id} failed: ${row?.reason}`);
      // Another process changed the intent meanwhile: judge again on what it wrote.
    }
    throw new Error('The payment kept changing under us; the notification will be retried.');
  }

  /** The intents the transfer's text names, with the revision each was read at. */
  private async intentsNamedIn(notification: BankNotification) {
    const references = referencesIn(notification.content);
    const intents = new Map<string, PaymentIntent>();
    const revs = new Map<string, string>();
    if (references.length === 0) return { intents, revs };
    const docs = await this.store.getCurrent(PAYMENTS_DB, references.map(intentId));
    for (const reference of references) {
      const doc = docs.get(intentId(reference));
      const intent = intentOf(doc);
      if (!intent || !doc) continue;
      intents.set(reference, intent);
      revs.set(reference, doc._rev);
    }
    return { intents, revs };
  }

  private async storeOf(verdict: TransferVerdict): Promise<string | undefined> {
    return 'reference' in verdict ? (await this.intent(verdict.reference))?.storeId : undefined;
  }
}

/** The flags a verdict raises: what a person must look at (refund, chase, match by hand). */
export function flagsFor(
  verdict: TransferVerdict,
  notification: BankNotification,
  txnDocId: string,
  storeId: string | undefined,
): FlagDraft[] {
  const money = `${notification.amount.toLocaleString('vi-VN')} ₫`;
  const documents = [
    { db: PAYMENTS_DB, id: txnDocId },
    ...('reference' in verdict ? [{ db: PAYMENTS_DB, id: intentId(verdict.reference) }] : []),
  ];
  const base = {
    key: `${notification.source}-${notification.transactionId}`,
    documents,
    ...(storeId === undefined ? {} : { storeId }),
  };
  const from = `transfer ${notification.transactionId} (${money}, "${notification.content.slice(0, 80)}")`;
  switch (verdict.kind) {
    case 'settles':
    case 'matches-manual':
    case 'already':
      return [];
    case 'no-reference':
    case 'unknown-reference':
      return [
        {
          ...base,
          kind: 'payment-unmatched',
          summary: `No waiting payment matches ${from}; find the sale by the amount and time, or refund it.`,
        },
      ];
    case 'amount-mismatch':
      return [
        {
          ...base,
          kind: 'payment-amount-mismatch',
          summary: `${from} was for ${verdict.reference}, which expects ${verdict.expected.toLocaleString('vi-VN')} ₫; collect the difference or refund.`,
        },
      ];
    case 'paid-twice':
      return [
        {
          ...base,
          kind: 'payment-paid-twice',
          summary: `${from} pays ${verdict.reference} a second time (first: ${verdict.firstTransactionId}); refund one.`,
        },
      ];
    case 'sale-paid-otherwise':
      return [
        {
          ...base,
          kind: 'payment-sale-paid-otherwise',
          summary: `${from} is for ${verdict.reference}, a sale paid another way; refund the transfer.`,
        },
      ];
  }
}
