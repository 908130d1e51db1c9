/**
 * Parking a sale (the customer went back for one more item) and resuming it, on this register or
 * another of the same store: the parked sale is a document in the store's `parked` database.
 */
import type { ParkedSaleDoc } from '../../src/documents';
import { minor } from '../../src/money';
import type { PricedCart } from '../../src/pricing';
import { useCustomerStore } from '../customers/customer-store';
import type { Translate } from '../i18n/translate';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { cartInput, newId, useCartStore } from './cart-store';

export async function parkSale(
  label: string,
  priced: PricedCart | null,
  t: Translate,
): Promise<boolean> {
  const cart = useCartStore.getState();
  const { staff, config } = useAppStore.getState();
  if (!staff || !config) return false;
  if (cart.lines.length === 0) {
    cart.setNotice({ kind: 'error', text: t('sell.nothingToPark') });
    return false;
  }
  if (cart.tenders.length > 0) {
    cart.setNotice({ kind: 'error', text: t('sell.parkWithPayment') });
    return false;
  }
  const doc: ParkedSaleDoc = {
    id: newId('park'),
    storeId: config.storeId,
    registerId: config.registerId,
    deviceId: config.deviceId,
    staffId: staff.id,
    cart: cartInput(cart),
    ...(cart.customerId ? { customerId: cart.customerId } : {}),
    ...(label.trim() ? { label: label.trim().slice(0, 80) } : {}),
    totalWhenParked: priced?.totals.total ?? minor(0),
    lineCount: cart.lines.length,
    status: 'parked',
    parkedAt: new Date().toISOString(),
  };
  const { db } = services();
  await db.parked.insert(doc);
  const count = cart.lines.length;
  useCartStore.getState().clear();
  useCustomerStore.getState().detach();
  useCartStore.getState().setNotice({ kind: 'info', text: t('sell.parked', { count }) });
  return true;
}

export async function resumeParked(id: string, t: Translate): Promise<boolean> {
  const cart = useCartStore.getState();
  const { staff, config } = useAppStore.getState();
  if (!staff || !config) return false;
  if (cart.lines.length > 0) {
    cart.setNotice({ kind: 'error', text: t('sell.resumeFirstPark') });
    return false;
  }
  const { db } = services();
  const doc = await db.parked.findOne(id).exec();
  if (doc?.status !== 'parked') {
    cart.setNotice({ kind: 'error', text: t('sell.parkedGone') });
    return false;
  }
  const parked = doc.toJSON() as ParkedSaleDoc;
  await doc.incrementalPatch({
    status: 'resumed',
    closed: { at: new Date().toISOString(), staffId: staff.id, registerId: config.registerId },
  });
  useCartStore.getState().restore(parked.cart, null);
  if (parked.customerId) {
    const customer = await db.customers.findOne(parked.customerId).exec();
    if (customer) useCustomerStore.getState().attach(customer.toJSON());
  }
  useCartStore.getState().setNotice({ kind: 'info', text: t('sell.resumed') });
  return true;
}
