/**
 * Parking a sale (the customer went back for one more item) and resuming it, on this register or
 * another of the same store: the parked sale is a document in the store's `parked` database.
 */
import type { ParkedSaleDoc } from '../../src/documents';
import { minor } from '../../src/money';
import type { PricedCart } from '../../src/pricing';
import { useCustomerStore } from './customer-store';
import type { Translate } from '../i18n/translate';
import { createServerApi } from '../platform/server-api';
import { services } from '../services';
import { useAppStore } from '../state/app-store';
import { cartInput, newId, useCartStore } from './cart-store';
import { claimParked } from './parked-claim';
import type { ParkedClaim } from './parked-claim';

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

/** How the refusal reads at the counter: who took the sale, at which register, when. */
async function takenMessage(
  claim: Extract<ParkedClaim, { kind: 'taken' }>,
  t: Translate,
): Promise<string> {
  const { db } = services();
  const local = claim.staffId ? await db.staff.findOne(claim.staffId).exec() : null;
  const name = claim.staffName ?? local?.name ?? (claim.staffId || '?');
  const locale = useAppStore.getState().locale;
  const time = claim.at
    ? new Date(claim.at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : '?';
  return t(claim.status === 'discarded' ? 'sell.parkedDiscarded' : 'sell.parkedTaken', {
    register: claim.registerId,
    name,
    time,
  });
}

function refusalText(claim: ParkedClaim, t: Translate): string | null {
  switch (claim.kind) {
    case 'elsewhere':
      return t(claim.why === 'offline' ? 'sell.parkedOfflineElsewhere' : 'sell.parkedNotSynced', {
        register: claim.registerId,
      });
    case 'failed':
      return t('sell.parkedClaimFailed', { reason: claim.reason });
    case 'claimed':
    case 'local':
    case 'taken':
      return null;
  }
}

/**
 * Resumes a parked sale on this register: claimed on the server first when online, so two
 * registers never both ring it up (parked-claim.ts has the offline rule). The cart is restored
 * only once the claim is this register's.
 */
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
  const claim = await claimParked(createServerApi(config), {
    parked,
    staffId: staff.id,
    registerId: config.registerId,
  });
  if (claim.kind === 'taken') {
    cart.setNotice({ kind: 'error', text: await takenMessage(claim, t) });
    return false;
  }
  const refusal = refusalText(claim, t);
  if (refusal !== null) {
    cart.setNotice({ kind: 'error', text: refusal });
    return false;
  }
  // Claimed: the server's record, word for word, so replication finds nothing to disagree on.
  const closed =
    claim.kind === 'claimed'
      ? claim.closed
      : { at: new Date().toISOString(), staffId: staff.id, registerId: config.registerId };
  // The local copy may have moved on while the server answered (the claim came back by
  // replication already): write over whatever is there now.
  const latest = await db.parked.findOne(id).exec();
  if (latest?.status === 'parked') await latest.incrementalPatch({ status: 'resumed', closed });
  else if (claim.kind === 'local') {
    cart.setNotice({ kind: 'error', text: t('sell.parkedGone') });
    return false;
  }
  useCartStore.getState().restore(parked.cart, null);
  if (parked.customerId) {
    const customer = await db.customers.findOne(parked.customerId).exec();
    if (customer) useCustomerStore.getState().attach(customer.toJSON());
  }
  useCartStore.getState().setNotice({ kind: 'info', text: t('sell.resumed') });
  return true;
}
