/**
 * A note's or a card's balance: issued − redeemed + reversed, summed from facts; what may be
 * spent now also takes off the holds registers placed online (server-side) and is nothing once
 * the note has expired. `checkSpend` is the one rule every spend goes through: never more than
 * is available, so the balance never goes below zero while holds are respected.
 */
import type { CurrencyCode, Minor } from '../money';
import { minor } from '../money';
import type {
  StoredValueFact,
  StoredValueIssue,
  StoredValueKind,
  StoredValueRedemption,
} from './stored-value-facts';

/** A reservation on a note, placed by a register before it takes the tender. */
export interface StoredValueHold {
  holdId: string;
  number: string;
  amount: Minor;
  /** The sale that will spend it: once that sale's tender is known the hold counts no more. */
  saleId: string;
  status: 'held' | 'confirmed' | 'released';
  expiresAt: string;
}

export interface StoredValueAccount {
  number: string;
  /** Null when nothing ever issued this number (an unknown note or card). */
  kind: StoredValueKind | null;
  currency: CurrencyCode | null;
  /** The store whose return issued the note (credit notes only). */
  issuedBy?: string;
  issued: Minor;
  redeemed: Minor;
  reversed: Minor;
  /** issued − redeemed + reversed; below zero means the note was overspent. */
  balance: Minor;
  /** Held now: open holds, and confirmed ones whose sale has not arrived yet. */
  held: Minor;
  /** What may be spent now: balance − held, never below zero, zero once expired. */
  available: Minor;
  expiresAt?: string;
  expired: boolean;
  issues: StoredValueIssue[];
  redemptions: StoredValueRedemption[];
}

/** Each fact once: a sale or a return read twice (replica and server) counts once. */
function factKey(fact: StoredValueFact): string {
  return fact.type === 'redeem'
    ? `redeem\u0000${fact.saleId}\u0000${fact.tenderId}`
    : `${fact.type}\u0000${fact.sourceId}\u0000${fact.number}`;
}

/** Whether a hold still counts against the balance at `now`. */
export function holdCounts(
  hold: StoredValueHold,
  redemptions: readonly StoredValueRedemption[],
  now: string,
): boolean {
  if (hold.status === 'released') return false;
  // Once the sale it was placed for has spent the note, the sale's tender counts instead (also
  // when the confirmation never reached the server).
  const spent = redemptions.some(
    (redemption) => redemption.saleId === hold.saleId && redemption.number === hold.number,
  );
  if (spent) return false;
  // Confirmed: the register's sale spends it; until that sale arrives the hold stands for it.
  return hold.status === 'confirmed' || hold.expiresAt > now;
}

export function storedValueAccount(
  number: string,
  facts: readonly StoredValueFact[],
  holds: readonly StoredValueHold[],
  now: string,
): StoredValueAccount {
  const seen = new Set<string>();
  const mine = facts.filter((fact) => {
    if (fact.number !== number) return false;
    const key = factKey(fact);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const issues = mine.filter((fact): fact is StoredValueIssue => fact.type === 'issue');
  const redemptions = mine.filter((fact): fact is StoredValueRedemption => fact.type === 'redeem');
  const total = (type: StoredValueFact['type']) =>
    mine.filter((fact) => fact.type === type).reduce((sum, fact) => sum + fact.amount, 0);
  const issued = total('issue');
  const redeemed = total('redeem');
  const reversed = total('reverse');
  const balance = issued - redeemed + reversed;
  const held = holds
    .filter((hold) => hold.number === number && holdCounts(hold, redemptions, now))
    .reduce((sum, hold) => sum + hold.amount, 0);
  // The earliest expiry of its issues wins: a note is spent whole or not at all after it.
  const expiresAt = issues
    .map((issue) => issue.expiresAt)
    .filter((at): at is string => at !== undefined)
    .sort()[0];
  const expired = expiresAt !== undefined && expiresAt <= now;
  const first = issues[0];
  return {
    number,
    kind: first?.kind ?? null,
    currency: first?.currency ?? mine[0]?.currency ?? null,
    ...(first?.kind === 'credit-note' && first.storeId ? { issuedBy: first.storeId } : {}),
    issued: minor(issued),
    redeemed: minor(redeemed),
    reversed: minor(reversed),
    balance: minor(balance),
    held: minor(held),
    available: minor(expired ? 0 : Math.max(0, balance - held)),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    expired,
    issues,
    redemptions,
  };
}

/** Every number the facts name, each with its account. */
export function storedValueAccounts(
  facts: readonly StoredValueFact[],
  holds: readonly StoredValueHold[],
  now: string,
): StoredValueAccount[] {
  const numbers = [...new Set(facts.map((fact) => fact.number))].sort();
  return numbers.map((number) => storedValueAccount(number, facts, holds, now));
}

export type SpendRefusalCode =
  'invalid-amount' | 'unknown-number' | 'expired' | 'wrong-currency' | 'insufficient-balance';

export type SpendCheck =
  | { ok: true; balanceAfter: Minor }
  | { ok: false; code: SpendRefusalCode; available: Minor; message: string };

/**
 * May `amount` be taken from the account now? Messages say what to do next; amounts are in
 * minor units (the screen words them in the cashier's language from `code` and `available`).
 */
export function checkSpend(
  account: StoredValueAccount,
  amount: Minor,
  currency?: CurrencyCode,
): SpendCheck {
  const refuse = (code: SpendRefusalCode, message: string): SpendCheck => ({
    ok: false,
    code,
    available: account.available,
    message,
  });
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    return refuse(
      'invalid-amount',
      `${amount} is not an amount to take from ${account.number}; enter an amount greater than zero.`,
    );
  }
  if (account.kind === null) {
    return refuse(
      'unknown-number',
      `No credit note or gift card ${account.number || '(no number)'} was ever issued; check the number on the return receipt or the card, or take another tender.`,
    );
  }
  if (account.expired) {
    return refuse(
      'expired',
      `${account.number} expired at ${account.expiresAt ?? ''}; it can no longer pay. Take another tender.`,
    );
  }
  if (currency && account.currency && currency !== account.currency) {
    return refuse(
      'wrong-currency',
      `${account.number} holds ${account.currency}, the sale is in ${currency}; take another tender.`,
    );
  }
  if (amount > account.available) {
    return refuse(
      'insufficient-balance',
      account.available > 0
        ? `${account.number} has ${account.available} left; take at most ${account.available} from it and the rest by another tender.`
        : `${account.number} has nothing left to spend; take another tender.`,
    );
  }
  return { ok: true, balanceAfter: minor(account.available - amount) };
}

/** Accounts spent below zero (offline spends in two stores, or a spend with no hold). */
export function overspentAccounts(accounts: readonly StoredValueAccount[]): StoredValueAccount[] {
  return accounts.filter((account) => account.kind !== null && account.balance < 0);
}
