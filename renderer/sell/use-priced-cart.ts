import { useMemo } from 'react';
import { priceCart, pricingContextFromSettings } from '../../src/pricing';
import type { PricedCart } from '../../src/pricing';
import { useAppStore } from '../state/app-store';
import { useCartStore } from './cart-store';

/** The open sale, priced by src/pricing with this store's tax settings and promotions. */
export function usePricedCart(): PricedCart | null {
  const settings = useAppStore((state) => state.settings);
  const lines = useCartStore((state) => state.lines);
  const orderDiscount = useCartStore((state) => state.orderDiscount);
  return useMemo(() => {
    if (!settings) return null;
    const context = pricingContextFromSettings(settings, new Date().toISOString());
    return priceCart({ lines, ...(orderDiscount ? { orderDiscount } : {}) }, context);
  }, [settings, lines, orderDiscount]);
}
