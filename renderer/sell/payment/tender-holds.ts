/**
 * The one mechanism behind every tender the server holds value for (points, credit notes, gift
 * cards; ARCHITECTURE.md rule 4): adding the tender takes a hold, completing the sale confirms
 * it, and a tender that leaves the cart any other way (removed, sale voided or parked) releases
 * it. Holds the server never hears back about expire by themselves. points-holds.ts and
 * stored-value-holds.ts are this, wired to their own service.
 */
import { useCartStore } from '../cart-store';

interface HoldService<Hold> {
  release(hold: Hold): Promise<unknown>;
  confirm(hold: Hold): Promise<unknown>;
}

export interface TenderHolds<Hold extends { saleId: string }> {
  /** Keeps a hold taken (or taken back after a restart) for a tender, watching the cart. */
  keep(tenderId: string, hold: Hold): void;
  /** The tender could not be added after all: give the value back at once. */
  release(tenderId: string): Promise<void>;
  /** The open cart's holds, by tender id (the cart journal keeps them). */
  entries(): [string, Hold][];
  /**
   * The sale is durably written: its holds stand. Called before the cart is cleared, so the
   * watcher does not take the cleared tenders for removed ones.
   */
  confirmSale(saleId: string): Promise<void>;
}

export function createTenderHolds<Hold extends { saleId: string }>(
  service: () => HoldService<Hold>,
  /** Told when a tender's hold is no longer kept (released, confirmed or gone with its tender). */
  onForget: (tenderId: string) => void = () => undefined,
): TenderHolds<Hold> {
  const held = new Map<string, Hold>();
  let watching = false;

  function forget(tenderId: string): void {
    held.delete(tenderId);
    onForget(tenderId);
  }

  /** Releases every hold whose tender is no longer in the cart. */
  function watchCart(): void {
    if (watching) return;
    watching = true;
    useCartStore.subscribe((state) => {
      for (const [tenderId, hold] of held) {
        if (state.tenders.some((tender) => tender.tenderId === tenderId)) continue;
        forget(tenderId);
        void service().release(hold);
      }
    });
  }

  return {
    keep(tenderId, hold) {
      watchCart();
      held.set(tenderId, hold);
    },
    async release(tenderId) {
      const hold = held.get(tenderId);
      if (!hold) return;
      forget(tenderId);
      await service().release(hold);
    },
    entries: () => [...held],
    async confirmSale(saleId) {
      const confirmations: Promise<unknown>[] = [];
      for (const [tenderId, hold] of held) {
        if (hold.saleId !== saleId) continue;
        forget(tenderId);
        confirmations.push(service().confirm(hold));
      }
      await Promise.all(confirmations);
    },
  };
}
