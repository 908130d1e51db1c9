/**
 * Finding a member at the kiosk, where anyone can type anything: a scanned card is proof
 * enough, a phone number must come with the last four digits of the member's card (which only
 * the member knows), and wrong pairs lock the keypad for a while so numbers cannot be tried in
 * bulk. Points are the sum of the member's ledger entries (src/loyalty); online, the server's
 * figure (which also knows other stores' entries) wins.
 */
import type { CustomerDoc, LoyaltyEntryDoc } from '../../src/documents';
import { normalizePhone } from '../../src/customers';
import { loyaltyBalance, tierStanding } from '../../src/loyalty';
import type { TierStanding } from '../../src/loyalty';
import { createServerApi } from '../platform/server-api';
import { services } from '../services';
import { useAppStore } from '../state/app-store';

export interface MemberView {
  name: string;
  points: number;
  standing: TierStanding | null;
}

/** A first name and initials only: the screen faces the shop floor. */
export function displayName(name: string): string {
  const parts = name.trim().split(/\s+/);
  const given = parts.pop() ?? '';
  return [...parts.map((part) => `${part.charAt(0)}.`), given].join(' ');
}

export async function memberByCard(cardNumber: string): Promise<CustomerDoc | null> {
  const docs = await services()
    .db.customers.find({ selector: { loyaltyCardNumber: cardNumber } })
    .exec();
  return docs[0]?.toJSON() ?? null;
}

export async function memberByPhone(phone: string, cardLast4: string): Promise<CustomerDoc | null> {
  // Stored in E.164 (src/customers' one normal form); text that is no phone number finds none.
  const e164 = normalizePhone(phone);
  if (e164 === null) return null;
  const docs = await services()
    .db.customers.find({ selector: { phone: e164 } })
    .exec();
  const match = docs
    .map((doc) => doc.toJSON() as CustomerDoc)
    .find(
      (customer) => cardLast4.length === 4 && customer.loyaltyCardNumber?.slice(-4) === cardLast4,
    );
  return match ?? null;
}

async function serverPoints(customerId: string): Promise<number | null> {
  const reply = await createServerApi(services().config).call('customers/get', { id: customerId });
  return reply.ok ? reply.value.loyalty.available : null;
}

export async function memberView(customer: CustomerDoc): Promise<MemberView> {
  const docs = await services()
    .db.loyalty.find({ selector: { customerId: customer.id } })
    .exec();
  const entries = docs.map((doc) => doc.toJSON() as LoyaltyEntryDoc);
  const program = useAppStore.getState().settings?.loyalty?.program;
  const local = loyaltyBalance(entries, customer.id).available;
  return {
    name: displayName(customer.name),
    points: (await serverPoints(customer.id)) ?? local,
    standing: program
      ? tierStanding(entries, customer.id, program, new Date().toISOString())
      : null,
  };
}

const MAX_TRIES = 5;
const LOCK_MS = 60_000;
let failures = 0;
let lockedUntil = 0;

/** Milliseconds left of a lockout after too many wrong phone/card pairs, or 0. */
export function lockRemaining(now: number): number {
  return Math.max(0, lockedUntil - now);
}

export function recordAttempt(ok: boolean, now: number): void {
  if (ok) {
    failures = 0;
    return;
  }
  failures += 1;
  if (failures >= MAX_TRIES) {
    failures = 0;
    lockedUntil = now + LOCK_MS;
  }
}
