/**
 * Credit notes and gift cards as tenders, with the server as the authority (ARCHITECTURE.md rule
 * 4), wired like the points tender (points-holds.ts): adding the tender takes a hold on the
 * server when online (or checks this store's own note offline), completing the sale confirms it,
 * and a tender that leaves the cart any other way (removed, sale voided or parked) releases it.
 * What is left on each note after the spend is kept for the payment panel to show.
 */
import { create } from 'zustand';
import type { Minor } from '../../../src/money';
import { registerStoredValue } from '../../stored-value/register-stored-value';
import type {
  SpendRequest,
  StoredValueOutcome,
  StoredValueReservation,
  StoredValueService,
} from '../../stored-value/stored-value-service';
import { useCartStore } from '../cart-store';

/** Per tender id: the note and what is left on it once this tender is spent. */
export const useStoredValueStore = create<{
  left: Record<string, { number: string; balanceAfter: Minor; mode: 'online' | 'offline' }>;
}>()(() => ({ left: {} }));

const held = new Map<string, StoredValueReservation>();
let storedValue: StoredValueService | null = null;
let watching = false;

function service(): StoredValueService {
  storedValue ??= registerStoredValue();
  return storedValue;
}

function forget(tenderId: string): void {
  held.delete(tenderId);
  useStoredValueStore.setState((state) => {
    const { [tenderId]: _gone, ...left } = state.left;
    return { left };
  });
}

/** Releases every hold whose tender is no longer in the cart. */
function watchCart(): void {
  if (watching) return;
  watching = true;
  useCartStore.subscribe((state) => {
    for (const [tenderId, reservation] of held) {
      if (state.tenders.some((tender) => tender.tenderId === tenderId)) continue;
      forget(tenderId);
      void service().release(reservation);
    }
  });
}

/** Takes the hold for a credit note or gift card tender about to be added. */
export async function reserveStoredValue(
  tenderId: string,
  request: SpendRequest,
): Promise<StoredValueOutcome> {
  watchCart();
  const outcome = await service().reserve(request);
  if (outcome.ok) keep(tenderId, outcome.reservation);
  return outcome;
}

function keep(tenderId: string, reservation: StoredValueReservation): void {
  held.set(tenderId, reservation);
  useStoredValueStore.setState((state) => ({
    left: {
      ...state.left,
      [tenderId]: {
        number: reservation.number,
        balanceAfter: reservation.balanceAfter,
        mode: reservation.mode,
      },
    },
  }));
}

/** The holds of the open cart's notes, by tender id (the cart journal keeps them). */
export function heldStoredValue(): [string, StoredValueReservation][] {
  return [...held];
}

/**
 * Takes back a hold the register made before it restarted (a restored cart, or a sale repaired
 * at start-up), so completing, removing or voiding acts on it as on one made now.
 */
export function adoptStoredValueHold(tenderId: string, reservation: StoredValueReservation): void {
  watchCart();
  keep(tenderId, reservation);
}

/** The tender could not be added after all: give the value back at once. */
export async function releaseStoredValue(tenderId: string): Promise<void> {
  const reservation = held.get(tenderId);
  if (!reservation) return;
  forget(tenderId);
  await service().release(reservation);
}

/**
 * The sale is durably written: its holds stand. Called before the cart is cleared, so the
 * watcher does not take the cleared tenders for removed ones. A confirmation that cannot reach
 * the server is not lost: the sale itself syncs and is the redemption.
 */
export async function confirmStoredValue(saleId: string): Promise<void> {
  const confirmations: Promise<unknown>[] = [];
  for (const [tenderId, reservation] of held) {
    if (reservation.saleId !== saleId) continue;
    forget(tenderId);
    confirmations.push(service().confirm(reservation));
  }
  await Promise.all(confirmations);
}
