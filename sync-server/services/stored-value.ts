/**
 * The server as the authority for stored value (ARCHITECTURE.md rule 4): credit notes and gift
 * cards. Balances are derived (src/stored-value) from the ReturnDocs and SaleDocs every store
 * pushes plus the server's own entries in `omnitill-stored-value` (never reachable through /db):
 * gift card issues made by the admin, and holds with their confirmations and releases, so two
 * registers cannot spend the same balance at once. Every step is idempotent, as loyalty holds.
 */
import { createHash } from 'node:crypto';
import { isCurrencyCode } from '../../src/money';
import { checkSpend, isCreditNoteNumber } from '../../src/stored-value';
import type { StoredValueAccount, StoredValueHold } from '../../src/stored-value';
import type { StoredValueHoldView, StoredValueView } from '../../src/stored-value';
import { ApiError, badRequest, notFound } from '../http/api-error';
import { amountField, keyField, numberField } from './stored-value-input';
import type { Principal } from '../access/auth';
import { SerialQueue } from '../storage/new-id';
import { createOnlyClaim, giftCardClaimId } from '../storage/create-only-claim';
import { INTERNAL_DATABASES } from '../storage/database-layout';
import { decideOnAccount, holdsToKeep, withState } from '../storage/account-doc';
import {
  STORED_VALUE_DB as DB,
  accountKey,
  confirmationId,
  holdStatuses,
  releaseId,
  storedValueAccountOf,
  unshownAmount,
  withUnshown,
} from '../index/stored-value-account';
import type { HoldEntry, StoredValueEntry } from '../index/stored-value-account';
import type { ServerContext } from '../server-context';

export type { StoredValueEntry } from '../index/stored-value-account';
export { holdStatuses, storedValueAccountOf } from '../index/stored-value-account';

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);
const callerOf = (principal: Principal) => (principal.kind === 'admin' ? 'admin' : principal.id);

export function viewOf(account: StoredValueAccount): StoredValueView {
  const { issues: _issues, redemptions: _redemptions, ...view } = account;
  return view;
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
      if (before.kind !== null && body.idempotencyKey === undefined)
        throw new ApiError(
          409,
          'conflict',
          `Gift card ${number} already holds value (sold at a till or issued before); to add value to it, send an idempotencyKey for this top-up, or choose another number for a new card.`,
        );
      if (before.kind === null) await this.claimNewCard(number, id);
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

  /**
   * A new card's number is claimed as a till sale claims the card it sells, so the head office
   * and a till cannot both create it at the same moment. A claim held by a till sale of a card
   * that holds no value yet is that sale on its way: refused, choose another number.
   */
  private async claimNewCard(number: string, issueId: string): Promise<void> {
    const claim = await createOnlyClaim(
      this.context.store,
      INTERNAL_DATABASES.giftCardClaims,
      giftCardClaimId(number),
      { issueId },
    );
    const saleId = claim.doc.saleId;
    if (!claim.created && typeof saleId === 'string') {
      throw new ApiError(
        409,
        'conflict',
        `Gift card ${number} is being sold at a till (sale ${saleId}); a card is issued once: choose another number.`,
      );
    }
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
      const decided = await decideOnAccount(
        this.context.store,
        accountKey(number),
        async (holds) => {
          // Read in this order: the account, which of its holds are stored, then the index (which
          // then certainly counts those).
          const stored = await this.storedIds(holds.map((other) => other.id));
          const account = await this.accountNow(number);
          const existing =
            (await this.entry(holdId)) ?? holds.find((other) => other.id === holdId)?.entry;
          if (existing) {
            const found = existing as StoredValueEntry;
            if (found.type !== 'hold' || found.number !== number || found.amount !== amount)
              throw new ApiError(
                409,
                'idempotency_conflict',
                `idempotencyKey ${idempotencyKey} was already used for another hold; use a new key.`,
              );
            return { result: { created: false, hold: found, holds } };
          }
          if (account.kind === null) throw notFound(this.unknownReason(number));
          const now = Date.now();
          const check = checkSpend(
            withUnshown(account, unshownAmount(holds, stored, now)),
            amount,
            currency,
          );
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
          const next = [
            ...holdsToKeep(holds, (other) => stored.has(other.id), now),
            {
              id: holdId,
              amount,
              state: 'held' as const,
              expiresAt: hold.expiresAt,
              at: hold.createdAt,
              entry: { ...hold },
            },
          ];
          return { holds: next, result: { created: true, hold, holds: next } };
        },
      );
      const { hold } = decided;
      // Written after the account; also completes a hold whose deciding process died between.
      if (!(await this.entry(hold._id))) await this.write([hold]);
      return {
        created: decided.created,
        hold: await this.holdView(hold, await this.accountNow(number)),
      };
    });
  }

  confirm(principal: Principal, holdId: string): Promise<StoredValueHoldView> {
    return this.settle(principal, holdId, 'confirmed');
  }

  release(principal: Principal, holdId: string): Promise<StoredValueHoldView> {
    return this.settle(principal, holdId, 'released');
  }

  /**
   * Confirms (the sale spends the value) or releases a hold, deciding on the note's account first
   * so a confirm and a release of one hold on two processes at once end one way.
   */
  private settle(
    principal: Principal,
    holdId: string,
    wanted: 'confirmed' | 'released',
  ): Promise<StoredValueHoldView> {
    return this.queue.run(async () => {
      const hold = await this.findHold(holdId);
      const outcome = await decideOnAccount(
        this.context.store,
        accountKey(hold.number),
        async (holds) => {
          const record = holds.find((other) => other.id === holdId);
          const status = record?.state ?? (await this.statusOf(holdId));
          if (status !== 'held') return { result: { status, expired: false } };
          const now = Date.now();
          const expired = wanted === 'confirmed' && hold.expiresAt <= new Date(now).toISOString();
          const state = expired ? 'released' : wanted;
          const stored = await this.storedIds(holds.map((other) => other.id));
          const next = withState(
            holdsToKeep(holds, (other) => stored.has(other.id), now),
            record ?? {
              id: holdId,
              amount: hold.amount,
              state: 'held',
              expiresAt: hold.expiresAt,
              at: hold.createdAt,
              entry: { ...hold },
            },
            state,
          );
          return { holds: next, result: { status: state, expired } };
        },
      );
      const { status } = outcome;
      if (wanted === 'confirmed' && status === 'released' && !outcome.expired)
        throw new ApiError(409, 'hold_released', `Hold ${holdId} was released; place a new hold.`);
      if (wanted === 'released' && status === 'confirmed')
        throw new ApiError(
          409,
          'hold_confirmed',
          `Hold ${holdId} was confirmed: the sale spent it. Return the goods to give the value back.`,
        );
      // The closing entry the decision implies (its id is derived from the hold: writing it again
      // after a process died between is harmless).
      const closingType = status === 'confirmed' ? 'confirm' : 'release';
      const closingId = closingType === 'confirm' ? confirmationId(holdId) : releaseId(holdId);
      if (!(await this.entry(closingId)))
        await this.write([this.closing(closingType, holdId, principal)]);
      if (outcome.expired)
        throw new ApiError(
          409,
          'hold_expired',
          `Hold ${holdId} expired before it was confirmed; place a new hold.`,
        );
      return this.holdView(hold, await this.accountNow(hold.number));
    });
  }

  /** Which of these hold ids have their hold entry stored. */
  private async storedIds(holdIds: readonly string[]): Promise<Set<string>> {
    if (holdIds.length === 0) return new Set();
    const docs = await this.context.store.getCurrent(DB, holdIds);
    return new Set(holdIds.filter((id) => docs.get(id) && !docs.get(id)?._deleted));
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
