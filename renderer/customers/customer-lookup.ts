/**
 * Finding a customer at the counter from what the cashier has: a loyalty card number, a phone
 * number as people say it (0901 234 567, +84 901 234 567) or part of a name, with or without
 * Vietnamese accents. Pure: the caller passes the customers it holds.
 */
import type { CustomerDoc } from '../../src/documents';
import { normalizeSearchText } from '../../src/search';

/**
 * A Vietnamese phone number in E.164 (`+84901234567`), as CustomerDoc keeps it; null when the
 * text is not a phone number. A leading 0 is the national trunk prefix.
 */
export function normalizePhone(text: string): string | null {
  const compact = text.replace(/[\s.()-]/g, '');
  if (!/^\+?\d{6,15}$/.test(compact)) return null;
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('84') && compact.length >= 11) return `+${compact}`;
  if (compact.startsWith('0')) return `+84${compact.slice(1)}`;
  return null;
}

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
