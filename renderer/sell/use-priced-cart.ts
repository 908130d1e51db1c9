import { useMemo } from 'react';
import { priceCart, pricingContextFromSettings } from '../../src/pricing';
import type { PricedCart } from '../../src/pricing';
import { useAppStore } from '../state/app-store';
import { cartInput, useCartStore } from './cart-store';

/**
 * The open sale, priced by src/pricing with this store's tax settings and promotions: promotions
 * at the instant the sale started, tax rates at the last change to the cart (the sale itself is
 * taxed at completion, docs/TAX.md; the server re-prices it at those instants too).
 */
export function usePricedCart(): PricedCart | null {
  const settings = useAppStore((state) => state.settings);
  const lines = useCartStore((state) => state.lines);
  const orderDiscount = useCartStore((state) => state.orderDiscount);
  const startedAt = useCartStore((state) => state.startedAt);
  return useMemo(() => {
    if (!settings) return null;
    const at = startedAt ?? new Date().toISOString();
    try {
      return priceCart(
        cartInput({ lines, orderDiscount }),
        pricingContextFromSettings(settings, at, new Date().toISOString()),
      );
    } catch (error) {
      // Every input is checked before it goes in the cart; a failure here is a bug, shown not hidden.
      console.error(error);
      return null;
    }
  }, [settings, lines, orderDiscount, startedAt]);
}
