/**
 * The VietQR payments (intents) the server holds, one `intent_<reference>` each in its own
 * database `omnitill-payments` (never replicated, never reachable through /db). Read and written
 * here by the payment ledger and routes (sync-server/payments, api/payment-routes.ts) and by the
 * sale push check that lets a bank-transfer tender land (gate/push-checks): so both sit above it.
 * Created without a revision and changed only with the revision read, so two writers (two
 * requests, two server processes on one CouchDB) never both win (ARCHITECTURE.md rule 4).
 */
import type { PaymentIntent } from '../../src/payments';
import type { DocumentStore, StoredDoc } from './document-store';

export const PAYMENTS_DB = 'omnitill-payments';

export const intentDocId = (reference: string): string => `intent_${reference}`;

/** Another payment already holds the reference. */
export class IntentConflict extends Error {}

export function intentOf(doc: StoredDoc | undefined): PaymentIntent | undefined {
  if (!doc || doc._deleted) return undefined;
  const { _id: _i, _rev: _r, ...intent } = doc;
  return intent as unknown as PaymentIntent;
}

const MAX_ATTEMPTS = 8;

export class PaymentIntents {
  constructor(protected readonly store: DocumentStore) {}

  async init(): Promise<void> {
    await this.store.ensureDatabase(PAYMENTS_DB);
  }

  async intent(reference: string): Promise<PaymentIntent | undefined> {
    const id = intentDocId(reference);
    return intentOf((await this.store.getCurrent(PAYMENTS_DB, [id])).get(id));
  }

  /**
   * Records a new payment. Create-only: the same payment again (store, sale and amount) is a
   * retry, answered with what is stored; another payment under a reference already used is
   * refused.
   */
  async open(intent: PaymentIntent): Promise<{ intent: PaymentIntent; created: boolean }> {
    const [row] = await this.store.bulkDocs(
      PAYMENTS_DB,
      [{ _id: intentDocId(intent.reference), ...intent }],
      true,
    );
    if (row?.ok) return { intent, created: true };
    const stored = await this.intent(intent.reference);
    if (
      stored &&
      stored.storeId === intent.storeId &&
      stored.saleId === intent.saleId &&
      stored.amount === intent.amount
    ) {
      return { intent: stored, created: false };
    }
    throw new IntentConflict(
      `Reference ${intent.reference} is already used for another payment; make a new reference and show a new QR.`,
    );
  }

  /**
   * Changes one intent with `change` (pure: the current intent in, the next one out, or
   * undefined to leave it), retrying on a revision conflict with another writer.
   */
  async update(
    reference: string,
    change: (current: PaymentIntent) => PaymentIntent | undefined,
  ): Promise<PaymentIntent | undefined> {
    const id = intentDocId(reference);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const doc = (await this.store.getCurrent(PAYMENTS_DB, [id])).get(id);
      const current = intentOf(doc);
      if (!current || !doc) return undefined;
      const next = change(current);
      if (!next) return current;
      const [row] = await this.store.bulkDocs(
        PAYMENTS_DB,
        [{ ...next, _id: id, _rev: doc._rev }],
        true,
      );
      if (row?.ok) return next;
      if (row?.error !== 'conflict') throw new Error(`Writing ${id} failed: ${row?.reason}`);
    }
    throw new Error(`${id} kept changing under us; retry.`);
  }

  /** Every intent (the overdue sweep, a device's open payments). */
  async intents(): Promise<PaymentIntent[]> {
    return (await this.store.allDocs(PAYMENTS_DB, 'intent_'))
      .filter((doc) => doc._id.startsWith('intent_'))
      .flatMap((doc) => intentOf(doc) ?? []);
  }
}
