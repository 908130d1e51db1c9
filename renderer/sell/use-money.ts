import { useCallback } from 'react';
import { formatMoney } from '../../src/money';
import type { Minor } from '../../src/money';
import { useAppStore } from '../state/app-store';

/** Formats amounts in the store's currency and the cashier's language (display only). */
export function useMoney(): (amount: Minor) => string {
  const locale = useAppStore((state) => state.locale);
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  return useCallback((amount: Minor) => formatMoney(amount, currency, locale), [currency, locale]);
}
