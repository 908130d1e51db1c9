/**
 * The receipt model of any document the counter can find: a sale, a return, a pickup. One
 * function per kind, used both when the receipt is first printed (sell, returns, pickups) and
 * when it is shown on screen or printed again (components/receipt-viewer.tsx), so the screen and
 * the copy say what the first print said. The words come from the store's settings and the
 * documents in the local replica: this works offline.
 */
import type {
  CustomerDoc,
  PickupDoc,
  ReturnDoc,
  SaleDoc,
  StaffDoc,
  WebOrderDoc,
} from '../../src/documents';
import type { Minor } from '../../src/money';
import { orderLineProgress } from '../../src/orders';
import { buildPickupSlip, buildReturnReceipt, storeSaleReceipt } from '../../src/receipt';
import type { Receipt } from '../../src/receipt';
import { storeTimeZone } from '../../src/store-clock';
import type { OmniTranslate } from '../i18n/use-omni-translate';
import { services } from '../services';
import { useAppStore } from '../state/app-store';

export interface ReceiptExtras {
  customer?: CustomerDoc | null;
  pointsBalance?: number | null;
  staff?: StaffDoc | null;
}

/** A staff member's name from the replica (undefined for an id it does not hold, or none). */
export async function staffNameOf(staffId: string | undefined): Promise<string | undefined> {
  if (!staffId) return undefined;
  const doc = await services().db.staff.findOne(staffId).exec();
  return doc?.name;
}

async function customerOf(customerId: string | undefined): Promise<CustomerDoc | null> {
  if (!customerId) return null;
  const doc = await services().db.customers.findOne(customerId).exec();
  return doc ? doc.toJSON() : null;
}

/** A sale's receipt as its store prints it (src/receipt storeSaleReceipt). */
export async function saleReceiptOf(
  sale: SaleDoc,
  extras: ReceiptExtras = {},
  copy = false,
): Promise<Receipt> {
  const settings = useAppStore.getState().settings;
  const customer =
    extras.customer === undefined ? await customerOf(sale.customerId) : extras.customer;
  const name =
    extras.staff?.id === sale.staffId ? extras.staff.name : await staffNameOf(sale.staffId);
  return storeSaleReceipt(sale, settings, {
    ...(name ? { staffName: name } : {}),
    customer: customer ?? null,
    ...(extras.pointsBalance === undefined ? {} : { pointsBalance: extras.pointsBalance }),
    copy,
  });
}

/** The store's words every counter receipt shares: name, header, footer, language, time zone. */
function counterContext() {
  const { config } = services();
  const app = useAppStore.getState();
  const storeName = app.settings?.name ?? config.storeId;
  return {
    header: app.settings?.receipt.header ?? [storeName],
    footer: app.settings?.receipt.footer ?? [],
    storeName,
    locale: app.locale,
    timeZone: storeTimeZone(app.settings),
  };
}

/**
 * A return's receipt. `originalLabel` is what the customer knows the original by (a web order's
 * number); the sale's id is used otherwise. Names not given are read from the replica.
 */
export async function returnReceiptOf(
  returnDoc: ReturnDoc,
  names: { originalLabel?: string; staffName?: string; approverName?: string } = {},
): Promise<Receipt> {
  const staffName = names.staffName ?? (await staffNameOf(returnDoc.staffId));
  const approverName = names.approverName ?? (await staffNameOf(returnDoc.approvedBy));
  const originalLabel = names.originalLabel ?? returnDoc.original?.documentId;
  return buildReturnReceipt({
    returnDoc,
    ...(originalLabel ? { originalLabel } : {}),
    ...(staffName ? { staffName } : {}),
    ...(approverName ? { approverName } : {}),
    ...counterContext(),
    currency: returnDoc.currency,
    now: new Date(returnDoc.completedAt),
  });
}

/** How a pickup was paid at the counter, as the slip lists it: each tender, then the change. */
export function pickupPaymentRows(
  pickup: Pick<PickupDoc, 'tenders'>,
  t: OmniTranslate,
): { label: string; amount: Minor }[] {
  const rows: { label: string; amount: Minor }[] = [];
  for (const tender of pickup.tenders ?? []) {
    rows.push({
      label:
        tender.kind === 'card'
          ? `${t('pickup.payCard')} (${tender.approvalCode})`
          : t('pickup.payCash'),
      amount: tender.amount,
    });
    if (tender.change > 0)
      rows.push({
        label: t('pickup.change', { amount: '' }).replace(/[:\s]+$/, ''),
        amount: tender.change,
      });
  }
  return rows;
}

/**
 * A pickup's slip: what left the store with it, and what was still to collect right after it
 * (the order's pickups up to and including this one).
 */
export async function pickupSlipOf(
  order: WebOrderDoc,
  pickups: readonly PickupDoc[],
  pickup: PickupDoc,
  t: OmniTranslate,
  names: { customerName?: string; staffName?: string } = {},
): Promise<Receipt> {
  const upTo = [
    ...pickups.filter((other) => other.id !== pickup.id && other.createdAt <= pickup.createdAt),
    pickup,
  ];
  const remaining = orderLineProgress(order, upTo).map((line) => ({
    lineId: line.lineId,
    quantity: line.toPickUp,
  }));
  const customerName = names.customerName ?? (await customerOf(order.customerId))?.name;
  const staffName = names.staffName ?? (await staffNameOf(pickup.staffId || undefined));
  return buildPickupSlip({
    order,
    pickup,
    remaining,
    ...(customerName ? { customerName } : {}),
    ...(staffName ? { staffName } : {}),
    payment: pickupPaymentRows(pickup, t),
    ...counterContext(),
    currency: order.currency,
    now: new Date(pickup.createdAt),
  });
}
