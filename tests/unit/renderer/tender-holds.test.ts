/**
 * The tender holds behind points, credit notes and gift cards (renderer/sell/payment/
 * tender-holds.ts): a hold whose tender leaves the cart is released once; completing a sale
 * confirms that sale's holds only; a hold released or confirmed is never settled twice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useCartStore } from '../../../renderer/sell/cart-store';
import { createTenderHolds } from '../../../renderer/sell/payment/tender-holds';
import { minor } from '../../../src/money';

interface Hold {
  saleId: string;
  id: string;
}

function recordingService() {
  const calls: string[] = [];
  return {
    calls,
    service: {
      release: (hold: Hold) => Promise.resolve(calls.push(`release ${hold.id}`)),
      confirm: (hold: Hold) => Promise.resolve(calls.push(`confirm ${hold.id}`)),
    },
  };
}

describe('tender holds', () => {
  beforeEach(() => useCartStore.getState().clear());

  it('releases a hold once when its tender leaves the cart, and tells who shows it', () => {
    const { calls, service } = recordingService();
    const forgotten: string[] = [];
    const holds = createTenderHolds<Hold>(
      () => service,
      (tenderId) => forgotten.push(tenderId),
    );
    const cart = useCartStore.getState();
    cart.addTender({ tenderId: 't1', kind: 'store-credit', amount: minor(1_000) });
    cart.addTender({ tenderId: 't2', kind: 'store-credit', amount: minor(2_000) });
    holds.keep('t1', { saleId: 's1', id: 'h1' });
    holds.keep('t2', { saleId: 's1', id: 'h2' });

    useCartStore.getState().removeTender('t1');
    useCartStore.getState().removeTender('t1');

    expect(calls).toEqual(['release h1']);
    expect(forgotten).toEqual(['t1']);
    expect(holds.entries()).toEqual([['t2', { saleId: 's1', id: 'h2' }]]);
  });

  it("confirms only the completed sale's holds, before the cart is cleared, and never again", async () => {
    const { calls, service } = recordingService();
    const holds = createTenderHolds<Hold>(() => service);
    const cart = useCartStore.getState();
    cart.addTender({ tenderId: 't1', kind: 'cash', amount: minor(1_000) });
    cart.addTender({ tenderId: 't2', kind: 'cash', amount: minor(1_000) });
    holds.keep('t1', { saleId: 's1', id: 'h1' });
    holds.keep('t2', { saleId: 's-other', id: 'h2' });

    await holds.confirmSale('s1');
    useCartStore.getState().clear();

    expect(calls).toEqual(['confirm h1', 'release h2']);
    expect(holds.entries()).toEqual([]);
  });

  it('gives a hold back at once when its tender could not be added, and only once', async () => {
    const { calls, service } = recordingService();
    const holds = createTenderHolds<Hold>(() => service);
    holds.keep('t9', { saleId: 's1', id: 'h9' });

    await holds.release('t9');
    await holds.release('t9');

    expect(calls).toEqual(['release h9']);
  });
});
