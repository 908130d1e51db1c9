/**
 * Where e-receipts live, in the server's own database (never replicated, never reachable
 * through /db): `tok_<token>` maps a receipt page's token to its sale, `sale_<saleId>` names the
 * sale's current token, `msg_<id>` is one message to send, `pref_<customerId>` what a customer
 * agreed to receive receipts by. Creation is create-only in the database (a conflict means it
 * exists), and every change names the `_rev` it read, so two server processes on one CouchDB never
 * make two tokens for a sale, queue a send twice or deliver one message twice.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EReceiptMessage, EReceiptPreference } from '../../src/notifications';
import type { DocumentStore, StoredDoc } from '../storage/document-store';

export const E_RECEIPTS_DB = 'omnitill-ereceipts';

export interface ReceiptToken {
  token: string;
  saleId: string;
  storeId: string;
  createdAt: string;
  revokedAt?: string;
}

/** A message with its token (the register never sees the token through the message). */
export interface StoredMessage extends EReceiptMessage {
  token: string;
  /** The attempt running now: the process that wrote it is the one sending. */
  claim?: string;
}

/** 144 random bits as base64url: 24 characters, nothing to do with the sale id. */
export function newReceiptToken(): string {
  return randomBytes(18).toString('base64url');
}

/** The message id for a register's send: the same store and key give the same message. */
export function messageIdOf(storeId: string, idempotencyKey: string): string {
  return createHash('sha256').update(`${storeId}\n${idempotencyKey}`).digest('hex').slice(0, 32);
}

function bodyOf<T>(doc: StoredDoc | undefined): T | undefined {
  if (!doc || doc._deleted) return undefined;
  const { _id: _i, _rev: _r, ...body } = doc;
  return body as unknown as T;
}

/** Another send already holds the idempotency key. */
export class MessageConflict extends Error {}

export class EReceiptLedger {
  constructor(private readonly store: DocumentStore) {}

  async init(): Promise<void> {
    await this.store.ensureDatabase(E_RECEIPTS_DB);
  }

  private async read(id: string): Promise<StoredDoc | undefined> {
    const doc = (await this.store.getCurrent(E_RECEIPTS_DB, [id])).get(id);
    return doc && !doc._deleted ? doc : undefined;
  }

  private async create(id: string, body: object): Promise<boolean> {
    const [row] = await this.store.bulkDocs(E_RECEIPTS_DB, [{ _id: id, ...body }], true);
    return row?.ok === true;
  }

  /** A live token (not revoked), or undefined: the page cannot tell the two apart. */
  async tokenRecord(token: string): Promise<ReceiptToken | undefined> {
    const record = bodyOf<ReceiptToken>(await this.read(`tok_${token}`));
    return record && !record.revokedAt ? record : undefined;
  }

  /** The sale's token, made on first use; one per sale, whichever process asks first. */
  async tokenFor(saleId: string, storeId: string, now: string): Promise<string> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = bodyOf<{ token: string }>(await this.read(`sale_${saleId}`));
      if (current) return current.token;
      const token = newReceiptToken();
      await this.create(`tok_${token}`, { token, saleId, storeId, createdAt: now });
      if (await this.create(`sale_${saleId}`, { token, saleId })) return token;
      // Another process named its token first: ours is never handed out, so revoke it.
      await this.revokeToken(token, now);
    }
    throw new Error(`Could not make a receipt link for ${saleId}; try again.`);
  }

  private async revokeToken(token: string, now: string): Promise<void> {
    const doc = await this.read(`tok_${token}`);
    if (doc) await this.store.bulkDocs(E_RECEIPTS_DB, [{ ...doc, revokedAt: now }], true);
  }

  /** Revokes the sale's link; the next send makes a new one. False when it had none. */
  async revokeSaleLink(saleId: string, now: string): Promise<boolean> {
    const mapping = await this.read(`sale_${saleId}`);
    const token = bodyOf<{ token: string }>(mapping)?.token;
    if (!mapping || !token) return false;
    await this.revokeToken(token, now);
    await this.store.bulkDocs(E_RECEIPTS_DB, [{ ...mapping, _deleted: true }], true);
    return true;
  }

  async message(id: string): Promise<StoredMessage | undefined> {
    return bodyOf<StoredMessage>(await this.read(`msg_${id}`));
  }

  /**
   * Queues a message, once per id. The same request again answers what is stored; another
   * sale, channel or address under the same key is refused.
   */
  async enqueue(message: StoredMessage): Promise<{ message: StoredMessage; created: boolean }> {
    if (await this.create(`msg_${message.id}`, message)) return { message, created: true };
    const stored = await this.message(message.id);
    if (
      stored &&
      stored.saleId === message.saleId &&
      stored.channel === message.channel &&
      stored.to === message.to
    ) {
      return { message: stored, created: false };
    }
    throw new MessageConflict(
      'This idempotency key was used for another e-receipt; send with a new key.',
    );
  }

  /** How many messages were queued for a sale (reads every message, as `due` does). */
  async countForSale(saleId: string): Promise<number> {
    const docs = await this.store.allDocs(E_RECEIPTS_DB, 'msg_');
    return docs.filter((doc) => !doc._deleted && doc.saleId === saleId).length;
  }

  /** Messages whose next attempt is due, or whose attempt was left running by a dead process. */
  async due(now: number, staleSendingMs: number): Promise<StoredMessage[]> {
    const docs = await this.store.allDocs(E_RECEIPTS_DB, 'msg_');
    return docs
      .filter((doc) => doc._id.startsWith('msg_'))
      .map((doc) => bodyOf<StoredMessage>(doc))
      .filter((message): message is StoredMessage => {
        if (!message) return false;
        if (message.status === 'queued') {
          return Date.parse(message.nextAttemptAt ?? message.createdAt) <= now;
        }
        return (
          message.status === 'sending' &&
          Date.parse(message.nextAttemptAt ?? message.createdAt) + staleSendingMs <= now
        );
      });
  }

  /**
   * Changes a message from what it is now, at the revision read: `undefined` from `change`
   * leaves it. Resolves the stored result, or undefined when another process changed it first.
   */
  async update(
    id: string,
    change: (current: StoredMessage) => StoredMessage | undefined,
  ): Promise<StoredMessage | undefined> {
    const doc = await this.read(`msg_${id}`);
    const current = bodyOf<StoredMessage>(doc);
    if (!doc || !current) return undefined;
    const next = change(current);
    if (!next) return current;
    const [row] = await this.store.bulkDocs(
      E_RECEIPTS_DB,
      [{ _id: doc._id, _rev: doc._rev, ...next }],
      true,
    );
    return row?.ok ? next : undefined;
  }

  async preference(customerId: string): Promise<EReceiptPreference | undefined> {
    return bodyOf<EReceiptPreference>(await this.read(`pref_${customerId}`));
  }

  /** The customer's latest consent replaces the one before. */
  async remember(preference: EReceiptPreference): Promise<void> {
    const id = `pref_${preference.customerId}`;
    const current = await this.read(id);
    await this.store.bulkDocs(
      E_RECEIPTS_DB,
      [{ _id: id, ...(current ? { _rev: current._rev } : {}), ...preference }],
      true,
    );
  }
}
