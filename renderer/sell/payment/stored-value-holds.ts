/**
 * Credit notes and gift cards as tenders, with the server as the authority (ARCHITECTURE.md rule
 * 4), held like the points tender (tender-holds.ts): adding the tender takes a hold on the
 * server when online (or checks this store's own note offline), completing the sale confirms it
 * (a confirmation that cannot reach the server is not lost: the sale itself syncs and is the
 * redemption), and a tender that leaves the cart any other way releases it. What is left on each
 * note after the spend is kept for the payment panel to show.
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
import { createTenderHolds } from './tender-holds';

/** Per tender id: the note and what is left on it once this tender is spent. */
export const useStoredValueStore = create<{
  left: Record<string, { number: string; balanceAfter: Minor; mode: 'online' | 'offline' }>;
}>()(() => ({ left: {} }));

let storedValue: StoredValueService | null = null;

function service(): StoredValueService {
  storedValue ??= registerStoredValue();
  return storedValue;
}

const holds = createTenderHolds<StoredValueReservation>(service, (tenderId) =>
  useStoredValueStore.setState((state) => {
    const { [tenderId]: _gone, ...left } = state.left;
    return { left };
  }),
);

function keep(tenderId: string, reservation: StoredValueReservation): void {
  holds.keep(tenderId, reservation);
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

/** Takes the hold for a credit note or gift card tender about to be added. */
export async function reserveStoredValue(
  tenderId: string,
  request: SpendRequest,
): Promise<StoredValueOutcome> {
  const outcome = await service().reserve(request);
  if (outcome.ok) keep(tenderId, outcome.reservation);
  return outcome;
}

/** The holds of the open cart's notes, by tender id (the cart journal keeps them). */
export const heldStoredValue = (): [string, StoredValueReservation][] => holds.entries();

/**
 * Takes back a hold the register made before it restarted (a restored cart, or a sale repaired
 * at start-up), so completing, removing or voiding acts on it as on one made now.
 */
export const adoptStoredValueHold = keep;

/** The tender could not be added after all: give the value back at once. */
export const releaseStoredValue = (tenderId: string): Promise<void> => holds.release(tenderId);

/** The sale is durably written: its holds stand. */
export const confirmStoredValue = (saleId: string): Promise<void> => holds.confirmSale(saleId);

/** Whether a gift card may be sold: see StoredValueService.issuable. */
export const giftCardIssuable = (number: string): Promise<'new' | 'issued' | 'offline'> =>
  service().issuable(number);
