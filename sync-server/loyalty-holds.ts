import type { Channel } from '../src/documents';
import type { LoyaltyEntryDoc } from '../src/documents';
import { createHash } from 'node:crypto';
import {
  activeHolds,
  lapsedHolds,
  loyaltyBalance,
  redeemEntry,
  releaseEntry,
  uniqueEntries,
} from '../src/loyalty';
import type { LoyaltyBalance } from '../src/loyalty';
import { ApiError, badRequest, notFound } from './api-error';
import type { Principal } from './auth';
import { fromCouchDoc } from './couch-doc';
import { newId, SerialQueue } from './new-id';
import type { ServerContext } from './server-context';
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

  /** The entries of the customer a hold belongs to (none when there is no such entry). */
  private async entriesOfHold(holdId: string): Promise<LoyaltyEntryDoc[]> {
    const doc = (await this.context.store.getCurrent('loyalty', [holdId])).get(holdId);
    if (!doc || doc._deleted) return [];
    return this.entriesOf(fromCouchDoc<LoyaltyEntryDoc>(doc).customerId);
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
      const entries = await this.entriesOf(customerId);
      // The hold's id is derived from the caller's key, so a replay names the same entry and
      // the ledger's own rule (key `hold:<entry id>`) keeps it single.
      const caller = principal.kind === 'admin' ? 'admin' : principal.id;
      const holdId = `loy_hold-${createHash('sha256').update(`${caller}\u0000${idempotencyKey}`).digest('hex').slice(0, 32)}`;
      const existing =
        entries.find((entry) => entry.id === holdId) ??
        (await this.entriesOfHold(holdId)).find((entry) => entry.id === holdId);
      if (existing) {
        if (existing.customerId !== customerId || existing.points !== -points) {
          throw new ApiError(
            409,
            'idempotency_conflict',
            `idempotencyKey ${idempotencyKey} was already used for another hold; use a new key.`,
          );
        }
        return { created: false, hold: this.view(existing, entries) };
      }
      const available = loyaltyBalance(entries, customerId).available;
      if (available < points) {
        throw new ApiError(
          409,
          'insufficient_points',
          `Customer ${customerId} has ${available} points available, ${points} asked; hold at most ${Math.max(0, available)}.`,
          { available },
        );
      }
      const now = Date.now();
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
      await this.write([holdEntry]);
      return { created: true, hold: this.view(holdEntry, [...entries, holdEntry]) };
    });
  }

  confirm(principal: Principal, holdId: string): Promise<HoldView> {
    return this.queue.run(async () => {
      const entries = await this.entriesOfHold(holdId);
      const hold = this.findHold(entries, holdId);
      const status = this.statusOf(hold, entries);
      if (status === 'confirmed') return this.view(hold, entries);
      if (status === 'released') {
        throw new ApiError(
          409,
          'hold_released',
          `Hold ${holdId} was released or lapsed; place a new hold.`,
        );
      }
      if (hold.holdExpiresAt && Date.parse(hold.holdExpiresAt) <= Date.now()) {
        await this.write([this.release(hold, principal)]);
        throw new ApiError(
          409,
          'hold_expired',
          `Hold ${holdId} expired before it was confirmed; place a new hold.`,
        );
      }
      const redeem = redeemEntry(
        { customerId: hold.customerId, sourceId: hold.sourceId },
        -hold.points,
        { id: newId('loy'), createdAt: new Date().toISOString(), ...this.origin(principal) },
      );
      const written = [this.release(hold, principal), redeem];
      await this.write(written);
      return this.view(hold, [...entries, ...written]);
    });
  }

  releaseHold(principal: Principal, holdId: string): Promise<HoldView> {
    return this.queue.run(async () => {
      const entries = await this.entriesOfHold(holdId);
      const hold = this.findHold(entries, holdId);
      const status = this.statusOf(hold, entries);
      if (status === 'confirmed') {
        throw new ApiError(
          409,
          'hold_confirmed',
          `Hold ${holdId} was confirmed; reverse the redemption instead.`,
        );
      }
      if (status === 'released') return this.view(hold, entries);
      const release = this.release(hold, principal);
      await this.write([release]);
      return this.view(hold, [...entries, release]);
    });
  }

  /** Writes releases for holds past their time; the expiry timer calls it. */
  expireLapsed(): Promise<number> {
    return this.queue.run(async () => {
      const entries = await this.entries();
      const lapsed = lapsedHolds(entries, new Date().toISOString());
      if (lapsed.length)
        await this.write(lapsed.map((hold) => this.release(hold, { kind: 'admin' })));
      return lapsed.length;
    });
  }

  private origin(principal: Principal): { channel: Channel; storeId?: string; deviceId?: string } {
    return principal.kind === 'device'
      ? { channel: 'store', storeId: principal.storeId, deviceId: principal.id }
      : { channel: 'web' };
  }

  private release(hold: LoyaltyEntryDoc, principal: Principal): LoyaltyEntryDoc {
    const origin = this.origin(principal);
    return releaseEntry(hold, { id: newId('loy'), createdAt: new Date().toISOString(), ...origin });
  }

  private findHold(entries: LoyaltyEntryDoc[], holdId: string): LoyaltyEntryDoc {
    const hold = entries.find((entry) => entry.id === holdId);
    if (!hold || hold.kind !== 'hold')
      throw notFound(`No loyalty hold ${holdId}; place one with POST /api/v1/loyalty/holds.`);
    return hold;
  }

  private statusOf(hold: LoyaltyEntryDoc, entries: LoyaltyEntryDoc[]): HoldView['status'] {
    const unique = uniqueEntries(entries);
    const redeemed = unique.some((entry) => entry.idempotencyKey === `redeem:${hold.sourceId}`);
    const releasedNow = unique.some((entry) => entry.idempotencyKey === `release:${hold.id}`);
    if (redeemed && releasedNow) return 'confirmed';
    const active = activeHolds(unique, hold.customerId).some((entry) => entry.id === hold.id);
    return active ? 'held' : 'released';
  }

  private view(hold: LoyaltyEntryDoc, entries: LoyaltyEntryDoc[]): HoldView {
    return {
      holdId: hold.id,
      customerId: hold.customerId,
      points: -hold.points,
      status: this.statusOf(hold, entries),
      expiresAt: hold.holdExpiresAt ?? '',
      available: loyaltyBalance(entries, hold.customerId).available,
    };
  }
}
