/**
 * Redeeming loyalty points at the counter, with the server as the authority (ARCHITECTURE.md
 * rule 4). Online, `reserve` takes a hold on the server (POST /loyalty/holds, idempotent on the
 * key), `confirm` turns it into the redemption when the sale completes, `release` gives it back
 * when the sale is voided or the points tender removed. Offline, `reserve` allows up to the
 * store's offline allowance (offlineRedemptionAllowance) and `confirm` writes the redemption
 * entry on the register, to be checked by the server's reconciler when it syncs.
 *
 * The module holds no UI and no global state: the sell screen's points tender calls it with the
 * sale's id and total, and shows `message` (or translates `code`) when it refuses.
 */
import type { LoyaltyEntryDoc } from '../../src/documents';
import type { CustomerDisplayState } from '../../src/ipc/contract';
import {
  loyaltyBalance,
  offlineRedemptionAllowance,
  pointsValue,
  redeemablePoints,
  redeemEntry,
} from '../../src/loyalty';
import type { LoyaltySettings, RedemptionLimit } from '../../src/loyalty';
import type { Minor } from '../../src/money';
import type { ServerApi } from '../platform/server-api';
import { businessDayStart } from '../../src/store-clock';
import type { HeldFor } from '../platform/server-hold';

export interface LoyaltyRedemptionDeps {
  api: ServerApi;
  /** Every ledger entry the register holds (the replicated `loyalty` collection). */
  ledger: () => Promise<LoyaltyEntryDoc[]>;
  /** Writes a ledger entry on the register (it replicates to the server). */
  writeEntry: (entry: LoyaltyEntryDoc) => Promise<void>;
  settings: () => LoyaltySettings;
  storeId: string;
  deviceId: string;
  now: () => Date;
  newId: (prefix: string) => string;
  /** The store's time zone: the offline daily caps count from its midnight (src/store-clock). */
  timeZone: () => string;
}

export interface ReserveRequest {
  customerId: string;
  points: number;
  /** The sale the points pay for: the redemption is `redeem:<saleId>`. */
  saleId: string;
  saleTotal: Minor;
  /** Reuse the key when retrying the same reservation; a new reservation needs a new key. */
  idempotencyKey?: string;
}

export type Reservation = HeldFor<{
  customerId: string;
  points: number;
  value: Minor;
  /** Points left to the customer once this reservation is spent. */
  availableAfter: number;
}>;

export type RefusalCode =
  | 'bad-request'
  | 'insufficient-points'
  | 'below-minimum'
  | 'sale-share'
  | 'offline-limit'
  | 'offline-disabled'
  | 'server-error';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** Most points that would be accepted now (0 when none). */
  maxPoints: number;
  /** What limited it offline (customer or store daily cap, balance...). */
  limit?: RedemptionLimit | null;
  message: string;
}

export type ReserveOutcome = { ok: true; reservation: Reservation } | Refusal;

export type SettleOutcome =
  | { ok: true; mode: 'online' | 'offline'; entry?: LoyaltyEntryDoc; note?: string }
  | { ok: false; code: string; message: string };

const LIMIT_WORDS: Record<RedemptionLimit, string> = {
  'no-points': 'the customer has no points here',
  'below-minimum': 'below the minimum redemption',
  balance: "the customer's balance on this register",
  'sale-share': 'the share of the sale points may pay',
  'customer-daily-limit': "the customer's daily offline limit",
  'store-daily-limit': "the store's daily offline limit",
  'offline-disabled': 'offline redemption is switched off',
};

export function createLoyaltyRedemption(deps: LoyaltyRedemptionDeps) {
  const context = () => ({
    id: deps.newId('loy'),
    createdAt: deps.now().toISOString(),
    channel: 'store' as const,
    storeId: deps.storeId,
    deviceId: deps.deviceId,
  });

  /** Offline: how many points this register may redeem now, and why not more. */
  async function offlineCheck(request: {
    customerId: string;
    saleTotal: Minor;
    requested?: number;
  }) {
    const entries = await deps.ledger();
    const allowance = offlineRedemptionAllowance(
      {
        customerId: request.customerId,
        storeId: deps.storeId,
        entries,
        saleTotal: request.saleTotal,
        ...(request.requested === undefined ? {} : { requested: request.requested }),
        dayStart: businessDayStart(deps.now(), deps.timeZone()),
      },
      deps.settings(),
    );
    return { ...allowance, balance: loyaltyBalance(entries, request.customerId).available };
  }

  async function reserveOffline(request: ReserveRequest, key: string): Promise<ReserveOutcome> {
    const check = await offlineCheck(request);
    if (check.reason === 'offline-disabled') {
      return {
        ok: false,
        code: 'offline-disabled',
        maxPoints: 0,
        limit: check.reason,
        message:
          'Points cannot be redeemed while the register is offline at this store; take another payment, or redeem when the register is back online.',
      };
    }
    if (check.allowedPoints < request.points) {
      return {
        ok: false,
        code: 'offline-limit',
        maxPoints: check.allowedPoints,
        limit: check.reason,
        message:
          check.allowedPoints > 0
            ? `Offline, at most ${check.allowedPoints} points can be redeemed now (${LIMIT_WORDS[check.reason ?? 'balance']}); redeem ${check.allowedPoints} or fewer, or wait until the register is back online.`
            : `Offline, no points can be redeemed now (${LIMIT_WORDS[check.reason ?? 'balance']}); take another payment, or wait until the register is back online.`,
      };
    }
    return {
      ok: true,
      reservation: {
        mode: 'offline',
        customerId: request.customerId,
        points: request.points,
        value: pointsValue(request.points, deps.settings().program),
        saleId: request.saleId,
        idempotencyKey: key,
        availableAfter: check.balance - request.points,
      },
    };
  }

  async function reserve(request: ReserveRequest): Promise<ReserveOutcome> {
    if (!Number.isSafeInteger(request.points) || request.points <= 0) {
      return {
        ok: false,
        code: 'bad-request',
        maxPoints: 0,
        message: `${request.points} is not a number of points to redeem; enter a whole number greater than zero.`,
      };
    }
    const { program } = deps.settings();
    // The program's own caps (share of the sale, minimum) hold online and offline alike.
    const caps = redeemablePoints(
      { available: request.points, saleTotal: request.saleTotal, requested: request.points },
      program,
    );
    if (caps.maxPoints < request.points) {
      const most = redeemablePoints(
        { available: Number.MAX_SAFE_INTEGER, saleTotal: request.saleTotal },
        program,
      ).maxPoints;
      return caps.limitedBy === 'below-minimum'
        ? {
            ok: false,
            code: 'below-minimum',
            maxPoints: 0,
            message: `At least ${program.minimumRedemptionPoints} points must be redeemed at once; ask for more points or take another payment.`,
          }
        : {
            ok: false,
            code: 'sale-share',
            maxPoints: most,
            message: `Points may pay at most ${most} points' worth of this sale; redeem ${most} or fewer.`,
          };
    }
    const key = request.idempotencyKey ?? `${request.saleId}:${deps.newId('hold')}`;
    const reply = await deps.api.call('loyalty/hold', {
      customerId: request.customerId,
      points: request.points,
      idempotencyKey: key,
      sourceId: request.saleId,
    });
    if (reply.ok) {
      return {
        ok: true,
        reservation: {
          mode: 'online',
          holdId: reply.value.holdId,
          expiresAt: reply.value.expiresAt,
          customerId: request.customerId,
          points: request.points,
          value: pointsValue(request.points, program),
          saleId: request.saleId,
          idempotencyKey: key,
          availableAfter: reply.value.available,
        },
      };
    }
    if (reply.offline) return reserveOffline(request, key);
    if (reply.code === 'insufficient_points') {
      const available = reply.details.available;
      const most = typeof available === 'number' ? Math.max(0, available) : 0;
      return {
        ok: false,
        code: 'insufficient-points',
        maxPoints: most,
        message: `The customer has ${most} points available; redeem ${most} or fewer.`,
      };
    }
    return { ok: false, code: 'server-error', maxPoints: 0, message: reply.reason };
  }

  /** The sale is complete: the reserved points are spent. */
  async function confirm(reservation: Reservation): Promise<SettleOutcome> {
    if (reservation.mode === 'online') {
      const reply = await deps.api.call('loyalty/confirm', { id: reservation.holdId });
      if (reply.ok) return { ok: true, mode: 'online' };
      if (!reply.offline) return { ok: false, code: reply.code, message: reply.reason };
      // The link dropped after the hold: record the redemption here (same idempotency key as
      // the server's) and let the hold lapse on the server; the balance counts it once.
    }
    const entry = redeemEntry(
      { customerId: reservation.customerId, sourceId: reservation.saleId },
      reservation.points,
      context(),
    );
    await deps.writeEntry(entry);
    return {
      ok: true,
      mode: 'offline',
      entry,
      ...(reservation.mode === 'online'
        ? { note: 'Recorded on the register; the server releases its hold when it lapses.' }
        : {}),
    };
  }

  /** The sale was voided or the points tender removed: the points go back. */
  async function release(reservation: Reservation): Promise<SettleOutcome> {
    if (reservation.mode === 'offline') return { ok: true, mode: 'offline' };
    const reply = await deps.api.call('loyalty/release', { id: reservation.holdId });
    if (reply.ok) return { ok: true, mode: 'online' };
    if (reply.offline) {
      return {
        ok: true,
        mode: 'online',
        note: `The server cannot be reached; the hold lapses by itself at ${reservation.expiresAt}.`,
      };
    }
    return { ok: false, code: reply.code, message: reply.reason };
  }

  /** The customer's points: the server's answer online, the register's ledger offline. */
  async function balance(
    customerId: string,
  ): Promise<{ available: number; source: 'server' | 'register' }> {
    const reply = await deps.api.call('customers/get', { id: customerId });
    if (reply.ok) return { available: reply.value.loyalty.available, source: 'server' };
    return {
      available: loyaltyBalance(await deps.ledger(), customerId).available,
      source: 'register',
    };
  }

  return { reserve, confirm, release, offlineCheck, balance };
}

export type LoyaltyRedemption = ReturnType<typeof createLoyaltyRedemption>;

/** What the customer display shows: points before the sale, earned, and after. */
export function loyaltyDisplay(
  balanceBefore: number,
  pointsRedeemed: number,
  pointsEarned: number,
): NonNullable<CustomerDisplayState['loyalty']> {
  return {
    balanceBefore,
    pointsEarned,
    balanceAfter: balanceBefore - pointsRedeemed + pointsEarned,
  };
}
