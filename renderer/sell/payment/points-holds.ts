/**
 * Points as a tender, with the server as the authority (ARCHITECTURE.md rule 4): adding the
 * tender takes a hold on the server when online (or checks the offline allowance), completing
 * the sale confirms it, and a tender that leaves the cart any other way (removed, sale voided or
 * parked) releases it. Holds the server never hears back about expire by themselves.
 */
import type { Minor } from '../../../src/money';
import { registerLoyaltyRedemption } from '../../loyalty/register-loyalty';
import type {
  LoyaltyRedemption,
  Reservation,
  ReserveOutcome,
  ReserveRequest,
} from '../../loyalty/loyalty-redemption';
import { useCartStore } from '../cart-store';

export { pointsBeforeSale, pointsCap } from '../sale-points';

const held = new Map<string, Reservation>();
let redemption: LoyaltyRedemption | null = null;
let watching = false;

function service(): LoyaltyRedemption {
  redemption ??= registerLoyaltyRedemption();
  return redemption;
}

/** Releases every hold whose tender is no longer in the cart. */
function watchCart(): void {
  if (watching) return;
  watching = true;
  useCartStore.subscribe((state) => {
    for (const [tenderId, reservation] of held) {
      if (state.tenders.some((tender) => tender.tenderId === tenderId)) continue;
      held.delete(tenderId);
      void service().release(reservation);
    }
  });
}

/** Takes the hold for a points tender about to be added; the tender's amount is its value. */
export async function reservePoints(
  tenderId: string,
  request: ReserveRequest,
): Promise<ReserveOutcome> {
  watchCart();
  const outcome = await service().reserve(request);
  if (outcome.ok) held.set(tenderId, outcome.reservation);
  return outcome;
}

/** The tender could not be added after all: give the points back at once. */
export async function releasePoints(tenderId: string): Promise<void> {
  const reservation = held.get(tenderId);
  if (!reservation) return;
  held.delete(tenderId);
  await service().release(reservation);
}

/** The holds of the open cart's points tenders, by tender id (the cart journal keeps them). */
export function heldPoints(): [string, Reservation][] {
  return [...held];
}

/**
 * Takes back a hold the register made before it restarted (a restored cart, or a sale repaired
 * at start-up), so completing, removing or voiding acts on it as on one made now.
 */
export function adoptPointsHold(tenderId: string, reservation: Reservation): void {
  watchCart();
  held.set(tenderId, reservation);
}

/**
 * The sale is durably written: its holds become redemptions. Called before the cart is cleared,
 * so the watcher does not take the cleared tenders for removed ones. A confirmation that cannot
 * reach the server now is not lost: the sale's own redeem entry (same idempotency key) syncs.
 */
export async function confirmPoints(saleId: string): Promise<void> {
  const confirmations: Promise<unknown>[] = [];
  for (const [tenderId, reservation] of held) {
    if (reservation.saleId !== saleId) continue;
    held.delete(tenderId);
    confirmations.push(service().confirm(reservation));
  }
  await Promise.all(confirmations);
}

/** Offline, how many points the register's allowance lets this customer redeem on this sale. */
export async function offlinePointsAllowed(customerId: string, saleTotal: Minor): Promise<number> {
  return (await service().offlineCheck({ customerId, saleTotal })).allowedPoints;
}
