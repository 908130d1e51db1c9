/**
 * Finding a customer at the counter from what the cashier has: a loyalty card number, a phone
 * number as people say it (0901 234 567, +84 901 234 567) or part of a name, with or without
 * Vietnamese accents. Pure: the caller passes the customers it holds.
 */
import type { CustomerDoc } from '../../src/documents';
import { normalizePhone } from '../../src/customers';
import { normalizeSearchText } from '../../src/search';

export type CustomerQuery =
  | { kind: 'card'; cardNumber: string }
  | { kind: 'phone'; phone: string }
  | { kind: 'name'; words: string[] };

export function parseCustomerQuery(
  text: string,
  isCard: (text: string) => boolean,
): CustomerQuery | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (isCard(trimmed)) return { kind: 'card', cardNumber: trimmed };
  const phone = normalizePhone(trimmed);
  if (phone) return { kind: 'phone', phone };
  const words = normalizeSearchText(trimmed).split(' ').filter(Boolean);
  return words.length > 0 ? { kind: 'name', words } : null;
}

export function matchCustomers(
  customers: Iterable<CustomerDoc>,
  query: CustomerQuery,
  limit = 20,
): CustomerDoc[] {
  const found: CustomerDoc[] = [];
  for (const customer of customers) {
    const matches =
      query.kind === 'card'
        ? customer.loyaltyCardNumber?.toUpperCase() === query.cardNumber.toUpperCase()
        : query.kind === 'phone'
          ? customer.phone === query.phone
          : query.words.every((word) =>
              ` ${normalizeSearchText(customer.name)}`.includes(` ${word}`),
            );
    if (matches) found.push(customer);
    if (found.length >= limit) break;
  }
  return found;
}
