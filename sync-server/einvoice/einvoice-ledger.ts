/**
 * Where queued invoices live: the server's own database INTERNAL_DATABASES.einvoices, never
 * replicated, never reachable through /db. `inv_<storeId>_<yyyy-mm-dd>_<saleId>` is one sale's
 * invoice (so a store's day is one id range), created once (a conflict means it exists: one
 * invoice per sale whichever process saw the sale first); every change names the `_rev` it read.
 * `c|<db>` is how far the sales (or returns) feed of <db> was read. `n|<taxCode>|<block>|<nnn>|<8
 * digits>` is one number of the adjusting invoices' sequence, taken by the return it names.
 */
import { INTERNAL_DATABASES } from '../storage/database-layout';
import type { ChangeSeq, DocumentStore, StoredDoc } from '../storage/document-store';
import type { StoredInvoice } from './einvoice-queue-state';

const DB = INTERNAL_DATABASES.einvoices;

export function invoiceId(storeId: string, businessDate: string, saleId: string): string {
  return `inv_${storeId}_${businessDate}_${saleId}`;
}

function bodyOf(doc: StoredDoc | undefined): StoredInvoice | undefined {
  if (!doc || doc._deleted) return undefined;
  const { _id: _i, _rev: _r, ...body } = doc;
  return body as unknown as StoredInvoice;
}

export class EInvoiceLedger {
  constructor(private readonly store: DocumentStore) {}

  async init(): Promise<void> {
    await this.store.ensureDatabase(DB);
  }

  private async read(id: string): Promise<StoredDoc | undefined> {
    const doc = (await this.store.getCurrent(DB, [id])).get(id);
    return doc && !doc._deleted ? doc : undefined;
  }

  async get(id: string): Promise<StoredInvoice | undefined> {
    return bodyOf(await this.read(id));
  }

  /** Creates the entry unless the sale has one; true when this call made it. */
  async create(entry: StoredInvoice): Promise<boolean> {
    const [row] = await this.store.bulkDocs(DB, [{ _id: entry.id, ...entry }], true);
    return row?.ok === true;
  }

  /** The store's invoices, of one day when `businessDate` is given. */
  async list(storeId: string, businessDate?: string): Promise<StoredInvoice[]> {
    const prefix = businessDate ? `inv_${storeId}_${businessDate}_` : `inv_${storeId}_`;
    const docs = await this.store.allDocs(DB, prefix);
    return docs
      .filter((doc) => doc._id.startsWith(prefix))
      .map(bodyOf)
      .filter((entry): entry is StoredInvoice => entry !== undefined);
  }

  /**
   * Changes an entry from what it is now, at the revision read: `undefined` from `change` leaves
   * it. Resolves what was stored, or undefined when the entry is missing or another process
   * changed it first.
   */
  async update(
    id: string,
    change: (current: StoredInvoice) => StoredInvoice | undefined,
  ): Promise<StoredInvoice | undefined> {
    const doc = await this.read(id);
    const current = bodyOf(doc);
    if (!doc || !current) return undefined;
    const next = change(current);
    if (!next) return undefined;
    const [row] = await this.store.bulkDocs(DB, [{ _id: doc._id, _rev: doc._rev, ...next }], true);
    return row?.ok ? next : undefined;
  }

  /**
   * The sequence number of `returnId`'s adjusting invoice under `key` (seller, block, number):
   * the one it took before (a rebuild, a resend or a crash after taking it keeps it), else one
   * more than the highest taken, created once, so numbers are gapless and never shared between
   * two server processes (a conflict reads again and takes the next).
   */
  async adjustmentSequence(key: string, returnId: string): Promise<number> {
    const prefix = `n|${key}|`;
    for (;;) {
      const taken = (await this.store.allDocs(DB, prefix)).filter(
        (doc) => doc._id.startsWith(prefix) && !doc._deleted,
      );
      const mine = taken.find((doc) => doc.returnId === returnId);
      if (mine) return Number(mine._id.slice(prefix.length));
      const highest = Math.max(0, ...taken.map((doc) => Number(doc._id.slice(prefix.length))));
      const next = highest + 1;
      const id = `${prefix}${String(next).padStart(8, '0')}`;
      const [row] = await this.store.bulkDocs(DB, [{ _id: id, returnId }], true);
      if (row?.ok) return next;
    }
  }

  async checkpoint(db: string): Promise<{ since: ChangeSeq | undefined; rev?: string }> {
    const doc = await this.read(`c|${db}`);
    return doc ? { since: doc.since as ChangeSeq, rev: doc._rev } : { since: undefined };
  }

  /** Records how far the feed was read; false when another process moved it meanwhile. */
  async saveCheckpoint(db: string, since: ChangeSeq, rev: string | undefined): Promise<boolean> {
    const [row] = await this.store.bulkDocs(
      DB,
      [{ _id: `c|${db}`, ...(rev ? { _rev: rev } : {}), since }],
      true,
    );
    return row?.ok === true;
  }
}
