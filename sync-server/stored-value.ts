/**
 * The server as the authority for stored value (ARCHITECTURE.md rule 4): credit notes and gift
 * cards. Balances are derived (src/stored-value) from the ReturnDocs and SaleDocs every store
 * pushes plus the server's own entries in `omnitill-stored-value` (never reachable through /db):
 * gift card issues made by the admin, and holds with their confirmations and releases, so two
 * registers cannot spend the same balance at once. Every step is idempotent, as loyalty holds.
 */
import { createHash } from 'node:crypto';
import type { ReturnDoc, SaleDoc } from '../src/documents';
import { isCurrencyCode, minor } from '../src/money';
import type { Minor } from '../src/money';
import {
  checkSpend,
  isCreditNoteNumber,
  normalizeStoredValueNumber,
  storedValueAccount,
  storedValueFactsOfReturn,
  storedValueFactsOfSale,
} from '../src/stored-value';
import type {
  StoredValueAccount,
  StoredValueFact,
  StoredValueHold,
  StoredValueIssue,
} from '../src/stored-value';
import { ApiError, badRequest, notFound } from './api-error';
import type { Principal } from './auth';
import { readCollection } from './collection-reader';
import { INTERNAL_DATABASES } from './database-layout';
import type { DocumentStore } from './document-store';
import { SerialQueue } from './new-id';
import type { ServerContext } from './server-context';

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

export interface StoredValueView {
  number: string;
  kind: StoredValueAccount['kind'];
  currency: StoredValueAccount['currency'];
  issuedBy?: string;
  issued: Minor;
  redeemed: Minor;
  reversed: Minor;
  balance: Minor;
  held: Minor;
  available: Minor;
  expiresAt?: string;
  expired: boolean;
}

export interface StoredValueHoldView {
  holdId: string;
  number: string;
  amount: Minor;
  saleId: string;
  status: StoredValueHold['status'];
  expiresAt: string;
  /** What is left to spend on the note once this hold is counted. */
  available: Minor;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
const callerOf = (principal: Principal) => (principal.kind === 'admin' ? 'admin' : principal.id);

export function viewOf(account: StoredValueAccount): StoredValueView {
  const { issues: _issues, redemptions: _redemptions, ...view } = account;
  return view;
}

function numberField(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim())
    throw badRequest(
      `${field} is required: the credit note number (ret_…) or the gift card number.`,
      {
        field,
      },
    );
  const number = normalizeStoredValueNumber(value);
  if (!isCreditNoteNumber(number) && !/^[0-9A-Z]{4,64}$/.test(number)) {
    throw badRequest(
      `${field} "${value}" is neither a credit note number (ret_… from the return receipt) nor a gift card number (4 to 64 letters and digits).`,
      { field },
    );
  }
  return number;
}

function amountField(value: unknown, field = 'amount'): Minor {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw badRequest(`${field} must be a whole number of minor units greater than zero.`, {
      field,
    });
  return minor(value);
}

function keyField(value: unknown): string {
  if (typeof value !== 'string' || !value || value.length > 180)
    throw badRequest('idempotencyKey is required (1-180 characters): reuse it when you retry.', {
      field: 'idempotencyKey',
    });
  return value;
}

/** The server's own entries (gift card issues, holds, confirmations, releases). */
export async function readStoredValueEntries(store: DocumentStore): Promise<StoredValueEntry[]> {
  return (await store.allDocs(DB)) as unknown as StoredValueEntry[];
}

/** Every fact: returns and sales of every store, and the admin's gift card issues. */
export async function readStoredValueFacts(
  store: DocumentStore,
  entries: readonly StoredValueEntry[],
): Promise<StoredValueFact[]> {
  const [returns, sales] = await Promise.all([
    readCollection<ReturnDoc>(store, 'returns'),
    readCollection<SaleDoc>(store, 'sales'),
  ]);
  return [
    ...entries.flatMap((entry): StoredValueFact[] => {
      if (entry.type !== 'issue') return [];
      const { _id: _ignored, idempotencyKey: _key, ...issue } = entry;
      return [issue];
    }),
    ...returns.flatMap(({ doc }) => storedValueFactsOfReturn(doc)),
    ...sales.flatMap(({ doc }) => storedValueFactsOfSale(doc)),
  ];
}

/** Holds with their status: a confirmation or a release closes a hold for good. */
export function storedValueHoldsOf(entries: readonly StoredValueEntry[]): StoredValueHold[] {
  const closed = new Map<string, 'confirmed' | 'released'>();
  for (const entry of entries) {
    if (entry.type === 'confirm') closed.set(entry.holdId, 'confirmed');
    if (entry.type === 'release' && !closed.has(entry.holdId)) closed.set(entry.holdId, 'released');
  }
  return entries.flatMap((entry) =>
    entry.type === 'hold'
      ? [
          {
            holdId: entry._id,
            number: entry.number,
            amount: entry.amount,
            saleId: entry.saleId,
            expiresAt: entry.expiresAt,
            status: closed.get(entry._id) ?? 'held',
          },
        ]
      : [],
  );
}

export class StoredValueService {
  private readonly queue = new SerialQueue();

  constructor(private readonly context: ServerContext) {}

  private entries(): Promise<StoredValueEntry[]> {
    return readStoredValueEntries(this.context.store);
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

  private holds(entries: readonly StoredValueEntry[]): StoredValueHold[] {
    return storedValueHoldsOf(entries);
  }

  private async accountNow(
    number: string,
    entries?: StoredValueEntry[],
  ): Promise<{ account: StoredValueAccount; entries: StoredValueEntry[] }> {
    const own = entries ?? (await this.entries());
    const facts = await readStoredValueFacts(this.context.store, own);
    return {
      account: storedValueAccount(number, facts, this.holds(own), new Date().toISOString()),
      entries: own,
    };
  }

  async balance(rawNumber: string): Promise<StoredValueView> {
    const number = numberField(rawNumber, 'number');
    const { account } = await this.accountNow(number);
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
      const entries = await this.entries();
      const id = `svi_${hash(`${number}\u0000${idempotencyKey}`)}`;
      const existing = entries.find((entry) => entry._id === id);
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
        return { created: false, card: viewOf((await this.accountNow(number, entries)).account) };
      }
      const { account: before } = await this.accountNow(number, entries);
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
      return {
        created: true,
        card: viewOf((await this.accountNow(number, [...entries, issue])).account),
      };
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
      const { account, entries } = await this.accountNow(number);
      const existing = entries.find((entry) => entry._id === holdId);
      if (existing) {
        if (existing.type !== 'hold' || existing.number !== number || existing.amount !== amount)
          throw new ApiError(
            409,
            'idempotency_conflict',
            `idempotencyKey ${idempotencyKey} was already used for another hold; use a new key.`,
          );
        return { created: false, hold: this.holdView(holdId, entries, account) };
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
      const hold: StoredValueEntry = {
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
      const written = [...entries, hold];
      return {
        created: true,
        hold: this.holdView(holdId, written, (await this.accountNow(number, written)).account),
      };
    });
  }

  confirm(principal: Principal, holdId: string): Promise<StoredValueHoldView> {
    return this.queue.run(async () => {
      const entries = await this.entries();
      const hold = this.findHold(entries, holdId);
      const status = this.statusOf(holdId, entries);
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
        entries.push(this.closing('confirm', holdId, principal));
        await this.write([entries[entries.length - 1] as StoredValueEntry]);
      }
      return this.holdView(holdId, entries, (await this.accountNow(hold.number, entries)).account);
    });
  }

  release(principal: Principal, holdId: string): Promise<StoredValueHoldView> {
    return this.queue.run(async () => {
      const entries = await this.entries();
      const hold = this.findHold(entries, holdId);
      const status = this.statusOf(holdId, entries);
      if (status === 'confirmed')
        throw new ApiError(
          409,
          'hold_confirmed',
          `Hold ${holdId} was confirmed: the sale spent it. Return the goods to give the value back.`,
        );
      if (status === 'held') {
        entries.push(this.closing('release', holdId, principal));
        await this.write([entries[entries.length - 1] as StoredValueEntry]);
      }
      return this.holdView(holdId, entries, (await this.accountNow(hold.number, entries)).account);
    });
  }

  private closing(
    type: 'confirm' | 'release',
    holdId: string,
    principal: Principal,
  ): StoredValueEntry {
    const suffix = holdId.slice('svh_'.length);
    return {
      _id: `${type === 'confirm' ? 'svc' : 'svr'}_${suffix}`,
      type,
      holdId,
      at: new Date().toISOString(),
      by: callerOf(principal),
    };
  }

  private findHold(
    entries: readonly StoredValueEntry[],
    holdId: string,
  ): Extract<StoredValueEntry, { type: 'hold' }> {
    const hold = entries.find((entry) => entry._id === holdId);
    if (!hold || hold.type !== 'hold')
      throw notFound(
        `No stored-value hold ${holdId}; place one with POST /api/v1/stored-value/holds.`,
      );
    return hold;
  }

  private statusOf(
    holdId: string,
    entries: readonly StoredValueEntry[],
  ): StoredValueHold['status'] {
    return this.holds(entries).find((hold) => hold.holdId === holdId)?.status ?? 'released';
  }

  private holdView(
    holdId: string,
    entries: readonly StoredValueEntry[],
    account: StoredValueAccount,
  ): StoredValueHoldView {
    const hold = this.findHold(entries, holdId);
    return {
      holdId,
      number: hold.number,
      amount: hold.amount,
      saleId: hold.saleId,
      status: this.statusOf(holdId, entries),
      expiresAt: hold.expiresAt,
      available: account.available,
    };
  }
}
