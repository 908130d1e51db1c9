/**
 * The returns counter's steps, between the screen and the domain core: turn the document found
 * into a ReturnSource, plan the refund with src/returns under the store's policy, claim the
 * pieces on the server when it can be reached (so two registers never return the same pieces
 * online), then write the return's documents and print its receipt.
 */
import type { ReturnDoc } from '../../src/documents';
import { formatMoney, minor } from '../../src/money';
import { pickedUpByLine } from '../../src/orders';
import type { Receipt } from '../../src/receipt';
import { returnReceiptOf } from '../lookup/document-receipts';
import { planReturn, returnSourceFromSale } from '../../src/returns';
import type { ReturnPlan, ReturnSource } from '../../src/returns';
import { hostPinMac, staffByPin } from '../auth/pin';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { printReceipt } from '../devices/print-receipt';
import { ledgerFor } from '../lookup/customer-ledger';
import { managers, saveReturn } from './return-writes';
import type { FoundDocument } from '../lookup/document-lookup';
import { serverApi } from '../lookup/document-lookup';
import { newId } from '../platform/new-id';
import { buildReturnDocuments, returnableLines } from '../lookup/return-documents';
import type { ReturnsState } from './returns-store';
import { useReturnsStore } from './returns-store';
import { navigate } from '../platform/use-hash-route';
import { returnPolicyOf } from '../../src/returns';
import type { OmniTranslate } from '../i18n/use-omni-translate';
import { returnSourceFromWebOrder } from './web-order-return-source';
import { openShiftNow } from '../state/open-shift-store';

export async function sourceOf(
  found: FoundDocument,
): Promise<{ source: ReturnSource; pickedUp: Record<string, number> | null }> {
  if (found.kind === 'sale') return { source: returnSourceFromSale(found.sale), pickedUp: null };
  const { order } = found;
  const earn = (await ledgerFor(order.customerId)).find(
    (entry) => entry.idempotencyKey === `earn:${order.id}`,
  );
  const settings = useAppStore.getState().settings;
  const source = returnSourceFromWebOrder({
    order,
    pickups: found.pickups,
    productBySku: (sku) => services().catalog.bySku(sku),
    tax: settings?.tax,
    pointsEarned: earn?.points ?? 0,
  });
  return { source, pickedUp: Object.fromEntries(pickedUpByLine(order, found.pickups)) };
}

/** A return started elsewhere (a customer's history, through the staff shell): the returns screen. */
export async function startReturnOf(found: FoundDocument): Promise<void> {
  const { source, pickedUp } = await sourceOf(found);
  useReturnsStore.getState().start(found, source, pickedUp);
  navigate('/returns');
}

/** Plans the refund; errors are in the cashier's words (src/returns writes them so). */
export function planFor(
  state: ReturnsState,
  t: OmniTranslate,
): { ok: true; plan: ReturnPlan; needsApproval: boolean } | { ok: false; message: string } {
  const { found, source } = state;
  const settings = useAppStore.getState().settings;
  if (!found || !source) return { ok: false, message: t('returns.nothingReturnable') };
  const wanted = Object.entries(state.rows).filter(([, row]) => row.quantity > 0);
  const limits = new Map(
    returnableLines(
      source,
      found.returns,
      state.pickedUp ? new Map(Object.entries(state.pickedUp)) : undefined,
    ).map((line) => [line.lineId, line]),
  );
  for (const [lineId, row] of wanted) {
    const limit = limits.get(lineId);
    if (state.pickedUp && limit && row.quantity > limit.returnable) {
      return { ok: false, message: t('returns.notPickedUp') };
    }
  }
  const { policy } = returnPolicyOf(settings);
  const result = planReturn({
    kind: 'with-receipt',
    source,
    lines: wanted.map(([lineId, row]) => ({
      originalLineId: lineId,
      quantity: row.quantity,
      reason: row.reason.trim() || t('returns.defaultReason'),
      restock: row.restock,
    })),
    knownReturns: found.returns,
    policy,
    now: new Date().toISOString(),
    cashRounding: settings?.cashRounding ?? null,
  });
  if (!result.ok)
    return { ok: false, message: result.errors.map((error) => error.message).join(' ') };
  let plan = result.plan;
  if (state.exchange) {
    // An exchange keeps the value in the store: all of it becomes credit for the new sale
    // (src/returns/exchange.ts), spent with a store-credit tender referencing this return.
    plan = {
      ...plan,
      tenders: [{ kind: 'store-credit', covers: plan.totals.refund, amount: plan.totals.refund }],
      cashRoundingAdjustment: minor(0),
      loyalty: { ...plan.loyalty, pointsRedeemedReturned: 0 },
    };
  }
  // Offline, returns made at other stores are invisible here: someone accountable approves.
  const foreign = found.kind === 'order' || found.sale.storeId !== services().config.storeId;
  return {
    ok: true,
    plan,
    needsApproval: plan.needsManagerApproval || (foreign && !found.serverChecked),
  };
}

/**
 * Reserves the pieces on the server under the return's id (POST /api/v1/returns/claims). Only a
 * refusal stops the return: unreachable, or an original the server does not hold yet, and the
 * return goes on offline, where the server judges it by its offline allowance when it arrives.
 */
async function claimPieces(
  returnId: string,
  plan: ReturnPlan,
  t: OmniTranslate,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!plan.original) return { ok: true };
  const claimed = await serverApi().call('returns/claim', {
    returnId,
    original: plan.original.documentId,
    // Lines of the original only: the server reserves pieces of the original's lines.
    lines: plan.lines.flatMap((line) =>
      line.originalLineId === undefined
        ? []
        : [{ originalLineId: line.originalLineId, quantity: line.quantity }],
    ),
  });
  if (claimed.ok || claimed.offline || claimed.status === 404) return { ok: true };
  if (claimed.code === 'over_return') {
    return { ok: false, message: `${t('returns.nothingReturnable')} ${claimed.reason}` };
  }
  return { ok: false, message: claimed.reason };
}

export async function completeReturn(
  state: ReturnsState,
  t: OmniTranslate,
): Promise<
  | { ok: true; returnDoc: ReturnDoc; receipt: Receipt; message: string }
  | { ok: false; message: string }
> {
  const { found, source, plan } = state;
  const app = useAppStore.getState();
  const { config } = services();
  if (!found || !source || !plan || !app.staff)
    return { ok: false, message: t('returns.nothingReturnable') };
  let approvedBy: string | undefined;
  let approverName: string | undefined;
  if (state.needsApproval) {
    const { member: manager, problem } = await staffByPin(
      state.managerPin,
      await managers(),
      hostPinMac(services().api),
    );
    if (problem) return { ok: false, message: problem };
    if (!manager) return { ok: false, message: t('returns.wrongManagerPin') };
    approvedBy = manager.id;
    approverName = manager.name;
  }
  const returnId = state.returnId ?? newId('ret');
  const claim = await claimPieces(returnId, plan, t);
  if (!claim.ok) return claim;
  const shift = openShiftNow();
  const now = new Date().toISOString();
  const documents = buildReturnDocuments({
    returnId,
    plan,
    currency: source.currency,
    writer: {
      storeId: config.storeId,
      registerId: config.registerId,
      deviceId: config.deviceId,
      staffId: app.staff.id,
      ...(shift ? { shiftId: shift.id } : {}),
      ...(approvedBy ? { approvedBy } : {}),
    },
    now,
    ledger: source.customerId ? await ledgerFor(source.customerId) : [],
    ...(state.exchange ? { exchangeSaleId: newId('sale') } : {}),
  });
  await saveReturn(documents);
  const money = formatMoney(plan.totals.refund, source.currency, app.locale);
  const receipt = await returnReceiptOf(documents.returnDoc, {
    originalLabel: found.kind === 'order' ? found.order.orderNumber : found.sale.id,
    staffName: app.staff.name,
    ...(approverName ? { approverName } : {}),
  });
  const printed = await printReceipt(receipt);
  const parts = [
    state.exchange
      ? t('returns.exchangeDone', { id: returnId, amount: money })
      : t('returns.done', { id: returnId, amount: money }),
  ];
  if (documents.loyaltyShortfall > 0) {
    parts.push(t('returns.loyaltyShortfall', { points: documents.loyaltyShortfall }));
  }
  if (!printed.ok) parts.push(printed.message ?? '');
  return { ok: true, returnDoc: documents.returnDoc, receipt, message: parts.join(' ') };
}
