/**
 * The customer display follows the sale live: every change of the cart sends 'display/show'
 * with what the customer should see; after a sale it thanks them (with their points) for a
 * while, then goes idle.
 */
import { useEffect, useState } from 'react';
import type { CustomerDisplayState } from '../../src/ipc/contract';
import { formatMoney } from '../../src/money';
import type { Minor } from '../../src/money';
import type { PricedCart } from '../../src/pricing';
import { useCustomerStore } from './customer-store';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { useCartStore } from './cart-store';
import { useLastSaleStore } from './finish-sale';
import { useShownTransferStore } from './payment/bank-transfer';

const THANK_YOU_MS = 20_000;

export function useCustomerDisplay(priced: PricedCart | null): void {
  const locale = useAppStore((state) => state.locale);
  const currency = useAppStore((state) => state.settings?.currency ?? 'VND');
  const lines = useCartStore((state) => state.lines);
  const lastLineId = useCartStore((state) => state.lastLineId);
  const balance = useCustomerStore((state) => state.balance);
  const last = useLastSaleStore((state) => state.last);
  const transfer = useShownTransferStore((state) => state.code);
  // The sale whose thank-you has been shown long enough: the display goes idle after it.
  const [doneThanking, setDoneThanking] = useState<string | null>(null);

  const thanking = lines.length === 0 && last !== null && last.sale.id !== doneThanking;
  useEffect(() => {
    if (!thanking || !last) return undefined;
    const timer = setTimeout(
      () => setDoneThanking(last.sale.id),
      THANK_YOU_MS - (Date.now() - last.finishedAt),
    );
    return () => clearTimeout(timer);
  }, [thanking, last]);

  useEffect(() => {
    const money = (amount: Minor) => formatMoney(amount, currency, locale);
    let state: CustomerDisplayState;
    if (lines.length > 0 && priced) {
      const pricedById = new Map(priced.lines.map((line) => [line.lineId, line]));
      const shown = lines.map((line) => ({
        name: line.name,
        quantity: line.pricing === 'weight' ? `${line.grams ?? 0} g` : String(line.quantity),
        amount: money(pricedById.get(line.lineId)?.total ?? (0 as Minor)),
      }));
      const lastLine = lines.find((line) => line.lineId === lastLineId);
      const lastPriced = lastLine ? pricedById.get(lastLine.lineId) : undefined;
      state = {
        mode: 'sale',
        locale,
        lines: shown,
        total: money(priced.totals.total),
        ...(lastLine && lastPriced
          ? { lastItem: { name: lastLine.name, amount: money(lastPriced.total) } }
          : {}),
        ...(balance
          ? {
              loyalty: {
                balanceBefore: balance.available,
                pointsEarned: 0,
                balanceAfter: balance.available,
              },
            }
          : {}),
        ...(transfer
          ? {
              transfer: {
                svg: transfer.svg,
                amount: money(transfer.amount),
                bankBin: transfer.bankBin,
                ...(transfer.bankName ? { bankName: transfer.bankName } : {}),
                accountNumber: transfer.accountNumber,
                accountName: transfer.accountName,
                reference: transfer.reference,
              },
            }
          : {}),
      };
    } else if (thanking && last) {
      const earned = last.sale.loyalty?.pointsEarned ?? 0;
      state = {
        mode: 'thank-you',
        locale,
        lines: [],
        total: money(last.sale.payment.amountToCollect),
        ...(last.pointsAfter !== null
          ? {
              loyalty: {
                balanceBefore: last.pointsAfter - earned + (last.sale.loyalty?.pointsRedeemed ?? 0),
                pointsEarned: earned,
                balanceAfter: last.pointsAfter,
              },
            }
          : {}),
      };
    } else {
      state = { mode: 'idle', locale, lines: [], total: money(0 as Minor) };
    }
    void services().api.invoke('display/show', state);
  }, [lines, lastLineId, priced, balance, thanking, last, locale, currency, transfer]);
}
