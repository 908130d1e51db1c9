/**
 * The "sale complete" banner belongs to the moment after a sale (issue #18): it goes when the
 * next sale starts (its first line), and when the sell screen goes. Navigating to another
 * screen, switching user (the sign-in screen replaces it) and closing the shift (the register
 * gate replaces it) all take the cashier off the sell screen, so none of them brings an old
 * sale's banner back to the next sale, cashier or shift.
 */
import { useEffect } from 'react';
import { useCartStore } from './cart-store';
import { useLastSaleStore } from './finish-sale';

export function dismissLastSale(): void {
  if (useLastSaleStore.getState().last) useLastSaleStore.setState({ last: null });
}

/** Used by the sell screen: the banner lives while it is on screen and no new sale has begun. */
export function useLastSaleLifetime(): void {
  useEffect(() => {
    const stop = useCartStore.subscribe((cart, before) => {
      if (before.lines.length === 0 && cart.lines.length > 0) dismissLastSale();
    });
    return () => {
      stop();
      dismissLastSale();
    };
  }, []);
}
