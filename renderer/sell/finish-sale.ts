/**
 * Completing the sale: assemble the documents (src/sales, pure), write them durably in the local
 * replica (which replicates them), and only then print the receipt and open the drawer. A
 * failure to print or to open the drawer is shown; the sale is done either way.
 */
import { create } from 'zustand';
import type { CustomerDoc, SaleDoc } from '../../src/documents';
import type { DeviceErrorCode } from '../../src/ipc/contract';
import { completeSale } from '../../src/sales';
import type { CompleteSaleInput } from '../../src/sales';
import { openShiftNow } from '../state/open-shift-store';
import { confirmPoints, pointsBeforeSale } from './payment/points-holds';
import { confirmStoredValue } from './payment/stored-value-holds';
import type { CompleteSaleError } from '../../src/sales';
import { useCustomerStore } from './customer-store';
import type { Translate } from '../i18n/translate';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { cartInput, useCartStore } from './cart-store';
import { printSaleReceipt } from './receipt-printing';
import { saveCartJournalNow } from './cart-journal';
import { writeSaleImplied } from './sale-repair';
import { storeNumberedSale } from './receipt-numbering';

export interface FinishedSale {
  sale: SaleDoc;
  customer: CustomerDoc | null;
  pointsAfter: number | null;
  jobId: string | null;
  /** Why the drawer did not open, as the host's code: worded when shown, in the screen's language. */
  drawerProblem: DeviceErrorCode | null;
  finishedAt: number;
}

interface LastSaleState {
  last: FinishedSale | null;
  finishing: boolean;
}

export const useLastSaleStore = create<LastSaleState>()(() => ({ last: null, finishing: false }));

function errorMessage(error: CompleteSaleError, t: Translate): string {
  switch (error.code) {
    case 'points-need-customer':
      return t('payment.pointsNoCustomer');
    case 'points-need-program':
      return t('payment.pointsNoProgram');
    case 'points-over-allowance':
      return t('payment.pointsOverBalance', {
        max: error.maxPoints ?? 0,
        balance: useCustomerStore.getState().balance?.available ?? 0,
      });
    case 'empty-cart':
    case 'pricing':
    case 'points-value':
    case 'payment':
      return t('payment.error', { reason: error.message });
  }
}

export async function finishSale(t: Translate): Promise<boolean> {
  const cart = useCartStore.getState();
  const { settings, staff, config } = useAppStore.getState();
  const customerState = useCustomerStore.getState();
  if (!cart.saleId || !cart.startedAt || !settings || !staff || !config) return false;
  if (useLastSaleStore.getState().finishing) return false;

  // Sales belong to a shift: the Z report counts the drawer by them (src/shifts).
  const shift = openShiftNow();
  if (!shift) {
    cart.setNotice({ kind: 'error', text: t('sell.registerClosed') });
    return false;
  }
  const customer = customerState.customer;
  const input: CompleteSaleInput = {
    saleId: cart.saleId,
    createdAt: cart.startedAt,
    completedAt: new Date().toISOString(),
    storeId: config.storeId,
    registerId: config.registerId,
    deviceId: config.deviceId,
    staffId: staff.id,
    shiftId: shift.id,
    settings,
    cart: cartInput(cart),
    tenders: cart.tenders,
    ...(customer
      ? {
          customer: {
            id: customer.id,
            tier: customerState.standing?.tier ?? null,
            // Before this sale's redemption: its own holds are not spent twice (points-holds.ts).
            availablePoints: pointsBeforeSale(customerState.entries, customer.id, cart.saleId),
          },
        }
      : {}),
  };
  const result = completeSale(input);
  if (!result.ok) {
    cart.setNotice({ kind: 'error', text: errorMessage(result.error, t) });
    return false;
  }
  const { pointsAfter } = result.completed;
  const { db, replication, api } = services();
  useLastSaleStore.setState({ finishing: true });
  let sale: SaleDoc;
  try {
    // Durable before visible, in an order a crash cannot break (sale-repair.ts): the journal
    // names this sale, then the sale is written with its receipt number (receipt-numbering.ts),
    // then what it implies. A crash in between leaves a stored sale that start-up completes,
    // never stock or points without their sale. A retry rewrites nothing and keeps the number
    // the sale was stored with (ids are derived from the sale id, conflicts are ignored).
    await saveCartJournalNow(db, config);
    const numbered = await storeNumberedSale(db, config, input.saleId, (receiptSequence) => {
      const numberedSale = completeSale({ ...input, receiptSequence });
      if (!numberedSale.ok) throw new Error(numberedSale.error.message);
      return numberedSale.completed.sale;
    });
    if (!numbered.ok) {
      useLastSaleStore.setState({ finishing: false });
      cart.setNotice({
        kind: 'error',
        text: t(
          numbered.reason === 'not-known'
            ? 'sell.receiptNumberUnknown'
            : 'sell.receiptNumbersExhausted',
        ),
      });
      return false;
    }
    sale = numbered.sale;
    await writeSaleImplied(db, sale, settings.loyalty?.program);
  } catch (error) {
    useLastSaleStore.setState({ finishing: false });
    cart.setNotice({
      kind: 'error',
      text: t('sell.saveFailed', {
        reason: error instanceof Error ? error.message : String(error),
      }),
    });
    return false;
  }

  await Promise.all([confirmPoints(sale.id), confirmStoredValue(sale.id)]);
  void replication.refresh();

  const finished: FinishedSale = {
    sale,
    customer,
    pointsAfter,
    jobId: null,
    drawerProblem: null,
    finishedAt: Date.now(),
  };
  useLastSaleStore.setState({ last: finished, finishing: false });
  useCartStore.getState().clear();
  if (customer) useCustomerStore.getState().detach();

  const paidCash = sale.payment.tenders.some((tender) => tender.kind === 'cash');
  const jobId = await printSaleReceipt(sale, false, {
    customer,
    pointsBalance: pointsAfter,
    staff,
  });
  useLastSaleStore.setState((state) =>
    state.last?.sale.id === sale.id ? { last: { ...state.last, jobId } } : state,
  );
  if (paidCash) {
    const drawer = await api.invoke('drawer/open', { reason: 'cash-sale', staffId: staff.id });
    if (!drawer.ok) {
      useLastSaleStore.setState((state) =>
        state.last?.sale.id === sale.id
          ? {
              last: {
                ...state.last,
                drawerProblem: drawer.code,
              },
            }
          : state,
      );
    }
  }
  return true;
}
