/**
 * What the server re-derives of a pushed pickup (see push-check.ts): the web order and its
 * earlier pickups decide what may be handed over, at which store, and what was due
 * (pickupProblems and amountDueForPickup in src/orders, the functions the register recorded the
 * pickup with); the tenders pay exactly that. A pickup's stock moves are then rebuilt from it
 * (stock-push-check.ts), so a pickup is where a forged hand-over would have to start.
 */
import type { PickupDoc } from '../../../src/documents';
import { sum } from '../../../src/money';
import { amountDueForPickup, pickupProblems } from '../../../src/orders';
import { fromCouchDoc } from '../../storage/couch-doc';
import { findWebOrder } from '../../index/index-lookups';
import { DocumentValidator } from '../document-validator';
import type { PushCheck, PushCheckContext } from './push-check';
import { ACCEPT, pending, reject } from './push-check';
import { staffMember } from './sale-lookups';
import { worksInStore } from '../../../src/staff/staff-rules';

/** Every other pickup of the order the server holds, plus those accepted earlier in this request. */
async function earlierPickups(
  context: PushCheckContext,
  orderId: string,
  pickupId: string,
): Promise<PickupDoc[]> {
  const stored = (await context.index.fetch(await context.index.postings('pick', orderId))).map(
    (entry) => fromCouchDoc<PickupDoc>(entry.doc),
  );
  const inRequest = [...context.accepted.values()]
    .map((doc) => DocumentValidator.bodyOf(doc) as unknown as PickupDoc)
    .filter((pickup) => pickup.orderId === orderId);
  const byId = new Map([...stored, ...inRequest].map((pickup) => [pickup.id, pickup]));
  byId.delete(pickupId);
  return [...byId.values()];
}

export const checkPickupPush: PushCheck = async (doc, context) => {
  const pickup = DocumentValidator.bodyOf(doc) as unknown as PickupDoc;
  if (pickup.deviceId !== context.principal.id) {
    return reject(
      'forged_identity',
      `the pickup says device ${pickup.deviceId}, but it was pushed by device ${context.principal.id}`,
    );
  }
  const staff = await staffMember(context, pickup.staffId);
  const works = staff?.active === true && worksInStore(staff, pickup.storeId);
  if (!works) {
    return reject(
      'forged_identity',
      `staffId ${pickup.staffId} is not an active member of staff at store ${pickup.storeId}`,
    );
  }
  const order = await findWebOrder(context.index, pickup.orderId);
  if (!order) {
    return pending(`web order ${pickup.orderId} of pickup ${pickup.id} is not on the server yet`);
  }
  const earlier = await earlierPickups(context, order.doc.id, pickup.id);
  const problems = pickupProblems(order.doc, earlier, pickup);
  if (problems.length > 0) {
    return reject(
      'not_derived',
      `pickup ${pickup.id} cannot hand that over: ${problems.map((problem) => problem.message).join(' ')}`,
    );
  }
  const due = amountDueForPickup(order.doc, earlier, pickup.lines);
  if (pickup.amountCollected !== due) {
    return reject(
      'amount_mismatch',
      `pickup ${pickup.id} says ${pickup.amountCollected} was collected; what it hands over leaves ${due} to pay`,
    );
  }
  if (pickup.tenders !== undefined) {
    const paid = sum(pickup.tenders.map((tender) => tender.applied));
    if (paid !== due) {
      return reject('amount_mismatch', `pickup ${pickup.id}'s tenders pay ${paid}; ${due} was due`);
    }
  }
  return ACCEPT;
};
