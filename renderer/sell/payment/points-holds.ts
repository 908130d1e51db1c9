/**
 * Points as a tender, with the server as the authority (ARCHITECTURE.md rule 4): adding the
 * tender takes a hold on the server when online (or checks the offline allowance), completing
 * the sale confirms it (a confirmation that cannot reach the server now is not lost: the sale's
 * own redeem entry, same idempotency key, syncs), and a tender that leaves the cart any other
 * way releases it (tender-holds.ts).
 */
import type { Minor } from '../../../src/money';
import { registerLoyaltyRedemption } from '../../loyalty/register-loyalty';
import type {
  LoyaltyRedemption,
  Reservation,
  ReserveOutcome,
  ReserveRequest,
} from '../../loyalty/loyalty-redemption';
import { createTenderHolds } from './tender-holds';

export { pointsBeforeSale, pointsCap } from '../sale-points';

let redemption: LoyaltyRedemption | null = null;

function service(): LoyaltyRedemption {
  redemption ??= registerLoyaltyRedemption();
  return redemption;
}

const holds = createTenderHolds<Reservation>(service);

/** Takes the hold for a points tender about to be added; the tender's amount is its value. */
export async function reservePoints(
  tenderId: string,
  request: ReserveRequest,
): Promise<ReserveOutcome> {
  const outcome = await service().reserve(request);
  if (outcome.ok) holds.keep(tenderId, outcome.reservation);
  return outcome;
}

/** The tender could not be added after all: give the points back at once. */
export const releasePoints = (tenderId: string): Promise<void> => holds.release(tenderId);

/** The holds of the open cart's points tenders, by tender id (the cart journal keeps them). */
export const heldPoints = (): [string, Reservation][] => holds.entries();

/**
 * Takes back a hold the register made before it restarted (a restored cart, or a sale repaired
 * at start-up), so completing, removing or voiding acts on it as on one made now.
 */
export const adoptPointsHold = (tenderId: string, reservation: Reservation): void =>
  holds.keep(tenderId, reservation);

/** The sale is durably written: its holds become redemptions. */
export const confirmPoints = (saleId: string): Promise<void> => holds.confirmSale(saleId);

/** Offline, how many points the register's allowance lets this customer redeem on this sale. */
export async function offlinePointsAllowed(customerId: string, saleTotal: Minor): Promise<number> {
  return (await service().offlineCheck({ customerId, saleTotal })).allowedPoints;
}
