/**
 * Spending a credit note or a gift card at the counter, with the server as the authority
 * (ARCHITECTURE.md rule 4), shaped like the loyalty redemption service. Online, `reserve` takes a
 * hold on the server (POST /stored-value/holds, idempotent on the key), `confirm` keeps it when
 * the sale completes (the sale's tender is the redemption), `release` gives it back when the
 * tender leaves the sale. Offline, only a credit note issued by this store's own returns may be
 * spent, up to its balance as the register's replica computes it (the store's returns and sales
 * are all on the register); a gift card or another store's note waits for the network. A breach
 * (the same note spent offline in two places) is flagged by the server's reconciler at sync.
 */
import type { ReturnDoc, SaleDoc } from '../../src/documents';
import type { CurrencyCode, Minor } from '../../src/money';
import { minor } from '../../src/money';
import {
  checkSpend,
  normalizeStoredValueNumber,
  storedValueAccount,
  storedValueFactsOfReturn,
  storedValueFactsOfSale,
} from '../../src/stored-value';
import type { ServerApi } from '../platform/server-api';
import type { HeldFor } from '../platform/server-hold';

export interface StoredValueDeps {
  api: ServerApi;
  /** The register's replica: its store's returns and sales. */
  returns: () => Promise<ReturnDoc[]>;
  sales: () => Promise<SaleDoc[]>;
  storeId: string;
  now: () => Date;
  newId: (prefix: string) => string;
}

export type StoredValueTenderKind = 'store-credit' | 'gift-card';

export interface SpendRequest {
  tenderKind: StoredValueTenderKind;
  /** As typed or scanned; normalised here. */
  number: string;
  amount: Minor;
  /** The sale the note pays for. */
  saleId: string;
  currency: CurrencyCode;
  /** Reuse the key when retrying the same reservation; a new reservation needs a new key. */
  idempotencyKey?: string;
}

export type StoredValueReservation = HeldFor<{
  tenderKind: StoredValueTenderKind;
  number: string;
  amount: Minor;
  /** Left on the note once this spend is taken. */
  balanceAfter: Minor;
}>;

export type StoredValueRefusalCode =
  | 'bad-request'
  | 'unknown-number'
  | 'expired'
  | 'insufficient-balance'
  | 'offline-gift-card'
  | 'offline-other-store'
  | 'server-error';

export interface StoredValueRefusal {
  ok: false;
  code: StoredValueRefusalCode;
  number: string;
  /** Most that may be taken from the note now (0 when nothing). */
  available: Minor;
  message: string;
}

export type StoredValueOutcome =
  { ok: true; reservation: StoredValueReservation } | StoredValueRefusal;

export function createStoredValueService(deps: StoredValueDeps) {
  /** Offline spends taken in open sales on this register, not yet in a SaleDoc. */
  const offlineTaken = new Map<string, StoredValueReservation>();

  function refuse(
    code: StoredValueRefusalCode,
    number: string,
    message: string,
    available: Minor = minor(0),
  ): StoredValueRefusal {
    return { ok: false, code, number, available, message };
  }

  /** The note as the register's replica sees it (this store's returns and sales). */
  async function localAccount(number: string) {
    const [returns, sales] = await Promise.all([deps.returns(), deps.sales()]);
    const facts = [
      ...returns.flatMap(storedValueFactsOfReturn),
      ...sales.flatMap(storedValueFactsOfSale),
    ];
    return storedValueAccount(number, facts, [], deps.now().toISOString());
  }

  async function reserveOffline(
    request: SpendRequest,
    number: string,
    key: string,
  ): Promise<StoredValueOutcome> {
    if (request.tenderKind === 'gift-card') {
      return refuse(
        'offline-gift-card',
        number,
        'Gift cards can only be spent while the register is online; take another tender, or wait for the network.',
      );
    }
    const account = await localAccount(number);
    if (account.kind === null || account.issuedBy !== deps.storeId) {
      return refuse(
        'offline-other-store',
        number,
        'Offline, only credit notes issued by this store can be spent; take another tender, or wait for the network.',
      );
    }
    const taken = [...offlineTaken.values()]
      .filter((reservation) => reservation.number === number)
      .reduce((total, reservation) => total + reservation.amount, 0);
    const check = checkSpend(
      { ...account, available: minor(Math.max(0, account.available - taken)) },
      request.amount,
      request.currency,
    );
    if (!check.ok) {
      const code =
        check.code === 'invalid-amount' || check.code === 'wrong-currency'
          ? 'bad-request'
          : check.code;
      return refuse(code, number, check.message, check.available);
    }
    const reservation: StoredValueReservation = {
      mode: 'offline',
      tenderKind: request.tenderKind,
      number,
      amount: request.amount,
      saleId: request.saleId,
      idempotencyKey: key,
      balanceAfter: check.balanceAfter,
    };
    offlineTaken.set(key, reservation);
    return { ok: true, reservation };
  }

  async function reserve(request: SpendRequest): Promise<StoredValueOutcome> {
    const number = normalizeStoredValueNumber(request.number);
    if (!number) {
      return refuse(
        'bad-request',
        number,
        request.tenderKind === 'gift-card'
          ? 'Scan or type the gift card number.'
          : 'Type the credit note number printed on the return receipt (ret_…).',
      );
    }
    if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
      return refuse('bad-request', number, 'Enter an amount greater than zero.');
    }
    const key = request.idempotencyKey ?? `${request.saleId}:${deps.newId('hold')}`;
    const reply = await deps.api.call('stored-value/hold', {
      number,
      amount: request.amount,
      saleId: request.saleId,
      currency: request.currency,
      idempotencyKey: key,
    });
    if (reply.ok) {
      return {
        ok: true,
        reservation: {
          mode: 'online',
          holdId: reply.value.holdId,
          expiresAt: reply.value.expiresAt,
          tenderKind: request.tenderKind,
          number,
          amount: request.amount,
          saleId: request.saleId,
          idempotencyKey: key,
          balanceAfter: reply.value.available,
        },
      };
    }
    if (reply.offline) return reserveOffline(request, number, key);
    const available = minor(
      typeof reply.details.available === 'number' ? Math.max(0, reply.details.available) : 0,
    );
    switch (reply.code) {
      case 'not_found': {
        // A note this register issued a moment ago (an exchange's credit) may not have synced
        // yet: until it reaches the server nobody else can spend it, so the own-store rule
        // applies, as offline. Anything else the server does not know is unknown.
        const local = await localAccount(number);
        if (request.tenderKind === 'store-credit' && local.issuedBy === deps.storeId) {
          return reserveOffline(request, number, key);
        }
        return refuse('unknown-number', number, reply.reason);
      }
      case 'insufficient_balance':
        return refuse('insufficient-balance', number, reply.reason, available);
      case 'expired':
        return refuse('expired', number, reply.reason);
      case 'bad_request':
        return refuse('bad-request', number, reply.reason);
      default:
        return refuse('server-error', number, reply.reason);
    }
  }

  /** The sale is durably written: the spend stands (its tender is the redemption). */
  async function confirm(
    reservation: StoredValueReservation,
  ): Promise<{ ok: boolean; message?: string }> {
    offlineTaken.delete(reservation.idempotencyKey);
    if (reservation.mode === 'offline') return { ok: true };
    const reply = await deps.api.call('stored-value/confirm', { id: reservation.holdId });
    if (reply.ok || reply.offline) return { ok: true };
    // The sale stands either way: it reaches the server by replication and counts from there.
    return { ok: false, message: reply.reason };
  }

  /** The tender left the sale (removed, voided, parked): the value goes back on the note. */
  async function release(
    reservation: StoredValueReservation,
  ): Promise<{ ok: boolean; message?: string }> {
    offlineTaken.delete(reservation.idempotencyKey);
    if (reservation.mode === 'offline') return { ok: true };
    const reply = await deps.api.call('stored-value/release', { id: reservation.holdId });
    if (reply.ok) return { ok: true };
    if (reply.offline)
      return {
        ok: true,
        message: `The server cannot be reached; the hold lapses by itself at ${reservation.expiresAt}.`,
      };
    return { ok: false, message: reply.reason };
  }

  /** What is left on a note: the server's answer online, this store's replica offline. */
  async function balance(
    rawNumber: string,
  ): Promise<{ available: Minor; source: 'server' | 'register' } | null> {
    const number = normalizeStoredValueNumber(rawNumber);
    const reply = await deps.api.call('stored-value/balance', { number });
    if (reply.ok) return { available: reply.value.available, source: 'server' };
    if (!reply.offline) return null;
    const account = await localAccount(number);
    return account.kind === null ? null : { available: account.available, source: 'register' };
  }

  /**
   * May a gift card with this number be sold? `issued` when value was put on it before (the
   * server's word online; offline, this store's replica: a card sold here earlier), `new` when
   * the server knows nothing of it, `offline` when only the server could tell (it checks the
   * sale when it syncs, docs/OMNICHANNEL.md "Selling a gift card").
   */
  async function issuable(rawNumber: string): Promise<'new' | 'issued' | 'offline'> {
    const number = normalizeStoredValueNumber(rawNumber);
    const reply = await deps.api.call('stored-value/balance', { number });
    if (reply.ok) return 'issued';
    if (!reply.offline) return reply.code === 'not_found' ? 'new' : 'offline';
    const account = await localAccount(number);
    return account.kind === null ? 'offline' : 'issued';
  }

  return { reserve, confirm, release, balance, issuable };
}

export type StoredValueService = ReturnType<typeof createStoredValueService>;
