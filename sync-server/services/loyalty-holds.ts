import type { Channel } from '../../src/documents';
import type { LoyaltyEntryDoc } from '../../src/documents';
import { createHash } from 'node:crypto';
import {
  activeHolds,
  lapsedHolds,
  loyaltyBalance,
  redeemEntry,
  releaseEntry,
  uniqueEntries,
} from '../../src/loyalty';
import type { LoyaltyBalance } from '../../src/loyalty';
import { ApiError, badRequest, notFound } from '../http/api-error';
import type { Principal } from '../access/auth';
import { fromCouchDoc } from '../storage/couch-doc';
import { SerialQueue } from '../storage/new-id';
import { decideOnAccount, holdsToKeep, withState } from '../storage/account-doc';
import type { AccountHold } from '../storage/account-doc';
import type { ServerContext } from '../server-context';
import { upsertDocs } from './server-writes';

export interface HoldView {
  holdId: string;
  customerId: string;
  points: number;
  status: 'held' | 'confirmed' | 'released';
  expiresAt: string;
  available: number;
}

/**
 * The server as the loyalty authority (rule 4): a register online holds points before taking
 * them as a tender, so two tills cannot spend the same points. Holds, releases and redemptions
 * are ordinary ledger entries in the `loyalty` database; every step is idempotent.
 */
export class LoyaltyHolds {
  private readonly queue = new SerialQueue();

  constructor(private readonly context: ServerContext) {}

  /** Every ledger entry (only the expiry sweep still reads the whole ledger). */
  private async entries(): Promise<LoyaltyEntryDoc[]> {
    return (await this.context.store.allDocs('loyalty')).map((doc) =>
      fromCouchDoc<LoyaltyEntryDoc>(doc),
    );
  }

  /** One customer's entries, from the server index (loy:<customerId>). */
  private async entriesOf(customerId: string): Promise<LoyaltyEntryDoc[]> {
    await this.context.index.catchUp();
    return (await this.context.index.postings<LoyaltyEntryDoc>('loy', customerId)).map(
      (posting) => posting.value,
    );
  }

  private async write(entries: LoyaltyEntryDoc[]): Promise<void> {
    const result = await upsertDocs(
      this.context.store,
      this.context.validator,
      'loyalty',
      'loyalty',
      entries,
    );
    const [problem] = result.rejected;
    if (problem)
      throw new ApiError(500, 'internal_error', `Ledger write failed: ${problem.reason}`);
    this.context.onAccepted('loyalty', []);
  }

  async balance(customerId: string): Promise<LoyaltyBalance> {
    return loyaltyBalance(await this.entriesOf(customerId), customerId);
  }

  hold(
    principal: Principal,
    body: Record<string, unknown>,
  ): Promise<{ created: boolean; hold: HoldView }> {
    const { customerId, points, idempotencyKey } = body;
    if (typeof customerId !== 'string' || !customerId)
      throw badRequest('customerId is required.', { field: 'customerId' });
    if (typeof points !== 'number' || !Number.isSafeInteger(points) || points <= 0) {
      throw badRequest('points must be a positive whole number.', { field: 'points' });
    }
    if (typeof idempotencyKey !== 'string' || !idempotencyKey || idempotencyKey.length > 180) {
      throw badRequest('idempotencyKey is required (1-180 characters): reuse it when you retry.', {
        field: 'idempotencyKey',
      });
    }
    const sourceId =
      typeof body.sourceId === 'string' && body.sourceId
        ? body.sourceId.slice(0, 128)
        : idempotencyKey.slice(0, 128);
    return this.queue.run(async () => {
      const customer = (await this.context.store.getCurrent('customers', [customerId])).get(
        customerId,
      );
      if (!customer || customer._deleted)
        throw notFound(`No customer ${customerId}; look it up with GET /api/v1/customers.`);
      // The hold's id is derived from the caller's key, so a replay names the same entry and
      // the ledger's own rule (key `hold:<entry id>`) keeps it single.
      const caller = principal.kind === 'admin' ? 'admin' : principal.id;
      const holdId = `loy_hold-${createHash('sha256').update(`${caller}\u0000${idempotencyKey}`).digest('hex').slice(0, 32)}`;
      const decided = await decideOnAccount(
        this.context.store,
        accountKey(customerId),
        async (holds) => {
          const entries = await this.entriesOf(customerId);
          const existing =
            entries.find((entry) => entry.id === holdId) ??
            (holds.find((hold) => hold.id === holdId)?.entry as LoyaltyEntryDoc | undefined) ??
            (await this.holdDoc(holdId));
          if (existing) {
            if (existing.customerId !== customerId || existing.points !== -points) {
              throw new ApiError(
                409,
                'idempotency_conflict',
                `idempotencyKey ${idempotencyKey} was already used for another hold; use a new key.`,
              );
            }
            return { result: { created: false, hold: existing, entries, holds } };
          }
          const now = Date.now();
          const available =
            loyaltyBalance(entries, customerId).available - unshownPoints(holds, entries, now);
          if (available < points) {
            throw new ApiError(
              409,
              'insufficient_points',
              `Customer ${customerId} has ${available} points available, ${points} asked; hold at most ${Math.max(0, available)}.`,
              { available },
            );
          }
          const holdEntry: LoyaltyEntryDoc = {
            id: holdId,
            customerId,
            kind: 'hold',
            points: -points,
            ...this.origin(principal),
            sourceId,
            idempotencyKey: `hold:${holdId}`,
            holdExpiresAt: new Date(now + this.context.holdTtlMs).toISOString(),
            createdAt: new Date(now).toISOString(),
          };
          const next = [
            ...holdsToKeep(holds, reflectedIn(entries), now),
            accountHoldOf(holdEntry, 'held'),
          ];
          return { holds: next, result: { created: true, hold: holdEntry, entries, holds: next } };
        },
      );
      const { hold, entries } = decided;
      // Written after the account; also completes a hold whose deciding process died between.
      if (!entries.some((entry) => entry.id === hold.id)) await this.write([hold]);
      const others = decided.holds.filter((other) => other.id !== hold.id);
      return {
        created: decided.created,
        hold: this.view(
          hold,
          [...entries, hold],
          others,
          this.stateOn(decided.holds, hold, [...entries, hold]),
        ),
      };
    });
  }

  confirm(principal: Principal, holdId: string): Promise<HoldView> {
    return this.settle(principal, holdId, 'confirmed');
  }

  releaseHold(principal: Principal, holdId: string): Promise<HoldView> {
    return this.settle(principal, holdId, 'released');
  }

  /**
   * Confirms (the sale spent the points: release and redeem) or releases a hold. The decision
   * is recorded on the customer's account first, so a confirm and a release of one hold on two
   * processes at once end one way, and both callers are told which.
   */
  private settle(
    principal: Principal,
    holdId: string,
    wanted: 'confirmed' | 'released',
  ): Promise<HoldView> {
    return this.queue.run(async () => {
      const hold = await this.holdDoc(holdId);
      if (!hold)
        throw notFound(`No loyalty hold ${holdId}; place one with POST /api/v1/loyalty/holds.`);
      const outcome = await decideOnAccount(
        this.context.store,
        accountKey(hold.customerId),
        async (holds) => {
          const entries = await this.entriesOf(hold.customerId);
          const record = holds.find((other) => other.id === holdId);
          const status = record?.state ?? this.statusOf(hold, entries);
          if (status !== 'held') return { result: { status, expired: false, entries, holds } };
          const now = Date.now();
          const expired =
            wanted === 'confirmed' &&
            hold.holdExpiresAt !== undefined &&
            Date.parse(hold.holdExpiresAt) <= now;
          const state = expired ? 'released' : wanted;
          const next = withState(
            holdsToKeep(holds, reflectedIn(entries), now),
            record ?? accountHoldOf(hold, 'held'),
            state,
          );
          return { holds: next, result: { status: state, expired, entries, holds: next } };
        },
      );
      const { status, entries } = outcome;
      if (wanted === 'confirmed' && status === 'released' && !outcome.expired) {
        throw new ApiError(
          409,
          'hold_released',
          `Hold ${holdId} was released or lapsed; place a new hold.`,
        );
      }
      if (wanted === 'released' && status === 'confirmed') {
        throw new ApiError(
          409,
          'hold_confirmed',
          `Hold ${holdId} was confirmed; reverse the redemption instead.`,
        );
      }
      // The entries the decision implies, written now (or again, by whoever comes next, if this
      // process dies first: their ids and keys are derived from the hold).
      const implied =
        status === 'confirmed'
          ? [this.release(hold, principal), this.redeem(hold, principal)]
          : [this.release(hold, principal)];
      const keys = new Set(uniqueEntries(entries).map((entry) => entry.idempotencyKey));
      const missing = implied.filter((entry) => !keys.has(entry.idempotencyKey));
      if (missing.length) await this.write(missing);
      if (outcome.expired) {
        throw new ApiError(
          409,
          'hold_expired',
          `Hold ${holdId} expired before it was confirmed; place a new hold.`,
        );
      }
      const others = outcome.holds.filter((other) => other.id !== hold.id);
      return this.view(hold, [...entries, ...missing], others, status);
    });
  }

  /** Writes releases for holds past their time; the expiry timer calls it. */
  expireLapsed(): Promise<number> {
    return this.queue.run(async () => {
      const entries = await this.entries();
      const lapsed = lapsedHolds(entries, new Date().toISOString());
      let released = 0;
      for (const hold of lapsed) {
        // One at a time through the account: a confirm on another process wins or loses cleanly.
        const outcome = await decideOnAccount(
          this.context.store,
          accountKey(hold.customerId),
          (holds) => {
            const record = holds.find((other) => other.id === hold.id);
            if (record && record.state !== 'held') return { result: record.state };
            const next = withState(holds, record ?? accountHoldOf(hold, 'held'), 'released');
            return { holds: next, result: 'released' as const };
          },
        );
        if (outcome !== 'released') continue;
        await this.write([this.release(hold, { kind: 'admin' })]);
        released += 1;
      }
      return released;
    });
  }

  private origin(principal: Principal): { channel: Channel; storeId?: string; deviceId?: string } {
    return principal.kind === 'device'
      ? { channel: 'store', storeId: principal.storeId, deviceId: principal.id }
      : { channel: 'web' };
  }

  /** The release of a hold; its id is derived from the hold's, so writing it twice is harmless. */
  private release(hold: LoyaltyEntryDoc, principal: Principal): LoyaltyEntryDoc {
    const origin = this.origin(principal);
    return releaseEntry(hold, {
      id: `${hold.id}.release`,
      createdAt: new Date().toISOString(),
      ...origin,
    });
  }

  /** The redemption a confirmed hold becomes (id derived from the hold's, as the release). */
  private redeem(hold: LoyaltyEntryDoc, principal: Principal): LoyaltyEntryDoc {
    return redeemEntry({ customerId: hold.customerId, sourceId: hold.sourceId }, -hold.points, {
      id: `${hold.id}.redeem`,
      createdAt: new Date().toISOString(),
      ...this.origin(principal),
    });
  }

  /** A hold entry by id, or undefined when there is none. */
  private async holdDoc(holdId: string): Promise<LoyaltyEntryDoc | undefined> {
    const doc = (await this.context.store.getCurrent('loyalty', [holdId])).get(holdId);
    if (!doc || doc._deleted) return undefined;
    const entry = fromCouchDoc<LoyaltyEntryDoc>(doc);
    return entry.kind === 'hold' ? entry : undefined;
  }

  private stateOn(
    holds: readonly AccountHold[],
    hold: LoyaltyEntryDoc,
    entries: LoyaltyEntryDoc[],
  ): HoldView['status'] {
    return holds.find((other) => other.id === hold.id)?.state ?? this.statusOf(hold, entries);
  }

  private statusOf(hold: LoyaltyEntryDoc, entries: LoyaltyEntryDoc[]): HoldView['status'] {
    const unique = uniqueEntries(entries);
    const redeemed = unique.some((entry) => entry.idempotencyKey === `redeem:${hold.sourceId}`);
    const releasedNow = unique.some((entry) => entry.idempotencyKey === `release:${hold.id}`);
    if (redeemed && releasedNow) return 'confirmed';
    const active = activeHolds(unique, hold.customerId).some((entry) => entry.id === hold.id);
    return active ? 'held' : 'released';
  }

  private view(
    hold: LoyaltyEntryDoc,
    entries: LoyaltyEntryDoc[],
    otherHolds: readonly AccountHold[],
    status: HoldView['status'],
  ): HoldView {
    const available =
      loyaltyBalance(entries, hold.customerId).available -
      unshownPoints(otherHolds, entries, Date.now());
    return {
      holdId: hold.id,
      customerId: hold.customerId,
      points: -hold.points,
      status,
      expiresAt: hold.holdExpiresAt ?? '',
      available,
    };
  }
}

const accountKey = (customerId: string) => `loy:${customerId}`;

function accountHoldOf(hold: LoyaltyEntryDoc, state: AccountHold['state']): AccountHold {
  return {
    id: hold.id,
    amount: -hold.points,
    state,
    expiresAt: hold.holdExpiresAt ?? hold.createdAt,
    at: hold.createdAt,
    entry: { ...hold },
  };
}

const sourceOf = (hold: AccountHold) =>
  typeof hold.entry.sourceId === 'string' ? hold.entry.sourceId : '';

/** Whether the ledger shows everything an account hold's state implies. */
function reflectedIn(entries: readonly LoyaltyEntryDoc[]): (hold: AccountHold) => boolean {
  const unique = uniqueEntries(entries);
  const ids = new Set(unique.map((entry) => entry.id));
  const keys = new Set(unique.map((entry) => entry.idempotencyKey));
  return (hold) => {
    const sourceId = sourceOf(hold);
    if (hold.state === 'held') return ids.has(hold.id);
    if (hold.state === 'confirmed')
      return keys.has(`release:${hold.id}`) && keys.has(`redeem:${sourceId}`);
    return keys.has(`release:${hold.id}`) || !ids.has(hold.id);
  };
}

/**
 * Points the account's holds take that the ledger does not show yet: a hold decided on another
 * process whose entry is not readable here yet, or a confirmation whose redemption is not.
 */
function unshownPoints(
  holds: readonly AccountHold[],
  entries: readonly LoyaltyEntryDoc[],
  now: number,
): number {
  const unique = uniqueEntries(entries);
  const ids = new Set(unique.map((entry) => entry.id));
  const keys = new Set(unique.map((entry) => entry.idempotencyKey));
  let unshown = 0;
  for (const hold of holds) {
    if (hold.state === 'released') continue;
    const holdShown = ids.has(hold.id) && !keys.has(`release:${hold.id}`);
    if (hold.state === 'held') {
      if (!holdShown && Date.parse(hold.expiresAt) > now) unshown += hold.amount;
      continue;
    }
    const redeemShown = keys.has(`redeem:${sourceOf(hold)}`);
    if (!holdShown && !redeemShown) unshown += hold.amount;
  }
  return unshown;
}
