/**
 * Keyboard shortcuts of the sell screen (listed on screen and in docs/CASHIER.md): F2 search,
 * F4 customer, F6 edit line, F8 park, F9 pay, F12 complete, Esc close or go back, + and - the
 * selected line's quantity, Del remove it. They act only when no dialog is open (Esc always).
 */
import { useEffect } from 'react';
import type { PricedCart } from '../../src/pricing';
import { finishOverride, useOverrideStore } from '../auth/override-store';
import { isEditable } from '../devices/wedge-listener';
import { onTypedKey } from '../devices/scan-router';
import type { Translate } from '../i18n/translate';
import { useCartStore } from './cart-store';
import { finishSale } from './finish-sale';
import { removeLine } from './sale-actions';
import { currentScanInput, focusScanInput } from './scan-input-focus';
import { useSellUiStore } from './sell-ui-store';

/** Keys that edit text when typed in a field with text, and act on the cart otherwise. */
function actsOnCart(target: Element | null, scanInput: HTMLInputElement | null): boolean {
  if (!isEditable(target)) return true;
  return target === scanInput && target.value === '';
}

export function useSellShortcuts(priced: PricedCart | null, t: Translate): void {
  useEffect(() => {
    const ui = useSellUiStore.getState;
    const blocked = () => ui().dialog !== 'none' || useOverrideStore.getState().pending !== null;

    const onKeyDown = (event: KeyboardEvent): void => {
      const cart = useCartStore.getState();
      if (event.key === 'Escape') {
        if (useOverrideStore.getState().pending) finishOverride(null);
        else if (ui().dialog !== 'none') ui().close();
        else if (cart.paying) cart.setPaying(false);
        focusScanInput();
        event.preventDefault();
        return;
      }
      if (blocked()) return;
      switch (event.key) {
        case 'F2':
          cart.setPaying(false);
          focusScanInput(true);
          break;
        case 'F4':
          ui().open('customer');
          break;
        case 'F6':
          if (cart.lastLineId) ui().open('edit-line');
          break;
        case 'F8':
          ui().open(cart.lines.length > 0 ? 'park' : 'parked');
          break;
        case 'F9':
          if (cart.lines.length > 0 && priced) cart.setPaying(true);
          break;
        case 'F12':
          if (cart.paying) void finishSale(t);
          break;
        case 'Delete':
          if (!actsOnCart(event.target as Element | null, currentScanInput())) return;
          if (cart.lastLineId) void removeLine(cart.lastLineId, priced, t);
          break;
        default:
          return;
      }
      event.preventDefault();
    };

    const onQuantityKey = (key: string, target: Element | null): boolean => {
      if ((key !== '+' && key !== '-') || blocked()) return false;
      if (!actsOnCart(target, currentScanInput())) return false;
      const cart = useCartStore.getState();
      const line = cart.lines.find((candidate) => candidate.lineId === cart.lastLineId);
      if (line?.pricing !== 'unit') return false;
      if (key === '+') cart.setQuantity(line.lineId, line.quantity + 1);
      else if (line.quantity > 1) cart.setQuantity(line.lineId, line.quantity - 1);
      return true;
    };

    window.addEventListener('keydown', onKeyDown);
    const stopTyped = onTypedKey(onQuantityKey);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopTyped();
    };
  }, [priced, t]);
}
