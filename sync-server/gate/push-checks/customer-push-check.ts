/**
 * What the server checks of a customer a register creates (see push-check.ts; write-policy.ts
 * already makes profiles create-only for devices). A phone number and a loyalty card number
 * belong to one customer across the chain, compared in their normal form
 * (src/customers/customer-identity.ts): a second customer with a known phone or card is
 * refused as `duplicate_customer`. Profiles already stored are found through the server index;
 * two creations racing (two registers, or two server processes on one CouchDB) are serialised
 * by create-only claim documents (customer-claims.ts).
 */
import type { CustomerDoc } from '../../../src/documents';
import { normalizeCardNumber, normalizePhone } from '../../../src/customers';
import { fromCouchDoc } from '../../storage/couch-doc';
import type { StoredDoc } from '../../storage/document-store';
import { claimIdentity, releaseClaims } from './customer-claims';
import type { IdentityClaim } from './customer-claims';
import type { PushCheck, PushCheckContext } from './push-check';
import { ACCEPT, reject } from './push-check';

/** The phone and card claims a profile makes, each under the key the index keeps it by. */
function claimsOf(customer: CustomerDoc): (IdentityClaim & { indexed: string[] })[] {
  const claims: (IdentityClaim & { indexed: string[] })[] = [];
  const phone = customer.phone === undefined ? null : normalizePhone(customer.phone);
  if (phone) {
    claims.push({ kind: 'phone', value: phone, indexed: [...new Set([phone, customer.phone!])] });
  }
  const card =
    customer.loyaltyCardNumber === undefined
      ? null
      : normalizeCardNumber(customer.loyaltyCardNumber);
  if (card) {
    claims.push({
      kind: 'card',
      value: card,
      indexed: [...new Set([card, customer.loyaltyCardNumber!])],
    });
  }
  return claims;
}

/** Another customer the server already holds under this phone or card, if any. */
async function holderOf(
  context: PushCheckContext,
  claim: IdentityClaim & { indexed: string[] },
  customerId: string,
): Promise<string | undefined> {
  for (const key of claim.indexed) {
    const postings = await context.index.postings(claim.kind, key);
    const other = postings.find((posting) => posting.id !== customerId);
    if (other) return other.id;
  }
  for (const [id, doc] of context.accepted) {
    if (id === customerId) continue;
    const other = claimsOf(fromCouchDoc<CustomerDoc>(doc as StoredDoc));
    if (
      other.some((candidate) => candidate.kind === claim.kind && candidate.value === claim.value)
    ) {
      return id;
    }
  }
  return undefined;
}

const WORDS = { phone: 'phone number', card: 'loyalty card' } as const;

export const checkCustomerPush: PushCheck = async (doc, context) => {
  const customer = fromCouchDoc<CustomerDoc>(doc as StoredDoc);
  const claims = claimsOf(customer);
  for (const claim of claims) {
    const holder = await holderOf(context, claim, customer.id);
    if (holder) {
      return reject(
        'duplicate_customer',
        `${WORDS[claim.kind]} ${claim.value} belongs to customer ${holder}; attach that customer instead of creating another`,
      );
    }
  }
  const created: { claim: IdentityClaim; rev: string }[] = [];
  for (const claim of claims) {
    const { holder, createdRev } = await claimIdentity(context.store, claim, customer.id);
    if (createdRev) created.push({ claim, rev: createdRev });
    if (holder !== customer.id) {
      // The phone was ours but the card another's: the phone is free again for its owner.
      await releaseClaims(context.store, created);
      return reject(
        'duplicate_customer',
        `${WORDS[claim.kind]} ${claim.value} was just given to customer ${holder}; attach that customer instead of creating another`,
      );
    }
  }
  return ACCEPT;
};
