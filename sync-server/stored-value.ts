/**
 * The server as the authority for stored value (ARCHITECTURE.md rule 4): credit notes and gift
 * cards. Balances are derived (src/stored-value) from the ReturnDocs and SaleDocs every store
 * pushes plus the server's own entries in `omnitill-stored-value` (never reachable through /db):
 * gift card issues made by the admin, and holds with their confirmations and releases, so two
 * registers cannot spend the same balance at once. Every step is idempotent, as loyalty holds.
 */
import { createHash } from 'node:crypto';
import { isCurrencyCode } from '../src/money';
import type { Minor } from '../src/money';
import { checkSpend, isCreditNoteNumber, storedValueAccount } from '../src/stored-value';
import type {
  StoredValueAccount,
  StoredValueHold,
  StoredValueHoldView,
  StoredValueIssue,
  StoredValueView,
} from '../src/stored-value';
import { ApiError, badRequest, notFound } from './api-error';
import { amountField, keyField, numberField } from './stored-value-input';
import type { Principal } from './auth';
import { INTERNAL_DATABASES } from './database-layout';
import type { DocumentStore } from './document-store';
import { SerialQueue } from './new-id';
import type { StoredValuePosting } from './index-projections';
import type { ServerContext } from './server-context';
import type { ServerIndex } from './server-index';

const DB = INTERNAL_DATABASES.storedValue;

/** The server's own entries; one document each, never edited. */
export type StoredValueEntry =
  | (Omit<StoredValueIssue, 'type'> & { _id: string; type: 'issue'; idempotencyKey: string })
  | {
      _id: string;
      type: 'hold';
      number: string;
      amount: Minor;
      saleId: string;
      expiresAt: string;
      createdAt: string;
      by: string;
      storeId?: string;
    }
  | { _id: string; type: 'confirm' | 'release'; holdId: string; at: string; by: string };

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
const callerOf = (principal: Principal) => (principal.kind === 'admin' ? 'admin' : principal.id);

export function viewOf(account: StoredValueAccount): StoredValueView {
  const { issues: _issues, redemptions: _redemptions, ...view } = account;
  return view;
}

type HoldEntry = Extract<StoredValueEntry, { type: 'hold' }>;

const confirmationId = (holdId: string) => `svc_${holdId.slice('svh_'.length)}`;
const releaseId = (holdId: string) => `svr_${holdId.slice('svh_'.length)}`;

/**
 * The status of holds, read by id: a confirmation (`svc_…`) closes a hold for good, a release
 * (`svr_…`) only when no confirmation exists. Same rule as the entries were read as a whole.
 */
export async function holdStatuses(
  store: DocumentStore,
  holdIds: readonly string[],
): Promise<Map<string, StoredValueHold['status']>> {
  const closing = await store.getCurrent(DB, [
    ...holdIds.map(confirmationId),
    ...holdIds.map(releaseId),
  ]);
  const live = (id: string) => {
    const doc = closing.get(id);
    return doc !== undefined && !doc._deleted;
  };
  return new Map(
    holdIds.map((holdId) => [
      holdId,
      live(confirmationId(holdId)) ? 'confirmed' : live(releaseId(holdId)) ? 'released' : 'held',
    ]),
  );
}

/**
 * One note's facts and holds from the server index (sv:<number>): the gift card issues and holds
 * of `omnitill-stored-value`, the credit notes and reversals of returns, the redemptions of
 * sales, in that order (database, then id), as the full read gave them.
 */
export async function storedValueAccountOf(
  index: ServerIndex,
  store: DocumentStore,
  number: string,
  now: string,
): Promise<StoredValueAccount> {
  await index.catchUp();
  const postings = await index.postings<StoredValuePosting>('sv', number);
  const facts = postings.flatMap((posting) => posting.value.facts);
  const holdEntries = postings.flatMap((posting) =>
    posting.value.hold ? [posting.value.hold] : [],
  );
  const statuses = await holdStatuses(
    store,
    holdEntries.map((hold) => hold._id),
  );
  const holds = holdEntries.map((entry) => holdOf(entry, statuses.get(entry._id) ?? 'held'));
  return storedValueAccount(number, facts, holds, now);
}

function holdOf(entry: HoldEntry, status: StoredValueHold['status']): StoredValueHold {
  return {
    holdId: entry._id,
    number: entry.number,
    amount: entry.amount,
    saleId: entry.saleId,
    expiresAt: entry.expiresAt,
    status,
  };
}

export class StoredValueService {
  private readonly queue = new SerialQueue();

  constructor(private readonly context: ServerContext) {}

  private async entry(id: string): Promise<StoredValueEntry | undefined> {
    const doc = (await this.context.store.getCurrent(DB, [id])).get(id);
    return doc && !doc._deleted ? (doc as unknown as StoredValueEntry) : undefined;
  }

  private async write(entries: StoredValueEntry[]): Promise<void> {
    const rows = await this.context.store.bulkDocs(DB, entries, true);
    const failed = rows.find((row) => row.error);
    if (failed)
      throw new ApiError(
        500,
        'internal_error',
        `Stored-value write failed: ${failed.reason ?? failed.error}`,
      );
  }

  private accountNow(number: string): Promise<StoredValueAccount> {
    return storedValueAccountOf(
      this.context.index,
      this.context.store,
      number,
      new Date().toISOString(),
    );
  }

  async balance(rawNumber: string): Promise<StoredValueView> {
    const number = numberField(rawNumber, 'number');
    const account = await this.accountNow(number);
    if (account.kind === null) throw notFound(this.unknownReason(number));
    return viewOf(account);
  }

  private unknownReason(number: string): string {
    return isCreditNoteNumber(number)
      ? `No credit note ${number} on the server; check the number on the return receipt, or wait until the store that issued it has synced.`
      : `No gift card ${number} was issued; check the number on the card (gift cards are issued by the head office: POST /api/v1/admin/gift-cards).`;
  }

  /** The admin issues (or tops up, with a new key) a gift card. */
  issueGiftCard(
    body: Record<string, unknown>,
  ): Promise<{ created: boolean; card: StoredValueView }> {
    const number = numberField(body.cardNumber, 'cardNumber');
    if (isCreditNoteNumber(number))
      throw badRequest(
        'cardNumber may not look like a credit note number (ret_…); choose another.',
        {
          field: 'cardNumber',
        },
      );
    const amount = amountField(body.amount);
    const currency = body.currency ?? 'VND';
    if (typeof currency !== 'string' || !isCurrencyCode(currency))
      throw badRequest('currency must be a known ISO 4217 code such as "VND".', {
        field: 'currency',
      });
    const expiresAt = body.expiresAt;
    if (
      expiresAt !== undefined &&
      (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt)))
    )
      throw badRequest(
        'expiresAt must be an ISO 8601 time, or left out for a card that never expires.',
        {
          field: 'expiresAt',
        },
      );
    const idempotencyKey =
      body.idempotencyKey === undefined ? 'activation' : keyField(body.idempotencyKey);
    return this.queue.run(async () => {
      const id = `svi_${hash(`${number}\u0000${idempotencyKey}`)}`;
      const existing = await this.entry(id);
      if (existing) {
        if (
          existing.type !== 'issue' ||
          existing.amount !== amount ||
          existing.currency !== currency
        )
          throw new ApiError(
            409,
            'idempotency_conflict',
            `Gift card ${number} was already issued under idempotencyKey "${idempotencyKey}" with another amount; send a new idempotencyKey to top it up.`,
          );
        return { created: false, card: viewOf(await this.accountNow(number)) };
      }
      const before = await this.accountNow(number);
      if (before.currency && before.currency !== currency)
        throw badRequest(
          `Gift card ${number} holds ${before.currency}; top it up in ${before.currency}.`,
          {
            field: 'currency',
          },
        );
      const at = new Date().toISOString();
      const issue: StoredValueEntry = {
        _id: id,
        type: 'issue',
        kind: 'gift-card',
        number,
        amount,
        currency,
        at,
        sourceId: id,
        idempotencyKey,
        ...(typeof expiresAt === 'string' ? { expiresAt: new Date(expiresAt).toISOString() } : {}),
      };
      await this.write([issue]);
      return { created: true, card: viewOf(await this.accountNow(number)) };
    });
  }

  hold(
    principal: Principal,
    body: Record<string, unknown>,
  ): Promise<{ created: boolean; hold: StoredValueHoldView }> {
    const number = numberField(body.number, 'number');
    const amount = amountField(body.amount);
    const idempotencyKey = keyField(body.idempotencyKey);
    if (typeof body.saleId !== 'string' || !body.saleId || body.saleId.length > 128)
      throw badRequest('saleId is required: the id of the sale the note pays for.', {
        field: 'saleId',
      });
    const saleId = body.saleId;
    const currency =
      typeof body.currency === 'string' && isCurrencyCode(body.currency)
        ? body.currency
        : undefined;
    return this.queue.run(async () => {
      const holdId = `svh_${hash(`${callerOf(principal)}\u0000${idempotencyKey}`)}`;
      const account = await this.accountNow(number);
      const existing = await this.entry(holdId);
      if (existing) {
        if (existing.type !== 'hold' || existing.number !== number || existing.amount !== amount)
          throw new ApiError(
            409,
            'idempotency_conflict',
            `idempotencyKey ${idempotencyKey} was already used for another hold; use a new key.`,
          );
        return { created: false, hold: await this.holdView(existing, account) };
      }
      if (account.kind === null) throw notFound(this.unknownReason(number));
      const check = checkSpend(account, amount, currency);
      if (!check.ok) {
        const code =
          check.code === 'expired'
            ? 'expired'
            : check.code === 'insufficient-balance'
              ? 'insufficient_balance'
              : 'bad_request';
        throw new ApiError(code === 'bad_request' ? 400 : 409, code, check.message, {
          available: check.available,
        });
      }
      const now = Date.now();
      const hold: HoldEntry = {
        _id: holdId,
        type: 'hold',
        number,
        amount,
        saleId,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + this.context.holdTtlMs).toISOString(),
        by: callerOf(principal),
        ...(principal.kind === 'device' ? { storeId: principal.storeId } : {}),
      };
      await this.write([hold]);
      return { created: true, hold: await this.holdView(hold, await this.accountNow(number)) };
    });
  }

  confirm(principal: Principal, holdId: string): Promise<StoredValueHoldView> {
    return this.queue.run(async () => {
      const hold = await this.findHold(holdId);
      const status = await this.statusOf(holdId);
      if (status === 'released')
        throw new ApiError(409, 'hold_released', `Hold ${holdId} was released; place a new hold.`);
      if (status === 'held') {
        if (hold.expiresAt <= new Date().toISOString()) {
          await this.write([this.closing('release', holdId, principal)]);
          throw new ApiError(
            409,
            'hold_expired',
            `Hold ${holdId} expired before it was confirmed; place a new hold.`,
          );
        }
        await this.write([this.closing('confirm', holdId, principal)]);
      }
      return this.holdView(hold, await this.accountNow(hold.number));
    });
  }

  release(principal: Principal, holdId: string): Promise<StoredValueHoldView> {
    return this.queue.run(async () => {
      const hold = await this.findHold(holdId);
      const status = await this.statusOf(holdId);
      if (status === 'confirmed')
        throw new ApiError(
          409,
          'hold_confirmed',
          `Hold ${holdId} was confirmed: the sale spent it. Return the goods to give the value back.`,
        );
      if (status === 'held') await this.write([this.closing('release', holdId, principal)]);
      return this.holdView(hold, await this.accountNow(hold.number));
    });
  }

  private closing(
    type: 'confirm' | 'release',
    holdId: string,
    principal: Principal,
  ): StoredValueEntry {
    return {
      _id: type === 'confirm' ? confirmationId(holdId) : releaseId(holdId),
      type,
      holdId,
      at: new Date().toISOString(),
      by: callerOf(principal),
    };
  }

  private async findHold(holdId: string): Promise<HoldEntry> {
    const hold = holdId.startsWith('svh_') ? await this.entry(holdId) : undefined;
    if (!hold || hold.type !== 'hold')
      throw notFound(
        `No stored-value hold ${holdId}; place one with POST /api/v1/stored-value/holds.`,
      );
    return hold;
  }

  private async statusOf(holdId: string): Promise<StoredValueHold['status']> {
    return (await holdStatuses(this.context.store, [holdId])).get(holdId) ?? 'held';
  }

  private async holdView(
    hold: HoldEntry,
    account: StoredValueAccount,
  ): Promise<StoredValueHoldView> {
    return {
      holdId: hold._id,
      number: hold.number,
      amount: hold.amount,
      saleId: hold.saleId,
      status: await this.statusOf(hold._id),
      expiresAt: hold.expiresAt,
      available: account.available,
    };
  }
}
