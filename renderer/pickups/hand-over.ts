/**
 * Handing over (part of) a web order: check who is collecting, take what is due with src/tenders,
 * write the PickupDoc with the stock it takes out of this store (they replicate to the server,
 * which then shows the pickup on the order) and print the pickup slip. The pickup carries the
 * open shift and its tenders, so the shift's reports count the money taken here. Writing comes
 * before printing: a jammed printer never undoes a pickup (ARCHITECTURE.md rule 6).
 */
import type { PickupDoc, StockMoveDoc } from '../../src/documents';
import { formatMoney } from '../../src/money';
import type { Minor } from '../../src/money';
import {
  amountDueForPickup,
  orderLineProgress,
  pickupStockMoves,
  recordPickup,
  WebOrderError,
} from '../../src/orders';
import type { Receipt } from '../../src/receipt';
import { pickupSlipOf } from '../lookup/document-receipts';
import { settle } from '../../src/tenders';
import type { AppliedTender, TenderInput } from '../../src/tenders';
import { openShiftNow } from '../state/open-shift-store';
import { readTypedAmount } from '../platform/typed-amount';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { printReceipt } from '../devices/print-receipt';
import { customerById, savePickup } from './pickup-writes';
import { newId } from '../platform/new-id';
import { handOverCheck } from './pickup-queue';
import type { OpenOrder, PickupState } from './pickup-store';
import type { OmniTranslate } from '../i18n/use-omni-translate';

export type HandOverOutcome =
  { ok: true; pickup: PickupDoc; slip: Receipt; message: string } | { ok: false; message: string };

export function chosenLines(quantities: Record<string, number>): PickupDoc['lines'] {
  return Object.entries(quantities)
    .filter(([, quantity]) => quantity > 0)
    .map(([lineId, quantity]) => ({ lineId, quantity }));
}

/** By default everything still to collect is handed over now. */
export function toPickNow(open: OpenOrder): Record<string, number> {
  return Object.fromEntries(
    orderLineProgress(open.order, open.pickups).map((line) => [line.lineId, line.toPickUp]),
  );
}

async function insertStockMoves(moves: StockMoveDoc[]): Promise<void> {
  if (moves.length === 0) return;
  const result = await services().db.stock.bulkInsert(moves);
  const failed = result.error.filter((error) => error.status !== 409);
  if (failed.length > 0) {
    throw new Error(`stock: ${failed.map((error) => error.status).join(', ')}`);
  }
}

export async function handOver(state: PickupState, t: OmniTranslate): Promise<HandOverOutcome> {
  const open = state.open;
  const { config } = services();
  const app = useAppStore.getState();
  if (!open || !app.staff) return { ok: false, message: t('pickup.nothingSelected') };
  const { order, pickups } = open;
  const lines = chosenLines(state.quantities);
  if (lines.length === 0) return { ok: false, message: t('pickup.nothingSelected') };
  const customer = await customerById(order.customerId);
  const check = handOverCheck(order, customer, {
    orderNumber: state.saidNumber,
    nameOrPhone: state.saidNameOrPhone,
  });
  if (!check.ok) {
    return {
      ok: false,
      message:
        check.reason === 'order-number' ? t('pickup.wrongNumber') : t('pickup.wrongCustomer'),
    };
  }
  const due = amountDueForPickup(order, pickups, lines);
  const money = (amount: Minor) => formatMoney(amount, order.currency, app.locale);
  const tenders: AppliedTender[] = [];
  if (due > 0) {
    let tender: TenderInput;
    if (state.payWith === 'cash') {
      const given = readTypedAmount(state.cashGiven, order.currency, app.locale);
      if (!given.ok) return given;
      tender = { kind: 'cash', tenderId: 'cash-1', amount: given.amount };
    } else {
      tender = {
        kind: 'card',
        tenderId: 'card-1',
        amount: due,
        approvalCode: state.approvalCode.trim(),
      };
    }
    const settled = settle(due, [tender], {
      currency: order.currency,
      cashRounding: app.settings?.cashRounding ?? null,
    });
    if (!settled.ok)
      return { ok: false, message: settled.errors.map((error) => error.message).join(' ') };
    const { settlement } = settled;
    tenders.push(...settlement.tenders);
  }
  const shift = openShiftNow();
  let pickup: PickupDoc;
  let stockMoves: StockMoveDoc[];
  try {
    pickup = recordPickup(order, pickups, {
      id: newId('pick'),
      storeId: config.storeId,
      deviceId: config.deviceId,
      staffId: app.staff.id,
      lines,
      ...(shift ? { shiftId: shift.id } : {}),
      tenders,
      createdAt: new Date().toISOString(),
    });
    stockMoves = pickupStockMoves(pickup, order);
  } catch (error) {
    if (error instanceof WebOrderError)
      return { ok: false, message: t('pickup.failed', { reason: error.message }) };
    throw error;
  }
  // The goods leave this store's stock with the pickup; the moves' ids come from the pickup's,
  // so writing them again (a retry) moves nothing twice.
  await Promise.all([savePickup(pickup), insertStockMoves(stockMoves)]);
  const slip = await pickupSlipOf(order, pickups, pickup, t, {
    ...(customer ? { customerName: customer.name } : {}),
    staffName: app.staff.name,
  });
  const printed = await printReceipt(slip);
  const changeGiven = tenders.reduce((sum, tender) => sum + tender.change, 0) as Minor;
  const change = changeGiven > 0 ? ` ${t('pickup.change', { amount: money(changeGiven) })}` : '';
  return {
    ok: true,
    pickup,
    slip,
    message: printed.ok
      ? `${t('pickup.done', { number: order.orderNumber })}${change}`
      : `${t('pickup.printFailed', { reason: printed.message ?? '' })}${change}`,
  };
}
